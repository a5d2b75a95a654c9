/**
 * The merge step's extension point: turning one article's events into changes of the merged
 * (cross-article) events. `mergeIdentity` is the trivial implementation; the resolution stage
 * replaces it without touching the store or `ingestExtraction`.
 */
import type { ExtractionHints, ExtractionResult } from '../model/extraction.js';
import type { MergedEvent } from './records.js';
import type { Store, StoryChange } from './store.js';

/** What a resolver is given for one newly saved (inserted or updated) article. */
export interface ResolveInput {
  /** The store, inside the article's transaction: read candidates from it, do not write. */
  readonly store: Store;
  readonly result: ExtractionResult;
  /**
   * Merged events that had a report from this article before it was saved (empty for a new
   * article): their reports from it are stale and must be removed or replaced.
   */
  readonly previous: readonly MergedEvent[];
}

/** The change to apply with `store.replaceMergedEvents(removeEventIds, events, stories)`. */
export interface MergedEventChange {
  /** Merged events to delete (with their reports); ids also present in `events` are replaced. */
  readonly removeEventIds: readonly string[];
  readonly events: readonly MergedEvent[];
  readonly stories?: StoryChange;
}

/** Decides which merged events an article's events create, join or change. */
export interface EventResolver {
  /** Rule-style id, e.g. `resolve/identity`. */
  readonly id: string;
  resolve(input: ResolveInput): Promise<MergedEventChange>;
  /**
   * Optional: takes what the extraction thread already derived from the article stored under
   * `contentHash` (a body signature), so `resolve` need not compute it again.
   */
  remember?(articleId: string, contentHash: string, hints: ExtractionHints): void;
}
