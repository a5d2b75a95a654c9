/**
 * Extraction in worker threads, so that on a machine with more than one core the store and the
 * resolver (which must stay on one connection, in order) run while the next articles are being
 * extracted. Each thread loads the packs once; an article goes to the thread with the fewest in
 * hand. Results come back by structured clone: the same objects `processArticle` returns.
 *
 * A thread that dies (out of memory on a pathological input) fails the articles it held with an
 * error naming each; the next article starts a new thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readPackVersions } from '../packs/load-packs.js';
import { threadScriptUrl } from '../thread-script.js';
import type { RawArticle } from '../model/article.js';
import type { ExtractionResult } from '../model/extraction.js';
import type { ExtractReply, ExtractRequest } from './extract-worker.js';
import type { Extracted, Extractor } from './extractor.js';
import { EXTRACTOR_VERSION } from './process-article.js';

/** Extraction threads to use by default: one per core besides the caller's, at most 4. */
export function defaultExtractThreads(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

interface Pending {
  readonly raw: RawArticle;
  readonly resolve: (r: Extracted) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  worker: Worker | null;
  /** In the order sent: a thread extracts in that order, so the first is the one in hand. */
  readonly pending: Map<number, Pending>;
  /** The time budget of the article in hand. */
  timer: NodeJS.Timeout | null;
  /** The thread has answered once (it has loaded the packs). */
  warm: boolean;
}

/** Added to the budget of a new thread's first article: loading the packs takes a few seconds. */
const STARTUP_ALLOWANCE_MS = 30_000;

/** Default time budget of one article in an extraction thread (see `ThreadExtractorOptions.timeoutMs`). */
export const DEFAULT_EXTRACT_TIMEOUT_MS = 60_000;

/** Options of {@link threadExtractor}. */
export interface ThreadExtractorOptions {
  /**
   * Whether the threads also compute each body's near-duplicate signature (the hint
   * `bodySignature`). Default: when there are two threads or more. With one extraction thread (a
   * 2-core machine) that thread is the bottleneck of `sitrep ingest` and the storing thread has
   * time to spare, so the storing thread computes them (`ingestItems`): 7% more articles/s with
   * the full resolver, measured. With more threads the storing thread is the bottleneck.
   */
  readonly bodySignatures?: boolean;
  /**
   * Time budget of one article (default {@link DEFAULT_EXTRACT_TIMEOUT_MS}; 0: none). An article
   * still in extraction after it fails with an error naming it; its thread is replaced and the
   * articles queued behind it go to the new thread, so one input never holds back the others.
   * Extraction is bounded in the text's length (`extraction-budget.ts`): this is a safety net.
   */
  readonly timeoutMs?: number;
}

/** An {@link Extractor} over `threads` worker threads (at least 1). */
export function threadExtractor(threads: number, options: ThreadExtractorOptions = {}): Extractor {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  const sign = options.bodySignatures ?? threads >= 2;
  // The threads load the packs; this one only needs their versions (not 0.7 s and 145 MB of packs).
  const packVersions = readPackVersions();
  const url = threadScriptUrl(import.meta.url, 'pipeline/extract-worker.js');
  const slots: Slot[] = Array.from({ length: threads }, () => ({ worker: null, pending: new Map(), timer: null, warm: false }));
  const timeoutMs = options.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS;
  let nextId = 0;
  let closed = false;

  const post = (slot: Slot, worker: Worker, id: number, p: Pending): void => {
    worker.postMessage({ id, raw: p.raw, sign } satisfies ExtractRequest);
  };

  /** (Re)starts the budget of the article the slot's thread has in hand. */
  const arm = (slot: Slot): void => {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    const head = slot.pending.keys().next();
    if (timeoutMs <= 0 || head.done) return;
    const id = head.value;
    slot.timer = setTimeout(() => overrun(slot, id), timeoutMs + (slot.warm ? 0 : STARTUP_ALLOWANCE_MS));
    slot.timer.unref();
  };

  /** The article in hand ran out of time: fail it, replace the thread, resend the others. */
  const overrun = (slot: Slot, id: number): void => {
    slot.timer = null;
    const late = slot.pending.get(id);
    const old = slot.worker;
    if (late === undefined || old === null) return;
    slot.pending.delete(id);
    late.reject(new Error(`extraction of article ${late.raw.id} took longer than ${(timeoutMs / 1000).toFixed(timeoutMs < 10_000 ? 1 : 0)} s; skipped`));
    const rest = [...slot.pending.entries()];
    slot.pending.clear();
    slot.worker = null;
    void old.terminate();
    if (rest.length === 0) return;
    const worker = start(slot);
    worker.ref();
    for (const [restId, p] of rest) {
      slot.pending.set(restId, p);
      post(slot, worker, restId, p);
    }
    arm(slot);
  };

  const fail = (slot: Slot, why: string): void => {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    slot.worker = null;
    for (const p of slot.pending.values()) p.reject(new Error(`extraction thread stopped while extracting article ${p.raw.id}: ${why}`));
    slot.pending.clear();
  };

  const start = (slot: Slot): Worker => {
    const worker = new Worker(url);
    worker.on('message', (reply: ExtractReply) => {
      if (slot.worker === worker) slot.warm = true;
      const p = slot.pending.get(reply.id);
      if (p === undefined) return;
      slot.pending.delete(reply.id);
      if ('error' in reply) p.reject(new Error(`extraction failed for article ${p.raw.id}: ${reply.error}`));
      else p.resolve({ result: reply.result as ExtractionResult, hints: reply.bodySignature === null ? {} : { bodySignature: reply.bodySignature } });
      if (slot.worker === worker) arm(slot);
      if (slot.pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => {
      if (slot.worker === worker) fail(slot, error.message);
    });
    worker.on('messageerror', (error) => {
      if (slot.worker !== worker) return;
      fail(slot, `a reply could not be read: ${error.message}`);
      void worker.terminate();
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) fail(slot, `exit code ${code}`);
    });
    slot.worker = worker;
    slot.warm = false;
    return worker;
  };

  return {
    versions: { extractor: EXTRACTOR_VERSION, ...packVersions },
    threads,
    extract(raw) {
      if (closed) return Promise.reject(new Error('the extractor is closed'));
      let slot = slots[0]!;
      for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
      const worker = slot.worker ?? start(slot);
      const id = nextId++;
      return new Promise<Extracted>((resolve, reject) => {
        const p = { raw, resolve, reject };
        slot.pending.set(id, p);
        worker.ref();
        try {
          post(slot, worker, id, p);
          if (slot.pending.size === 1) arm(slot);
        } catch (error) {
          slot.pending.delete(id);
          if (slot.pending.size === 0) worker.unref();
          reject(new Error(`cannot send article ${raw.id} to an extraction thread: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
    },
    async close() {
      closed = true;
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          if (worker === null) return;
          fail(slot, 'the extractor was closed');
          worker.ref(); // until it has stopped, so the caller's code after close() runs
          await worker.terminate();
        }),
      );
    },
  };
}
