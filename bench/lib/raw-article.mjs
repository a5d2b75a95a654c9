/**
 * A benchmark article ({id, title, text, outlet?, published}) as the pipeline's RawArticle, with
 * its metadata trusted and its language known.
 */
export const rawArticle = (a) => ({
  id: a.id, source: a.id, format: 'jsonl', title: a.title, text: a.text, html: null, url: null,
  outlet: a.outlet ?? null, published: a.published, publishedSource: 'metadata', language: 'en', diagnostics: [],
});
