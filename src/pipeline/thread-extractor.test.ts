/**
 * Extraction threads give the same results as extraction in this thread, plus the body
 * signature the resolver would otherwise compute. The threads run the build's worker script
 * (`dist/`, made by `npm ci`), as `sitrep ingest` does.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractContext } from '../extract/create-extract-context.js';
import type { RawArticle } from '../model/article.js';
import { readInputs } from '../ingest/read-inputs.js';
import { bodySignature } from '../resolve/near-duplicate-grouper.js';
import { processArticle } from './process-article.js';
import { inlineExtractor } from './extractor.js';
import { threadExtractor } from './thread-extractor.js';

const SEEDS = new URL('../../../shared/corpus/seeds.jsonl', import.meta.url).pathname;

async function seeds(): Promise<RawArticle[]> {
  const out: RawArticle[] = [];
  for await (const item of readInputs([SEEDS], {})) if (item.kind === 'article') out.push(item.article);
  return out;
}

describe('threadExtractor', () => {
  const pool = threadExtractor(2);
  afterAll(() => pool.close());

  it('returns what processArticle returns, for every seed, with its body signature', async () => {
    const ctx = createExtractContext();
    const articles = await seeds();
    const results = await Promise.all(articles.map((a) => pool.extract(a)));
    results.forEach((r, i) => {
      const expected = processArticle(articles[i]!, ctx);
      expect(r.result).toEqual(expected);
      expect(r.hints.bodySignature).toEqual(bodySignature(expected.article.text));
    });
    expect(pool.versions).toEqual(inlineExtractor(ctx).versions);
  });

  it('leaves body signatures to the caller with one thread, unless asked', async () => {
    const article = (await seeds())[0]!;
    const one = threadExtractor(1);
    const signing = threadExtractor(1, { bodySignatures: true });
    try {
      const [a, b] = await Promise.all([one.extract(article), signing.extract(article)]);
      expect(a.hints).toEqual({});
      expect(a.result).toEqual(b.result);
      expect(b.hints.bodySignature).toEqual(bodySignature(b.result.article.text));
    } finally {
      await Promise.all([one.close(), signing.close()]);
    }
  });

  it('turns an article that is not text into diagnostics, not a failure', async () => {
    const bad: RawArticle = { id: 'bad-1', source: 'bad.txt', format: 'txt', title: null, html: null, outlet: null, url: null, published: null, publishedSource: null, language: null, text: '\u0000\u0001\u0002', diagnostics: [] };
    const { result } = await pool.extract(bad);
    expect(result.article.id).toBe('bad-1');
    expect(result.events).toEqual([]);
  });

  it('rejects work after close', async () => {
    const other = threadExtractor(1);
    await other.close();
    await expect(other.extract((await seeds())[0]!)).rejects.toThrow(/closed/);
  });

  it('needs a positive number of threads', () => {
    expect(() => threadExtractor(0)).toThrow(RangeError);
  });
});

describe('threadExtractor time budget', () => {
  it('fails an article that runs out of time, naming it, and extracts the ones queued behind it', async () => {
    const pool = threadExtractor(1, { timeoutMs: 400 });
    try {
      const [small] = await seeds();
      await pool.extract(small!); // the thread is up: its packs are loaded
      // ~400,000 characters of text: seconds of extraction, far over 400 ms.
      const slow: RawArticle = { ...small!, id: 'slow-one', text: `${'Armenian forces shelled the town of Tartar on Monday, killing two civilians. '.repeat(5200)}` };
      const after: RawArticle = { ...small!, id: 'queued-behind' };
      const [a, b] = await Promise.allSettled([pool.extract(slow), pool.extract(after)]);
      expect(a.status).toBe('rejected');
      expect((a as PromiseRejectedResult).reason.message).toMatch(/article slow-one took longer than 0.4 s; skipped/);
      expect(b.status).toBe('fulfilled');
      expect((b as PromiseFulfilledResult<{ result: unknown }>).value.result).toEqual(processArticle(after, createExtractContext()));
    } finally {
      await pool.close();
    }
  }, 60_000);
});
