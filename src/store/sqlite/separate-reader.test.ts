/**
 * Reads that never wait for a write (issue #16, `sitrep serve`): with `separateReader`, a read
 * made while a write transaction is open answers at once from what was committed before it,
 * and a long transaction gives the event loop back between its statements.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { makeExtraction } from '../testing/extraction-fixtures.js';
import { makeTempDir } from '../testing/store-matrix.js';
import { TX_YIELD_MS } from './sqlite-store.js';

const settled = async (p: Promise<unknown>, ms: number): Promise<boolean> =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('SqliteStore with a separate reader', () => {
  it('answers a read during an open write transaction with what was committed before it', async () => {
    const tmp = makeTempDir();
    const store = await openStore(path.join(tmp.dir, 'r.db'), { separateReader: true });
    try {
      await store.saveExtraction(makeExtraction('a1'), { contentHash: 'h1' });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const tx = store.transaction(async (t) => {
        await t.saveExtraction(makeExtraction('a2'), { contentHash: 'h2' });
        await held;
      });
      await new Promise((r) => setTimeout(r, 20));
      const count = store.countArticles();
      expect(await settled(count, 500)).toBe(true);
      expect(await count).toBe(1);
      release();
      await tx;
      expect(await store.countArticles()).toBe(2);
    } finally {
      await store.close();
      tmp.remove();
    }
  });

  it('without it, the same read waits for the transaction (as before)', async () => {
    const tmp = makeTempDir();
    const store = await openStore(path.join(tmp.dir, 'r.db'));
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const tx = store.transaction(async () => held);
      const count = store.countArticles();
      expect(await settled(count, 100)).toBe(false);
      release();
      await tx;
      expect(await count).toBe(0);
    } finally {
      await store.close();
      tmp.remove();
    }
  });

  it('lets a timer run between the statements of a long transaction', async () => {
    const tmp = makeTempDir();
    const store = await openStore(path.join(tmp.dir, 'r.db'), { separateReader: true });
    try {
      const order: string[] = [];
      await store.transaction(async (t) => {
        setTimeout(() => order.push('timer'), 0);
        const until = performance.now() + TX_YIELD_MS + 10;
        while (performance.now() < until); // a long stretch of work
        await t.saveExtraction(makeExtraction('a1'), { contentHash: 'h1' });
        order.push('saved');
      });
      expect(order).toEqual(['timer', 'saved']);
      expect(await store.countArticles()).toBe(1);
    } finally {
      await store.close();
      tmp.remove();
    }
  });
});
