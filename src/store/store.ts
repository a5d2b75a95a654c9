/**
 * The storage interface. Asynchronous throughout so that a PostgreSQL implementation fits
 * behind it unchanged; the SQLite implementation (`sqlite/sqlite-store.ts`) is the default.
 *
 * Invariants every implementation keeps:
 * - one article is saved in one transaction: all of its rows or none of them;
 * - saving the same article id with the same content hash writes nothing (`unchanged`);
 *   a different hash replaces every row of that article (`updated`);
 * - what `saveExtraction` was given, `getArticle` gives back (deep-equal);
 * - merged events are only written through `replaceMergedEvents`, one transaction per call.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { NearKind, ReportAppend, StoredSummary } from './event-summary.js';
import type { ExtractionResult } from '../model/extraction.js';
import type {
  ArticleEventRecord,
  ArticleSearchHit,
  ArticleSummary,
  ArticleText,
  EventAggregates,
  EventPoint,
  FailureRecord,
  MergedEvent,
  Story,
  StoryRecord,
  StoredArticle,
} from './records.js';

/** Kysely-style outcome of one migration. */
export interface MigrationResult {
  readonly migrationName: string;
  readonly direction: 'Up';
  readonly status: 'Success' | 'Error' | 'NotExecuted';
}

/** What `saveExtraction` did. */
export type SaveStatus = 'inserted' | 'unchanged' | 'updated';

export interface SaveResult {
  readonly status: SaveStatus;
  readonly articleId: string;
}

export interface SaveExtractionOptions {
  /** See `contentHash()`: the same hash for the same id means nothing changed. */
  readonly contentHash: string;
  /** ISO date-time; defaults to now. */
  readonly ingestedAt?: string;
}

/** Paging for listings. */
export interface ListOptions {
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * Filter for article-level and merged events. Every field narrows; omitted fields do not.
 * Date bounds are inclusive `YYYY-MM-DD` and match events whose `[date, date_end]` overlaps
 * them; undated events never match a date bound.
 */
export interface EventFilter extends ListOptions {
  readonly from?: string;
  readonly to?: string;
  /** ACLED event types (`Battles`…); any of them. */
  readonly eventTypes?: readonly string[];
  /** ACLED sub-event types (`Armed clash`…); any of them. */
  readonly subEventTypes?: readonly string[];
  /** Side code (`ARM`, `AZE`…) of actor1 or actor2. */
  readonly side?: string;
  /** Background (history, context) events are left out unless this is true. */
  readonly includeBackground?: boolean;
  /** Events of this article (article events) or reported by it (merged events). */
  readonly articleId?: string;
  /** Events of any of these articles (article events) or reported by any of them (merged events); each event once. */
  readonly articleIds?: readonly string[];
  /**
   * Events located in this box or not located at all (the resolver's candidates near a place:
   * an unlocated report may still be of the same happening).
   */
  readonly nearBox?: BBox;
}

/** A longitude/latitude box (WGS84 degrees, inclusive); `west > east` is not supported. */
export interface BBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** A position in the stable order of `listEvents` (date, undated last, then id): list what comes after it. */
export interface EventCursor {
  readonly date: string | null;
  readonly id: string;
}

/** Filter for merged events: an {@link EventFilter} plus story and freshness. */
export interface MergedEventFilter extends EventFilter {
  readonly storyId?: string;
  /** Only events written at or after this ISO date-time. */
  readonly updatedSince?: string;
  /** Only events whose location lies in this box (unlocated events never match). */
  readonly bbox?: BBox;
  /** Case-insensitive substring of actor1's or actor2's name. */
  readonly actor?: string;
  /** Only events reported by an article of this outlet (exact name). */
  readonly outlet?: string;
  /** true: only ceasefire violations; false: only events that are not. */
  readonly ceasefireViolation?: boolean;
  /** Plain words, all of which must occur in (the title or text of) one reporting article. */
  readonly text?: string;
  /** Keyset pagination (merged events only): events after this position in `listEvents` order. */
  readonly after?: EventCursor;
}

/** An outlet and how many stored articles it published (`null` outlet: articles without one). */
export interface OutletCount {
  readonly outlet: string | null;
  readonly articles: number;
}

/** Stories to write alongside merged events. */
export interface StoryChange {
  /** Inserted or replaced before the events are written. */
  readonly upsert?: readonly StoryRecord[];
  /** Deleted after the events are written; events still pointing to them get `story_id: null`. */
  readonly remove?: readonly string[];
}

/**
 * Story assignments deferred by a batch ingest (see `src/resolve/story-debt.ts`): the merged
 * events written since the last story pass, as they are now, and the events removed or rewritten
 * since then, as they were before that pass's batch first changed them.
 */
export interface StoryDebt {
  /** Events written since the last pass that still exist (their story is still to be decided). */
  readonly fresh: readonly MergedEvent[];
  /** Events recorded since the last pass (0: no debt). */
  readonly recorded: number;
  /** Earlier versions of events changed since the last pass (with the story they had). */
  readonly replaced: readonly StoryDebtEvent[];
}

/** A merged event's id, story, date and reports (`listEventOutlines`). */
export type EventOutline = Pick<MergedEvent, 'id' | 'story_id' | 'date' | 'reports'>;

/** What a story pass needs of an event's earlier version: its outline. */
export type StoryDebtEvent = EventOutline;

/** One event's story, as a story pass decided it. */
export interface StoryAssignment {
  readonly event_id: string;
  readonly story_id: string | null;
}

/**
 * A stored story seen without some of its events (those a resolver is about to rewrite): what
 * stays in it if they move elsewhere. Lets the story resolver keep a story's identity and its
 * full date span while it recomputes only a window of events.
 */
export interface StoryRemainder {
  /** The stored record (title, dates and places as last written). */
  readonly story: StoryRecord;
  /** How many of its events are not among the excepted ones. */
  readonly events: number;
  /** Earliest and latest `date` of those events; null when none of them is dated. */
  readonly first_date: string | null;
  readonly last_date: string | null;
}

/** The Sitrep store. Obtain one with `openStore()`; call `close()` when done. */
export interface Store {
  /** Which backend this is. */
  readonly dialect: 'sqlite' | 'postgres';

  /**
   * Applies pending migrations in order, one transaction each, and returns what ran (empty when
   * up to date). Throws `store/schema-too-new` when the database was migrated by newer code and
   * `store/migration-failed` (with `results`) when one fails.
   */
  migrate(): Promise<MigrationResult[]>;

  /**
   * Runs `fn` in one transaction: everything it does through `tx` commits together or, if it
   * throws, not at all. Other callers of this store wait until it ends. Nested calls on `tx`
   * are savepoints. Do not run operations on `tx` concurrently (no `Promise.all`).
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  /** Saves one article with its events, statements and diagnostics, atomically and idempotently. */
  saveExtraction(result: ExtractionResult, opts: SaveExtractionOptions): Promise<SaveResult>;
  /** The content hash stored for an article, or null: lets a pipeline skip unchanged inputs early. */
  getContentHash(articleId: string): Promise<string | null>;
  /** Records an input that produced no article; replaces an earlier failure of the same source. */
  saveFailure(source: string, diagnostics: readonly Diagnostic[], opts?: { readonly recordedAt?: string }): Promise<void>;
  /** Failures, ordered by source. */
  listFailures(): Promise<FailureRecord[]>;

  getArticle(articleId: string): Promise<StoredArticle | null>;
  /** Summaries ordered by id. */
  listArticles(opts?: ListOptions): Promise<ArticleSummary[]>;
  /** Summaries (no text) of the given articles, sorted by id; unknown ids are left out. */
  getArticleSummaries(ids: readonly string[]): Promise<ArticleSummary[]>;
  /** Texts (exactly as `getArticle` returns them) of the given articles in one read, sorted by id; unknown ids are left out. */
  getArticleTexts(ids: readonly string[]): Promise<ArticleText[]>;
  countArticles(): Promise<number>;
  /** Article-level events ordered by date (undated last), article id, then order in the article. */
  listArticleEvents(filter?: EventFilter): Promise<ArticleEventRecord[]>;
  /** Full-text search over article titles and texts; `query` is plain words, all must match. */
  searchArticles(query: string, opts?: ListOptions): Promise<ArticleSearchHit[]>;

  /**
   * In one transaction: deletes the merged events `affectedEventIds` (and their reports),
   * upserts `stories.upsert`, writes `newEvents` (replacing any with the same id), then deletes
   * `stories.remove`. Every report must name a stored article.
   */
  replaceMergedEvents(
    affectedEventIds: readonly string[],
    newEvents: readonly MergedEvent[],
    stories?: StoryChange,
  ): Promise<void>;
  getEvent(eventId: string): Promise<MergedEvent | null>;
  /** Merged events ordered by date (undated last), then id. */
  listEvents(filter?: MergedEventFilter): Promise<MergedEvent[]>;
  /**
   * The events `listEvents` would return (same filter and order) with only their id, story, date
   * and reports: what a resolver reads of the events it is about to replace, without the cost of
   * their fields.
   */
  listEventOutlines(filter?: MergedEventFilter): Promise<EventOutline[]>;
  countEvents(filter?: MergedEventFilter): Promise<number>;
  /** Stories ordered by first date (undated last), then id. */
  listStories(): Promise<Story[]>;
  /**
   * For each stored story of `storyIds` (unknown ids are left out; order of `storyIds`, each
   * once): its record and what remains of it without the events `exceptEventIds`. Costs about
   * the number of excepted events, not the length of the stories (their event counts are kept
   * up to date on every write, and their first and last events are found through an index).
   */
  storyRemainders(storyIds: readonly string[], exceptEventIds: readonly string[]): Promise<StoryRemainder[]>;

  /**
   * Optional (SQLite): story passes in batches instead of per article. Records, in the current
   * transaction, that the merged events `freshEventIds` were written without their story and
   * that `replaced` (as they were) were removed or rewritten; the first record of an event since
   * the last pass wins, so `replaced` keeps the version from before the batch. The debt is
   * stored, so an interrupted ingest leaves it for the next pass instead of losing it.
   */
  recordStoryDebt?(freshEventIds: readonly string[], replaced: readonly StoryDebtEvent[]): Promise<void>;
  /** Optional, with `recordStoryDebt`: the debt recorded since the last `settleStoryDebt`. */
  readStoryDebt?(): Promise<StoryDebt>;
  /**
   * Optional, with `recordStoryDebt`: in one transaction, upserts `stories.upsert`, sets each
   * event's story (only the `story_id` column and `updated_at` change), deletes
   * `stories.remove` and clears the debt.
   */
  settleStoryDebt?(assignments: readonly StoryAssignment[], stories: StoryChange): Promise<void>;

  /**
   * Optional (a store that keeps event summaries, `src/store/event-summary.ts`): the compatibility
   * kinds of stored events matching `filter` (one row per distinct account of an event), and
   * whether every stored event has its kinds (else the list proves nothing).
   */
  nearKinds?(filter: EventFilter): Promise<{ readonly complete: boolean; readonly kinds: readonly NearKind[] }>;
  /** Optional, with `nearKinds`: a stored event's summary, story and source count; null when it has none. */
  readEventSummary?(eventId: string): Promise<StoredSummary | null>;
  /**
   * Optional, with `nearKinds`: adds one report to a summarised event (its fields, one report
   * row, its summary and kinds) without reading its other reports. The story is unchanged.
   */
  appendReport?(append: ReportAppend): Promise<void>;

  /**
   * Compact projections of the merged events matching `filter`, in `listEvents` order, for maps
   * and charts over many events. Optional (added for the HTTP API); when absent, callers derive
   * the points from `listEvents` (see `src/api/event-points.ts`).
   */
  listEventPoints?(filter?: MergedEventFilter): Promise<EventPoint[]>;
  /**
   * Aggregates of the matching merged events with map cells of `cellDegrees` degrees (paging
   * options are ignored). Optional (added for the HTTP API); when absent, callers aggregate the
   * event points themselves (`src/api/summarize-points.ts`), which is slower for many events.
   */
  aggregateEvents?(filter: MergedEventFilter, cellDegrees: number): Promise<EventAggregates>;
  /** Outlets with their article counts, most articles first, then by name. Optional, like `listEventPoints`. */
  listOutlets?(): Promise<OutletCount[]>;

  /** Small key/value settings: `schema_version`, pack versions, last run… */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;

  /**
   * Makes every write so far durable now. Only matters when the store groups commits
   * (`openStore()` does); a no-op otherwise and inside a transaction.
   */
  flush(): Promise<void>;

  /** Commits grouped writes and closes; later calls throw `store/closed`. Calling it twice is harmless. */
  close(): Promise<void>;
}
