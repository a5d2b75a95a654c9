/**
 * Lone surrogates (issue #16): a JSON article whose strings hold `\ud800`-style escapes is stored
 * as well-formed UTF-8 (U+FFFD in their place), with a diagnostic naming the article and fields,
 * so any SQLite client can read it.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../api/create-app.js';
import type { IngestResponse } from '../api/ingest-articles.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { wellFormed } from './well-formed-text.js';

describe('wellFormed', () => {
  it('replaces lone high and low surrogates and keeps pairs', () => {
    expect(wellFormed('a\uD800b')).toEqual({ text: 'a\uFFFDb', replaced: 1 });
    expect(wellFormed('\uDC00x\uD83D')).toEqual({ text: '\uFFFDx\uFFFD', replaced: 2 });
    expect(wellFormed('ok \uD83D\uDE00')).toEqual({ text: 'ok \uD83D\uDE00', replaced: 0 });
    expect(wellFormed('\uDE00\uD83D').replaced).toBe(2); // reversed pair: both lone
  });
});

describe('storing ill-formed text', () => {
  it('stores well-formed UTF-8 with a diagnostic', async () => {
    const store = SqliteStore.open(':memory:');
    await store.migrate();
    const app = createApp({ store });
    // Written by hand: JSON.stringify would escape them the same way.
    const body = '{"id":"lone-\\ud800","title":"Shelling \\udc00 in Tartar","text":"Armenian forces shelled Tartar on Monday \\ud83d, killing two civilians.","published":"2020-10-05"}';
    const res = await app.request('/api/articles', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    const out = (await res.json()) as IngestResponse;
    const article = out.articles[0]!;
    expect(article.id).toBe('lone-\uFFFD');
    const d = article.diagnostics.find((x) => x.code === 'ingest/ill-formed-unicode');
    expect(d?.message).toMatch(/article lone-\uFFFD: lone UTF-16 surrogates in "id" \(1\), "title" \(1\), "text" \(1\)/);
    // Every text column is valid UTF-8 as stored.
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const rows = store.database.prepare('SELECT CAST(id AS BLOB) AS id, CAST(title AS BLOB) AS title, CAST(text AS BLOB) AS text FROM articles').all() as Record<string, Buffer>[];
    expect(rows).toHaveLength(1);
    for (const value of Object.values(rows[0]!)) expect(() => fatal.decode(value)).not.toThrow();
    expect(fatal.decode(rows[0]!.title)).toBe('Shelling \uFFFD in Tartar');
    await store.close();
  });
});

describe('wellFormed on long texts', () => {
  it('finds a lone surrogate at the end of a long text and leaves a well-formed one as it is', () => {
    const long = 'word '.repeat(100_000);
    expect(wellFormed(long).text).toBe(long);
    expect(wellFormed(long).replaced).toBe(0);
    expect(wellFormed(`${long}\ud800`)).toEqual({ text: `${long}\ufffd`, replaced: 1 });
    expect(wellFormed(`\udc00${long}😀`)).toEqual({ text: `\ufffd${long}😀`, replaced: 1 });
  });
});
