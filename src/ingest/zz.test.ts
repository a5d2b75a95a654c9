import { test } from 'vitest';
import { readInputs } from './read-inputs.js';
import { cleanArticle } from '../clean/clean-article.js';
test('x', async () => {
  for await (const item of readInputs(['test/fixtures/inputs/good', 'test/fixtures/inputs/bad', 'nope.txt'], { published: '2021-01-01' })) {
    if (item.kind === 'failure') { console.log('FAIL', item.source, item.id, item.diagnostics.map(d => `${d.code}: ${d.message}`)); continue; }
    const a = item.article;
    const c = cleanArticle(a);
    console.log('ART', a.source, a.id, a.format, JSON.stringify(a.title), a.published, a.publishedSource, a.outlet, a.url, a.language, a.diagnostics.map(d => d.code), '\n   ->', JSON.stringify(c.title), c.published, c.publishedSource, c.outlet, c.url, c.language, c.diagnostics.map(d=>d.code), '\n', c.paragraphs.map(p => `[${p.kind}] ${c.text.slice(p.start, p.end)}`).join('\n '), '\n  removed:', c.removed.map(r=>r.rule+': '+r.text.slice(0,40)).join(' | '));
  }
});
