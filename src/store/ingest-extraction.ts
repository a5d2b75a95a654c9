/**
 * Storing one extracted article and merging its events, as one transaction: either the article
 * and its merged events are both written, or neither is (so a failed merge cannot leave an
 * article that later re-ingests as `unchanged` but was never merged).
 */
import type { ExtractionResult } from '../model/extraction.js';
import { canDeferStories, type EventResolver } from './event-resolver.js';
import { mergeIdentity } from './merge-identity.js';
import { summaryAsSaved } from './sqlite/article-rows.js';
import type { SaveResult, Store } from './store.js';

export interface IngestExtractionOptions {
  /** Defaults to {@link mergeIdentity}. */
  readonly resolver?: EventResolver;
  /** ISO date-time; defaults to now. */
  readonly ingestedAt?: string;
  /**
   * Leave stories to a later pass (`settleStoryDebt`), when the resolver has `resolveStories`
   * and the store records story debt; otherwise ignored.
   */
  readonly deferStories?: boolean;
}

/** What `ingestExtraction` did. */
export interface IngestOutcome extends SaveResult {
  /** Merged events removed and written (both 0 when `unchanged`). */
  readonly removedEvents: number;
  readonly writtenEvents: number;
}

/**
 * Saves `result` under `hash` and, unless it was unchanged, lets the resolver update the merged
 * events, in one transaction of `store`.
 *
 * @example
 * ```ts
 * const outcome = await ingestExtraction(store, result, contentHash(result.article, result.versions ?? {}));
 * // outcome.status: 'inserted' | 'unchanged' | 'updated'
 * ```
 */
export function ingestExtraction(
  store: Store,
  result: ExtractionResult,
  hash: string,
  options: IngestExtractionOptions = {},
): Promise<IngestOutcome> {
  const resolver = options.resolver ?? mergeIdentity;
  return store.transaction(async (tx) => {
    const saved = await tx.saveExtraction(result, {
      contentHash: hash,
      ...(options.ingestedAt === undefined ? {} : { ingestedAt: options.ingestedAt }),
    });
    if (saved.status === 'unchanged') return { ...saved, removedEvents: 0, writtenEvents: 0 };
    const previous = saved.status === 'updated' ? await tx.listEvents({ articleId: saved.articleId, includeBackground: true }) : [];
    const deferStories = options.deferStories === true && canDeferStories(tx, resolver);
    // Just saved: the resolver need not read the article's summary back when it can be told it.
    const summary = summaryAsSaved(result, hash);
    const change = await resolver.resolve({ store: tx, result, previous, ...(summary ? { saved: summary } : {}), ...(deferStories ? { deferStories } : {}) });
    if (change.append !== undefined) {
      if (tx.appendReport === undefined) throw new Error(`resolver ${resolver.id} added a report to a store that keeps no event summaries`);
      await tx.appendReport(change.append);
    }
    if (change.append === undefined || change.removeEventIds.length > 0 || change.events.length > 0 || change.stories !== undefined) {
      await tx.replaceMergedEvents(change.removeEventIds, change.events, change.stories);
    }
    if (change.storyDebt !== undefined) {
      if (!deferStories) throw new Error(`resolver ${resolver.id} deferred stories it was not asked to`);
      await tx.recordStoryDebt!(change.storyDebt.fresh, change.storyDebt.replaced);
    }
    return { ...saved, removedEvents: change.removeEventIds.length, writtenEvents: change.events.length + (change.append === undefined ? 0 : 1) };
  });
}
