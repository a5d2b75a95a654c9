import type { Span } from './span.js';

/** A resolved actor (event-model.md "Actor"), with the words it was read from. */
export interface Actor {
  readonly name: string;
  /** Belligerent side code: ISO alpha-3 (`ARM`, `AZE`, `RUS`), a group code, or `CIV`. */
  readonly side: string | null;
  readonly country: string | null;
  /** ACLED interaction code 1..8. */
  readonly inter: number | null;
  /** Pack id of the actor, e.g. `actor:aze-armed-forces`. */
  readonly id?: string;
  readonly source_text?: string;
  readonly span?: Span;
}

/** ACLED geo precision: 1 the place itself, 2 near it / small area, 3 region or country. */
export type GeoPrecision = 1 | 2 | 3;

/** A resolved place (event-model.md "Place"). */
export interface Place {
  readonly name: string;
  readonly source_text: string;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geo_precision: GeoPrecision;
  /** Pack id of the place, e.g. `place:wof:85632717`. */
  readonly id?: string;
  readonly span?: Span;
}

export type ClaimStance = 'asserts' | 'confirms' | 'denies' | 'accuses';

/** Who says an event happened, and how. */
export interface Claim {
  readonly claimant: Actor | null;
  readonly stance: ClaimStance;
  readonly hedged: boolean;
  readonly evidence: Span;
  /** Sitrep extension: for `accuses`, the side the claimant blames. */
  readonly accused?: Actor | null;
}

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A claim about who holds a place after an event ("entered Khtsaberd", "remained in Armenian hands"). */
export interface ControlClaim {
  readonly place: string;
  /** Side said to hold the place after the event. */
  readonly holder: string | null;
  readonly claimant: Actor | null;
  readonly evidence: Span;
}

/** One event as extracted from one article (event-model.md "Event"). */
export interface ArticleEvent {
  /** Unique within its article, e.g. `e1`. */
  readonly id: string;
  readonly event_type: string;
  readonly sub_event_type: string;
  readonly date: string | null;
  readonly date_end: string | null;
  readonly date_precision: DatePrecision | null;
  readonly date_source: 'text' | 'publication' | null;
  readonly actor1: Actor | null;
  readonly actor2: Actor | null;
  readonly location: Place | null;
  readonly fatalities: number | null;
  readonly injured: number | null;
  readonly ceasefire_violation: boolean;
  readonly background: boolean;
  readonly claims: readonly Claim[];
  readonly evidence: readonly Span[];
  /** Sitrep extension: the span each field was read from (`trigger`, `date`, `location`, `fatalities`…). */
  readonly field_spans: Readonly<Record<string, Span>>;
  /** Sitrep extension: control of places asserted by the article. */
  readonly control?: readonly ControlClaim[];
  /** Sitrep extension: which rules fired, for debugging and provenance. */
  readonly rules?: readonly string[];
  /**
   * Sitrep extension: every place in the article that tells this event (one per trigger merged
   * into it), in text order, with the words each of its fields was read from there.
   */
  readonly mentions?: readonly EventMention[];
}

/** One telling of an event in its article: the trigger, its sentence and the spans of its own fields. */
export interface EventMention {
  readonly trigger: Span;
  readonly sentence: Span;
  readonly event_type: string;
  readonly sub_event_type: string;
  /** Spans of the fields read at this mention (`actor1`, `actor2`, `location`, `date`, `fatalities`, `injured`). */
  readonly field_spans: Readonly<Record<string, Span>>;
}

export type StatementType = 'call' | 'demand' | 'threaten' | 'accuse' | 'deny' | 'confirm' | 'announce';

/** A verbal act that is not itself a violent event. */
export interface Statement {
  readonly id: string;
  readonly type: StatementType;
  readonly speaker: Actor | null;
  readonly target: Actor | null;
  readonly date: string | null;
  readonly about_event: string | null;
  readonly evidence: Span;
}
