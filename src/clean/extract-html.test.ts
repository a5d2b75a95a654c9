import { describe, expect, it } from 'vitest';
import { extractHtml } from './extract-html.js';

const LONG = 'The regional governor said on Saturday that the curfew would be lifted in stages over the coming week, starting with the districts furthest from the front line.';

describe('extractHtml', () => {
  it('reads metadata from JSON-LD in an @graph when the meta tags are missing', () => {
    const html = `<html lang="hy-AM"><head><title>Site | Page</title><script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "x"}, {"@type": ["NewsArticle"], "headline": "LD headline", "datePublished": "2021-02-03T04:05:06Z", "publisher": {"name": "LD Outlet"}, "url": "https://ld.example/a"}]}</script></head><body><article><p>${LONG}</p><p>${LONG}</p></article></body></html>`;
    const page = extractHtml(html);
    expect(page).toMatchObject({ title: 'LD headline', outlet: 'LD Outlet', url: 'https://ld.example/a', published: '2021-02-03T04:05:06Z', language: 'hy', method: 'readability' });
  });

  it('survives broken JSON-LD and unparseable dates', () => {
    const html = `<html><head><meta property="article:published_time" content="last Tuesday"><script type="application/ld+json">{broken</script></head><body><p>${LONG}</p><p>${LONG}</p></body></html>`;
    expect(extractHtml(html)).toMatchObject({ published: null, title: null });
  });

  it('keeps every block of a fragment, with hints from the markup', () => {
    const page = extractHtml('<h2>Sub head</h2><p>Text one.</p><blockquote>A quote.</blockquote><figure><figcaption>A caption.</figcaption></figure><ul><li>Item</li></ul><script>var x = 1;</script>');
    expect(page.method).toBe('fragment');
    expect(page.blocks).toEqual([
      { text: 'Sub head', hint: 'heading' },
      { text: 'Text one.', hint: null },
      { text: 'A quote.', hint: 'quote' },
      { text: 'A caption.', hint: 'caption' },
      { text: 'Item', hint: null },
    ]);
  });

  it('falls back to the page text outside its chrome when Readability finds too little', () => {
    const page = extractHtml('<html><body><nav><a>Home</a><a>World</a></nav><p>Short note one.</p><p>Short note two.</p><footer>Footer text</footer></body></html>');
    expect(page.method).toBe('dom-fallback');
    expect(page.blocks.map((b) => b.text)).toEqual(['Short note one.', 'Short note two.']);
  });

  it('never throws on garbage and deep nesting, and stays fast there', () => {
    for (const html of ['<<<>>>', '<html><body>' + '<div>'.repeat(20000) + 'deep text' + '</div>'.repeat(5) + '</body></html>', '\u0000<p', '<html><p>no body</p></html>']) {
      expect(() => extractHtml(html)).not.toThrow();
    }
    expect(extractHtml('<html><body>' + '<div>'.repeat(20000) + 'deep text').blocks.map((b) => b.text)).toEqual(['deep text']);
    // Readability needs ~16 s at depth 1,000: such documents skip it.
    const deep = extractHtml(`<html><body>${'<div>'.repeat(1000)}<p>${'Deep text, nested far too far. '.repeat(10)}</p></body></html>`);
    expect(deep.method).toBe('dom-fallback');
  });
});
