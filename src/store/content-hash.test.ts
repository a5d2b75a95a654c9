import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';

describe('contentHash', () => {
  const article = { id: 'a1', title: 'Clashes near Fakeville', text: 'Body text.', outlet: 'Example Wire', published: '2021-03-02' };

  it('is sha256 hex and stable across key order, absent vs null fields and extra fields', () => {
    const h = contentHash(article, { extractor: '0.1.0', pack: '1' });
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { published: '2021-03-02', outlet: 'Example Wire', text: 'Body text.', title: 'Clashes near Fakeville', id: 'a1', url: null };
    expect(contentHash(reordered, { pack: '1', extractor: '0.1.0' })).toBe(h);
    expect(contentHash({ ...article, source: 'elsewhere/a1.txt' } as typeof article, { extractor: '0.1.0', pack: '1' })).toBe(h);
  });

  it('changes with any hashed field or version', () => {
    const base = contentHash(article, '0.1.0');
    expect(contentHash({ ...article, text: 'Body text!' }, '0.1.0')).not.toBe(base);
    expect(contentHash({ ...article, id: 'a2' }, '0.1.0')).not.toBe(base);
    expect(contentHash({ ...article, published: '2021-03-03' }, '0.1.0')).not.toBe(base);
    expect(contentHash(article, '0.1.1')).not.toBe(base);
    // A field's value cannot leak into another field's (no ambiguous concatenation).
    expect(contentHash({ id: 'a', title: 'bc' }, 'v')).not.toBe(contentHash({ id: 'ab', title: 'c' }, 'v'));
  });
});
