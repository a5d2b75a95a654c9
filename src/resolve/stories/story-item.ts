/** A place of a story item: where an event happened. */
export interface StoryPlace {
  readonly lat: number;
  readonly lon: number;
  /** Canonical name, e.g. `Khtsaberd`. */
  readonly name: string;
  /** Optional: the district or area it lies in (`Hadrut`), used by {@link storyTitle}. */
  readonly admin?: string | null;
}

/**
 * What story clustering sees of one merged event (or one article): an id, a date, the text that
 * describes it (its evidence sentences), and optionally its places, actors (names or side codes)
 * and event type. JSON-safe.
 */
export interface StoryItem {
  readonly id: string;
  /** `YYYY-MM-DD` (a longer ISO string is cut to its date); null or unparseable means unknown. */
  readonly date: string | null;
  readonly text: string;
  readonly places?: readonly StoryPlace[];
  readonly actors?: readonly string[];
  /** Optional ACLED sub-event or event type (`Armed clash`, `Battles`), used by titles and as a feature. */
  readonly type?: string | null;
}
