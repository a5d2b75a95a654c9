/**
 * What the extractor needs besides the article: the lexicon, the pack matchers and the theatre
 * data. Built once per process by `createExtractContext` and shared by every article.
 */
import type { Lexicon } from './lexicon.js';
import type { ActorEntry, CeasefireEntry, KeyEventEntry, TheatrePack } from '../packs/types.js';
import type { GeoPrecision, Place } from '../model/event.js';

/** An actor named in the text. */
export interface ActorHit {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly entry: ActorEntry;
}

/** A place named in the text, already disambiguated against the whole article. */
export interface PlaceHit {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly place: Place;
  /** Place kind from the pack (`village`, `corridor`, `region`, `country`...). */
  readonly kind: string;
  /** A place no pack lists, read from a place phrase: its coordinates are a container's, of this precision. */
  readonly unlisted?: { readonly precision: GeoPrecision };
}

export interface ExtractContext {
  readonly lexicon: Lexicon;
  findActors(text: string, date: string | null): ActorHit[];
  findPlaces(text: string): PlaceHit[];
  /** The place that stands for a country (alpha-3), for country-level events. */
  countryPlace(iso3: string): Place | null;
  /** A pack actor by id (for `fightsAs`). */
  actorById(id: string): ActorEntry | null;
  /** The government actor of a state (alpha-3), for country-level decisions. */
  governmentOf(iso3: string): ActorEntry | null;
  /**
   * The civilians actor of a state (alpha-3), e.g. "Civilians (Ukraine)"; with null, those of the
   * country the article is about, else civilians of no known country.
   */
  civiliansOf(iso3: string | null): ActorEntry | null;
  /** The main fighting actor of a side ("ARM" → Armed Forces of Armenia), for implied opponents. */
  forcesOfSide(side: string): ActorEntry | null;
  /** The actor a one-word adjective names: a theatre group ("separatist" → Artsakh forces) or a state's government ("Azerbaijani"). */
  actorOfAdjective(word: string): ActorEntry | null;
  /** Side code of a demonym or adjective ("Azerbaijani" → AZE, "Artsakh" → ARM), or null. */
  sideOfAdjective(word: string): string | null;
  readonly theatres: readonly TheatrePack[];
  readonly ceasefires: readonly CeasefireEntry[];
  readonly keyEvents: readonly KeyEventEntry[];
  /** Pairs of sides that fight each other in a theatre (for implied opponents). */
  readonly dyads: readonly (readonly [string, string])[];
  readonly versions: Readonly<Record<string, string>>;
  /**
   * The context of the theatres `text` is about (see `packs/theatre-scope.ts`): their actors,
   * places, ceasefires, dyads and key events only. Absent on hand-made test contexts.
   */
  forArticle?(text: string): ExtractContext;
}
