/**
 * What the store keeps and gives back, beyond the per-article {@link ExtractionResult}: merged
 * (cross-article) events, stories, article summaries and failures. JSON-safe, snake_case like the
 * CLI contract, so the CLI and the HTTP API can print them unchanged.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { ArticleEvent } from '../model/event.js';
import type { ExtractionResult } from '../model/extraction.js';

/** The Event fields of event-model.md, without the per-article extensions (`field_spans`, `control`, `rules`, `mentions`). */
export type EventFields = Omit<ArticleEvent, 'id' | 'field_spans' | 'control' | 'rules' | 'mentions'>;

/** One article's report of a merged event. */
export interface EventReport {
  readonly article_id: string;
  /** The event's id within that article (`ArticleEvent.id`). */
  readonly event_id: string;
}

/** One value reported for a disputed field, and who reported it. */
export interface ContradictionValue {
  readonly value: unknown;
  readonly claimants: readonly string[];
}

/** Reports disagree on `field` (`actor1`, `fatalities`, `injured`, `date`, control of a place…). */
export interface Contradiction {
  readonly field: string;
  readonly values: readonly ContradictionValue[];
}

/**
 * A real-world event gathered from every article that reports it (cli-contract.md
 * "`sitrep events`"): the Event fields plus `id`, `story_id`, `reports`, `sources` (distinct
 * outlets) and `contradictions`. Spans in `claims`/`evidence` point into the reporting articles.
 */
export interface MergedEvent extends EventFields {
  readonly id: string;
  readonly story_id: string | null;
  /**
   * Never empty for a stored event. Stores give them back in report-key order (`article_id#event_id`,
   * the order `mergeReports` makes), whatever order they were written in: a report that sorts
   * between two others is then one row to write, not a renumbering of the rows after it.
   */
  readonly reports: readonly EventReport[];
  readonly sources: number;
  readonly contradictions: readonly Contradiction[];
}

/** A story as the resolver writes it: the developing situation many events belong to. */
export interface StoryRecord {
  readonly id: string;
  readonly title: string;
  /** `YYYY-MM-DD` of its first and last events, or null when undated. */
  readonly first_date: string | null;
  readonly last_date: string | null;
  /** Canonical names of the places it covers. */
  readonly places: readonly string[];
}

/** A story as read back: the record plus the events that point to it and the articles reporting them. */
export interface Story extends StoryRecord {
  /** Ordered by event date (undated last), then id. */
  readonly event_ids: readonly string[];
  /** Sorted. */
  readonly article_ids: readonly string[];
}

/** An article exactly as saved, with its storage metadata. */
export interface StoredArticle {
  /** Deep-equal to what was passed to `saveExtraction`. */
  readonly extraction: ExtractionResult;
  readonly content_hash: string;
  readonly ingested_at: string;
}

/** A stored article without its text, events or statements (for listings). */
export interface ArticleSummary {
  readonly id: string;
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly language: string;
  readonly event_count: number;
  readonly statement_count: number;
  readonly diagnostic_count: number;
  readonly content_hash: string;
  readonly ingested_at: string;
}

/** An article's stored text (as `getArticle` returns it) under its content hash. */
export interface ArticleText {
  readonly id: string;
  readonly content_hash: string;
  readonly text: string;
}

/** One article-level event with the article it belongs to. */
export interface ArticleEventRecord {
  readonly article_id: string;
  readonly event: ArticleEvent;
}

/** An input that produced no article (unreadable file, bad JSON line), kept for the report. */
export interface FailureRecord {
  readonly source: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly recorded_at: string;
}

/** An article matching a text search. */
export interface ArticleSearchHit {
  readonly id: string;
  readonly title: string | null;
  /** A short extract around the matches, with matched terms wrapped in `[` `]`. */
  readonly snippet: string;
  /** Lower is better (BM25 as SQLite reports it). */
  readonly rank: number;
}

/** A merged event reduced to what a map, a timeline or a chart needs (see `Store.listEventPoints`). */
export interface EventPoint {
  readonly id: string;
  readonly date: string | null;
  readonly date_end: string | null;
  readonly event_type: string;
  readonly sub_event_type: string;
  readonly place_name: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly fatalities: number | null;
  readonly injured: number | null;
  /** Sides of actor1 and actor2. */
  readonly side1: string | null;
  readonly side2: string | null;
  readonly ceasefire_violation: boolean;
  readonly background: boolean;
  readonly story_id: string | null;
  /** Distinct sides blamed by the event's `accuses` claims (`claim.accused.side`), sorted. */
  readonly accused: readonly string[];
}

/**
 * Aggregates of the merged events matching a filter, for maps and charts over many events (see
 * `Store.aggregateEvents`). Every count covers the filtered events only.
 */
export interface EventAggregates {
  readonly total: number;
  /** Events with both coordinates. */
  readonly located: number;
  readonly undated: number;
  /** Sum of known fatalities. */
  readonly fatalities: number;
  readonly first_date: string | null;
  /** Latest `date_end ?? date`. */
  readonly last_date: string | null;
  /** Located events per grid cell (`gx = floor(lon / cell)`, `gy = floor(lat / cell)`) and event type. */
  readonly cells: readonly {
    readonly gx: number;
    readonly gy: number;
    readonly event_type: string;
    readonly count: number;
    readonly fatalities: number;
    readonly lat_sum: number;
    readonly lon_sum: number;
    readonly west: number;
    readonly south: number;
    readonly east: number;
    readonly north: number;
    /** Smallest event id in the group. */
    readonly first_id: string;
    /** Smallest and largest place name in the group (equal when the group has one place). */
    readonly place_min: string | null;
    readonly place_max: string | null;
  }[];
  /** Dated events per day. */
  readonly days: readonly { readonly date: string; readonly count: number; readonly fatalities: number }[];
  /** Dated ceasefire violations per day and blamed side (`report/ceasefire-attribution.ts`: actor1's side and the sides its `accuses` claims name, each once; else `UNKNOWN`). */
  readonly ceasefire: readonly { readonly date: string; readonly side: string; readonly count: number }[];
  /** Events per event type. */
  readonly types: readonly { readonly event_type: string; readonly count: number }[];
  /** Events per side (of actor1 or actor2; an event counts once per side). */
  readonly sides: readonly { readonly side: string; readonly count: number }[];
}
