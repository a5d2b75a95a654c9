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
import { loadPacks } from '../packs/load-packs.js';
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
  readonly pending: Map<number, Pending>;
}

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
}

/** An {@link Extractor} over `threads` worker threads (at least 1). */
export function threadExtractor(threads: number, options: ThreadExtractorOptions = {}): Extractor {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  const sign = options.bodySignatures ?? threads >= 2;
  const packs = loadPacks();
  const url = threadScriptUrl(import.meta.url, 'pipeline/extract-worker.js');
  const slots: Slot[] = Array.from({ length: threads }, () => ({ worker: null, pending: new Map() }));
  let nextId = 0;
  let closed = false;

  const fail = (slot: Slot, why: string): void => {
    slot.worker = null;
    for (const p of slot.pending.values()) p.reject(new Error(`extraction thread stopped while extracting article ${p.raw.id}: ${why}`));
    slot.pending.clear();
  };

  const start = (slot: Slot): Worker => {
    const worker = new Worker(url);
    worker.on('message', (reply: ExtractReply) => {
      const p = slot.pending.get(reply.id);
      if (p === undefined) return;
      slot.pending.delete(reply.id);
      if ('error' in reply) p.reject(new Error(`extraction failed for article ${p.raw.id}: ${reply.error}`));
      else p.resolve({ result: reply.result as ExtractionResult, hints: reply.bodySignature === null ? {} : { bodySignature: reply.bodySignature } });
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
    return worker;
  };

  return {
    versions: { extractor: EXTRACTOR_VERSION, ...packs.versions },
    threads,
    extract(raw) {
      if (closed) return Promise.reject(new Error('the extractor is closed'));
      let slot = slots[0]!;
      for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
      const worker = slot.worker ?? start(slot);
      const id = nextId++;
      return new Promise<Extracted>((resolve, reject) => {
        slot.pending.set(id, { raw, resolve, reject });
        worker.ref();
        try {
          worker.postMessage({ id, raw, sign } satisfies ExtractRequest);
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
