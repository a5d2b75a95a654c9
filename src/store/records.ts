/**
 * What the store keeps and gives back, beyond the per-article {@link ExtractionResult}: merged
 * (cross-article) events, stories, article summaries and failures. JSON-safe, snake_case like the
 * CLI contract, so the CLI and the HTTP API can print them unchanged.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { ArticleEvent } from '../model/event.js';
import type { ExtractionResult } from '../model/extraction.js';

/** The Event fields of event-model.md, without the per-article extensions (`field_spans`, `control`, `rules`). */
export type EventFields = Omit<ArticleEvent, 'id' | 'field_spans' | 'control' | 'rules'>;

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
  /** In the order the resolver gave; never empty for a stored event. */
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
