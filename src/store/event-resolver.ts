/**
 * The merge step's extension point: turning one article's events into changes of the merged
 * (cross-article) events. `mergeIdentity` is the trivial implementation; the resolution stage
 * replaces it without touching the store or `ingestExtraction`.
 */
import type { ExtractionHints, ExtractionResult } from '../model/extraction.js';
import type { ReportAppend } from './event-summary.js';
import type { MergedEvent } from './records.js';
import type { SummaryFields } from './sqlite/article-rows.js';
import type { Store, StoryAssignment, StoryChange, StoryDebt, StoryDebtEvent } from './store.js';

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
  /**
   * The article's summary fields as the store gives them back, when the caller knows them
   * (`summaryAsSaved`): the resolver then need not read them.
   */
  readonly saved?: SummaryFields;
  /**
   * Leave stories to a later pass (`settleStoryDebt` in `src/resolve/story-debt.ts`): write the
   * events without their story and return what the pass needs as `storyDebt`. Only asked of a
   * resolver with `resolveStories`, by a caller whose store records the debt.
   */
  readonly deferStories?: boolean;
}

/** The change to apply with `store.replaceMergedEvents(removeEventIds, events, stories)`. */
export interface MergedEventChange {
  /** Merged events to delete (with their reports); ids also present in `events` are replaced. */
  readonly removeEventIds: readonly string[];
  readonly events: readonly MergedEvent[];
  readonly stories?: StoryChange;
  /**
   * One report added to a stored event with a summary (`Store.appendReport`), instead of events to
   * replace: the resolver's fast path (`src/resolve/append-report.ts`). Its story does not change.
   */
  readonly append?: ReportAppend;
  /** With `deferStories`: the events written without their story and the earlier versions of those replaced. */
  readonly storyDebt?: { readonly fresh: readonly string[]; readonly replaced: readonly StoryDebtEvent[] };
}

/** What a story pass decided: each event's story and the story records to write. */
export interface StoryPass {
  readonly assignments: readonly StoryAssignment[];
  readonly stories: StoryChange;
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
  /**
   * Optional: the stories of a batch's events at once (see `deferStories`). `store` is inside
   * the pass's transaction: read from it, do not write.
   */
  resolveStories?(store: Store, debt: StoryDebt): Promise<StoryPass>;
}

/** True when `store` and `resolver` can defer stories to batch passes (`src/resolve/story-debt.ts`). */
export function canDeferStories(store: Store, resolver: EventResolver | undefined): resolver is EventResolver & Required<Pick<EventResolver, 'resolveStories'>> {
  return resolver?.resolveStories !== undefined && store.recordStoryDebt !== undefined && store.readStoryDebt !== undefined && store.settleStoryDebt !== undefined;
}
