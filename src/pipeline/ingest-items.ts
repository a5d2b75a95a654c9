/**
 * The ingest loop of `sitrep ingest` on SQLite (and of the ingest benchmark): each input item in
 * order is skipped (content hash already stored), or extracted and then saved and merged in its
 * own store transaction; an input that is not an article is recorded as a failure.
 *
 * Extraction runs up to `ahead` articles in front of the one being stored, so with a
 * {@link threadExtractor} the store and the resolver (one connection, in order) work while the
 * next articles are extracted in other threads. Results are still stored in input order. Reading
 * ahead never holds an article back: on a slow stream each article is stored when it arrives,
 * and the stories of what is stored are settled while the input is idle.
 */
import { canDeferStories, type EventResolver } from '../store/event-resolver.js';
import { ingestExtraction, type IngestOutcome } from '../store/ingest-extraction.js';
import { bodySignature } from '../resolve/near-duplicate-grouper.js';
import { discardStoryDebt, settleStoryDebt } from '../resolve/story-debt.js';
import type { Store } from '../store/store.js';
import type { RawArticle } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ExtractionHints, ExtractionResult } from '../model/extraction.js';
import type { IngestItem } from '../model/ingest-item.js';
import type { Extractor } from './extractor.js';
import { prepareStoredArticle, withMergeDiagnostics, type MetadataMerge } from './stored-metadata.js';

/** What became of one input item, reported in input order. */
export type IngestStep =
  | { readonly kind: 'failure'; readonly source: string; readonly diagnostics: readonly Diagnostic[] }
  | {
      readonly kind: 'unchanged';
      readonly raw: RawArticle;
      /** The stored metadata merged in (`stored-metadata.ts`), with its diagnostics; null when the input was the stored article as it is. */
      readonly merge?: MetadataMerge | null;
    }
  | {
      readonly kind: 'stored';
      readonly raw: RawArticle;
      /** Its diagnostics include the merge's (`ingest/metadata-kept`, `ingest/metadata-changed`). */
      readonly result: ExtractionResult;
      readonly outcome: IngestOutcome;
      readonly merge?: MetadataMerge | null;
    }
  | {
      readonly kind: 'error';
      /** Which step failed: extraction (no result) or storing and merging. */
      readonly stage: 'extract' | 'store';
      readonly raw: RawArticle;
      readonly result: ExtractionResult | null;
      readonly message: string;
    };

export interface IngestItemsOptions {
  readonly store: Store;
  readonly extractor: Extractor;
  /** Merges events across articles; defaults to `ingestExtraction`'s. */
  readonly resolver?: EventResolver;
  /** Articles extracted ahead of the one being stored (default {@link AHEAD_PER_THREAD} per extraction thread, at least 1). */
  readonly ahead?: number;
  /** Called for every item, in input order, after it was stored (or failed). */
  readonly onStep?: (step: IngestStep) => void;
  /**
   * Articles stored between two story passes (`src/resolve/story-debt.ts`), when the store and
   * the resolver can defer stories: default {@link STORY_BATCH}; 1 or less assigns them per
   * article, in the article's transaction.
   */
  readonly storyBatch?: number;
  /**
   * Called when the story debt left by an earlier run failed its pass again and was discarded:
   * `events` merged events keep no story (until one of their articles is ingested again).
   */
  readonly onStoryDebtDiscarded?: (events: number, error: unknown) => void;
}

/**
 * Default articles in extraction ahead of the one being stored, per extraction thread. The two
 * sides take turns being the slower (a story pass, a commit, a long article): with 8 either side
 * idled 12-14% of the time on 2 cores; 16 gives 4-5% more articles/s with the full resolver
 * (measured run for run with `bench/ingest.bench.mjs`, BENCH_AHEAD), 32 no more than 16. The
 * price: in a batch an article waits behind more others (hand-off to savepoint p50 ~22 → ~43 ms);
 * a slow stream is never held back (reading ahead takes only input that has already arrived).
 */
export const AHEAD_PER_THREAD = 16;

/** Default articles per story pass: the group commit's size in `sitrep ingest`. */
export const STORY_BATCH = 64;

export interface IngestCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** News (not background) events extracted from inserted and updated articles. */
  events: number;
  /** Stored articles re-ingested from an input that lacked some metadata, which was kept (`stored-metadata.ts`). */
  metadataKept: number;
  /** Stored articles whose input changed a metadata field (outlet, title, url, date, language). */
  metadataChanged: number;
}

type Prepared =
  | { readonly kind: 'failure'; readonly source: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'unchanged'; readonly raw: RawArticle; readonly merge: MetadataMerge | null }
  | { readonly kind: 'extracted'; readonly raw: RawArticle; readonly hash: string; readonly result: ExtractionResult; readonly hints: ExtractionHints; readonly merge: MetadataMerge | null }
  | { readonly kind: 'error'; readonly stage: 'extract' | 'store'; readonly raw: RawArticle; readonly message: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Ingests `items` into `store` (see the module comment) and returns the counts. */
export async function ingestItems(items: AsyncIterable<IngestItem> | Iterable<IngestItem>, options: IngestItemsOptions): Promise<IngestCounts> {
  const { store, extractor } = options;
  const ahead = Math.max(1, options.ahead ?? AHEAD_PER_THREAD * extractor.threads);
  const counts: IngestCounts = { inserted: 0, updated: 0, unchanged: 0, failed: 0, events: 0, metadataKept: 0, metadataChanged: 0 };

  // Per article id in the window, settled once the latest item with that id has been handled:
  // an item whose id is already in the window reads the stored hash only after the earlier one
  // is stored (else a later copy of the stored text would be taken for unchanged).
  const handled = new Map<string, Promise<void>>();
  const done = new Map<Promise<Prepared>, () => void>();

  // Never rejects: a prepared item is awaited later, maybe after other work.
  const prepare = async (item: IngestItem, earlier: Promise<void> | undefined): Promise<Prepared> => {
    if (item.kind === 'failure') return item;
    let raw = item.article;
    if (earlier !== undefined) await earlier;
    // Stored metadata merges in before hashing (stored-metadata.ts): an input without an outlet
    // or a date never erases the stored ones.
    let prepared;
    try {
      prepared = await prepareStoredArticle(store, raw, extractor.versions);
    } catch (error) {
      return { kind: 'error', stage: 'store', raw, message: messageOf(error) };
    }
    raw = prepared.raw;
    if (prepared.unchanged) return { kind: 'unchanged', raw, merge: prepared.merge };
    try {
      const extracted = await extractor.extract(raw);
      const result = prepared.merge === null ? extracted.result : { ...extracted.result, diagnostics: withMergeDiagnostics(extracted.result.diagnostics, prepared.merge) };
      return { kind: 'extracted', raw, hash: prepared.hash, result, hints: extracted.hints, merge: prepared.merge };
    } catch (error) {
      return { kind: 'error', stage: 'extract', raw, message: messageOf(error) };
    }
  };

  const report = (step: IngestStep): void => options.onStep?.(step);

  // Stories in batch passes (see story-debt.ts). What an interrupted run left is settled first.
  // A failed pass leaves its debt stored and turns deferral off for the rest of the run (stories
  // per article again); the run then ends with the error, after its articles are in. The next run
  // tries that debt once more; failing again, it discards it (its events keep no story, reported
  // by `onStoryDebtDiscarded`) and goes on: a debt that cannot be settled never blocks later runs.
  const storyBatch = options.storyBatch ?? STORY_BATCH;
  let deferStories = storyBatch > 1 && canDeferStories(store, options.resolver);
  let storedSincePass = 0;
  let storyError: unknown = null;
  const storyPass = async (): Promise<void> => {
    storedSincePass = 0;
    try {
      await settleStoryDebt(store, options.resolver);
    } catch (error) {
      deferStories = false;
      storyError ??= error;
    }
  };
  if (deferStories) {
    try {
      await settleStoryDebt(store, options.resolver);
    } catch (error) {
      try {
        options.onStoryDebtDiscarded?.(await discardStoryDebt(store), error);
      } catch (discardError) {
        deferStories = false;
        storyError ??= discardError;
      }
    }
  }
  const queue: Promise<Prepared>[] = [];
  const source = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : (items as Iterable<IngestItem>)[Symbol.iterator]();
  let exhausted = false;
  // The input asked for and not yet taken. A slow stream (stdin fed by a feed reader) must not
  // hold back the articles already read: with work waiting, the next input is taken only if it
  // is already there (it came within the current turn of the event loop).
  let pending: Promise<IteratorResult<IngestItem>> | null = null;
  const NOT_YET = Symbol('not yet');
  const soon = (): Promise<typeof NOT_YET> => new Promise((resolve) => setImmediate(() => resolve(NOT_YET)));
  const fill = async (): Promise<void> => {
    while (!exhausted && queue.length < ahead) {
      if (pending === null) {
        pending = Promise.resolve(source.next());
        // Taken (and its error thrown) later; not an unhandled rejection meanwhile.
        pending.catch(() => {});
      }
      let next: IteratorResult<IngestItem> | typeof NOT_YET;
      if (queue.length > 0) {
        next = await Promise.race([pending, soon()]);
        if (next === NOT_YET) break;
      } else {
        // Nothing to do until the next input arrives: settle the stories of what is stored.
        if (deferStories && storedSincePass > 0) await storyPass();
        next = await pending;
      }
      pending = null;
      if (next.done) {
        exhausted = true;
        break;
      }
      const item = next.value;
      if (item.kind === 'failure') {
        queue.push(prepare(item, undefined));
        continue;
      }
      const id = item.article.id;
      let settle!: () => void;
      const settled = new Promise<void>((resolve) => (settle = resolve));
      const prepared = prepare(item, handled.get(id));
      handled.set(id, settled);
      done.set(prepared, () => {
        settle();
        if (handled.get(id) === settled) handled.delete(id);
      });
      queue.push(prepared);
    }
  };

  try {
    for (;;) {
      await fill();
      const head = queue.shift();
      if (head === undefined) break;
      try {
        await handle(await head);
      } finally {
        done.get(head)?.();
        done.delete(head);
      }
    }
  } catch (error) {
    // Stop reading the inputs (closes their files), as a for-await loop would. With a read still
    // pending (a stream that has sent nothing more yet) the stop happens after it, so do not wait.
    const stop = Promise.resolve(source.return?.());
    if (pending === null) await stop;
    else stop.catch(() => {});
    throw error;
  } finally {
    if (storedSincePass > 0) await storyPass();
  }
  if (storyError !== null) {
    throw new Error(`assigning stories failed (the articles are stored; their stories are assigned by the next ingest): ${messageOf(storyError)}`, {
      cause: storyError,
    });
  }
  return counts;

  function countMerge(merge: MetadataMerge | null): void {
    if (merge === null) return;
    if (merge.kept.length > 0) counts.metadataKept++;
    if (merge.changed.length > 0) counts.metadataChanged++;
  }

  async function handle(item: Prepared): Promise<void> {
    switch (item.kind) {
      case 'failure':
        await store.saveFailure(item.source, item.diagnostics);
        counts.failed++;
        report(item);
        break;
      case 'unchanged':
        counts.unchanged++;
        countMerge(item.merge);
        report(item);
        break;
      case 'error':
        counts.failed++;
        report({ ...item, result: null });
        break;
      case 'extracted':
      {
        let outcome: IngestOutcome;
        try {
          options.resolver?.remember?.(item.raw.id, item.hash, withBodySignature(item.hints, item.result, extractor));
          outcome = await ingestExtraction(store, item.result, item.hash, options.resolver === undefined ? {} : { resolver: options.resolver, deferStories });
        } catch (error) {
          counts.failed++;
          report({ kind: 'error', stage: 'store', raw: item.raw, result: item.result, message: messageOf(error) });
          break;
        }
        counts[outcome.status]++;
        countMerge(item.merge);
        if (outcome.status !== 'unchanged') counts.events += item.result.events.filter((e) => !e.background).length;
        report({ kind: 'stored', raw: item.raw, result: item.result, outcome, merge: item.merge });
        if (deferStories && outcome.status !== 'unchanged' && ++storedSincePass >= storyBatch) await storyPass();
        break;
      }
    }
  }
}

/**
 * The hints to remember an article by: with extraction threads that left the body signature to
 * this thread (`ThreadExtractorOptions.bodySignatures`), it is computed here, from the text in
 * hand, rather than read back from the store when a cluster needs it. Extraction in this thread
 * leaves it to the resolver, which computes it only for articles that share a cluster.
 */
function withBodySignature(hints: ExtractionHints, result: ExtractionResult, extractor: Extractor): ExtractionHints {
  if (hints.bodySignature !== undefined || extractor.threads === 0) return hints;
  return { ...hints, bodySignature: bodySignature(result.article.text) };
}
