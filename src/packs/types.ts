/**
 * The in-memory shape of data packs after validation (see `schemas.ts` for the file formats).
 * Packs are data: a theatre is added by adding a folder under `packs/theatres/`, never code.
 */
import type { VillageGazetteer } from './villages.js';
import type { LazyPlaces } from './lazy-places.js';

/** What kind of party an actor entry names; decides how the extractor may use it. */
export type ActorKind =
  | 'state-forces' // a state's armed forces ("Azerbaijani army"); can fight
  | 'armed-group' // a non-state armed group ("Artsakh Defense Army", "separatists"); can fight
  | 'peacekeepers' // an external force with a mandate; can fight or observe
  | 'government' // a state or its capital used as a party ("Baku", "Yerevan", "Armenia")
  | 'ministry' // an institution that speaks (MoD, MFA, presidency)
  | 'person' // an official who speaks or acts (Aliyev, Pashinyan)
  | 'civilians'
  | 'international' // EU, OSCE, UN: speaks, rarely fights
  | 'media'; // outlets and agencies, as claimants

export interface ActorEntry {
  /** Namespaced stable id, e.g. `actor:aze-forces`. */
  readonly id: string;
  /** Canonical name as ACLED would write it ("Military Forces of Azerbaijan (2003-)" style allowed). */
  readonly name: string;
  readonly kind: ActorKind;
  /** Belligerent side: ISO alpha-3, group code, `CIV`, or null for neutral parties. */
  readonly side: string | null;
  /** ISO alpha-3 of the state it belongs to; null for non-state actors. */
  readonly country: string | null;
  /** ACLED interaction code 1..8. */
  readonly inter: number | null;
  /** Surface forms, matched case-insensitively on word boundaries ("Azerbaijani army", "Baku"). */
  readonly aliases: readonly string[];
  /** The fighting actor this one stands for when it is the subject of a violent act (MoD → forces). */
  readonly fightsAs?: string;
  /** Valid period, ISO dates; outside it the alias does not resolve to this entry. */
  readonly validFrom?: string;
  readonly validTo?: string;
  /**
   * What the entry is for its country or side (`forces`, `government`, `mod`, `mfa`, `presidency`,
   * `parliament`, `peacekeepers`, `civilians`, `sources`, `president`, `prime-minister`...).
   * "<demonym> <force noun>" compositions ("Azerbaijani troops") resolve through it, and a theatre
   * entry shadows the world pack's entry of the same country and role. Added by the packs loader.
   */
  readonly role?: string;
  /**
   * A generic description ("militants", "the army", "gunmen") rather than a named party: the
   * article decides which actor it stands for (see `generic-actors.ts`). The value is its class.
   */
  readonly generic?: string;
  /** What kind of group a named non-state group is (`jihadist`, `rebel`, `separatist`, `militia`...). */
  readonly groupType?: string;
  /** ISO alpha-3 codes of the countries a non-state group fights in. */
  readonly operatesIn?: readonly string[];
  /** For a generic description: the state named as its backer ("Russian-backed separatists" → RUS). */
  readonly backer?: string;
  /** For a generic description: the country named as its homeland ("Palestinian militants" → PSE). */
  readonly homeland?: string;
}

/** Place kinds, from the largest to the smallest; decides the ACLED geo precision. */
export type PlaceKind = 'country' | 'region' | 'district' | 'area' | 'city' | 'town' | 'village' | 'corridor' | 'height';

export interface PlaceEntry {
  /** Namespaced stable id: `place:wof:<id>` for gazetteer rows, `place:<theatre>:<slug>` for curated ones. */
  readonly id: string;
  /** Canonical English name. */
  readonly name: string;
  readonly kind: PlaceKind;
  /** Every name variant (English, Armenian/Azerbaijani/Russian transliterations, native scripts). */
  readonly aliases: readonly string[];
  /** ISO alpha-3, internationally recognised borders (Nagorno-Karabakh is AZE). */
  readonly country: string | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  /** Curated entries (theatre overrides) beat bulk gazetteer rows on ties. */
  readonly curated: boolean;
  /** Words whose presence near the mention favours this reading ("Hadrut", "Karabakh"). */
  readonly context?: readonly string[];
  /**
   * False for gazetteer rows that are superseded, merged or historical (WOF `is_current` 0); they
   * stay matchable but lose ties. Absent means current or unknown.
   */
  readonly current?: boolean;
  /** A country's capital (world places with `capital` 1). */
  readonly capital?: boolean;
}

/** A noun that, after a demonym or country name, names an actor by role ("Azerbaijani troops"). */
export interface ForceNoun {
  readonly noun: string;
  /** Role looked up on actor entries (`forces`, `mod`, `peacekeepers`...). */
  readonly role: string;
  /** "<demonym|country> NOUN" composes. */
  readonly prefix: boolean;
  /** Prepositions for "NOUN <prep> <country|capital>" ("Ministry of Defense of Armenia"). */
  readonly postfix: readonly string[];
  /**
   * `owner`: the mention is only the demonym or country ("Israeli" in "Israeli warplanes struck"):
   * a weapon or platform stands for its owner and its noun stays free for the event trigger.
   */
  readonly span?: 'whole' | 'owner';
}

/** Which actor a generic description stands for in a country when the article names no group. */
export interface GenericDefault {
  readonly country: string;
  readonly class: string;
  readonly actor: string;
  /** Period in which the default holds (ISO dates), when it does not always. */
  readonly validFrom?: string;
  readonly validTo?: string;
}

export interface CeasefireEntry {
  readonly id: string;
  readonly name: string;
  /** First day the ceasefire was in force (ISO date). */
  readonly start: string;
  /** Last day, or null while it is (nominally) in force. */
  readonly end: string | null;
  /** Sides bound by it. */
  readonly parties: readonly string[];
  readonly brokers: readonly string[];
  readonly note: string;
}

export interface KeyEventEntry {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  /** Phrases that refer to this event in articles ("the 10 November statement", "44-day war"). */
  readonly aliases: readonly string[];
  /** A war or period rather than a day: mentions of it are background. */
  readonly endDate?: string;
  /**
   * Words that identify a fresh report of this event (places, weapons, phrases). Used, with low
   * confidence, to date an article that carries no publication date.
   */
  readonly keywords?: readonly string[];
  /** What the event was: `outbreak`, `clashes`, `offensive`, `agreement`, `war`... */
  readonly kind?: string;
}

export interface TheatrePack {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly licence: string;
  readonly attribution: string;
  /** ISO alpha-3 countries the theatre covers. */
  readonly countries: readonly string[];
  /** Words that tell an article is about this theatre ("Karabakh", "Artsakh", "Lachin"). */
  readonly keywords: readonly string[];
  /** The two sides of the theatre's two-sided war(s), as side codes ([ISR, HEZBOLLAH]). */
  readonly dyads?: readonly (readonly [string, string])[];
  readonly actors: readonly ActorEntry[];
  readonly places: readonly PlaceEntry[];
  readonly ceasefires: readonly CeasefireEntry[];
  readonly keyEvents: readonly KeyEventEntry[];
  /** Gazetteer aliases that never match on their own in this theatre ("Mets", "Bala", "Yeni"). */
  readonly stopAliases?: readonly string[];
  /** Aliases knowingly shared by two curated entries ("Agdam": town and district). */
  readonly ambiguousAliases?: readonly string[];
}

export interface WorldPack {
  readonly version: string;
  readonly licence: string;
  readonly attribution: string;
  /** Countries, divisions, regions and populated places (those of `lazyPlaces` excepted). */
  readonly places: readonly PlaceEntry[];
  /** Country-level actors generated from the country list (state forces, government, civilians). */
  readonly actors: readonly ActorEntry[];
  /** Demonym adjectives by ISO alpha-3 ("AZE": ["Azerbaijani", "Azeri"]). */
  readonly demonyms?: Readonly<Record<string, readonly string[]>>;
  /** Nouns composed with demonyms into actors ("troops", "Defence Ministry", "peacekeepers"). */
  readonly forceNouns?: readonly ForceNoun[];
  /** Lower-case common English words that bulk gazetteer aliases must not match. */
  readonly commonWords?: readonly string[];
  /** Per country and generic class, the actor a generic description stands for (`generic-defaults.tsv`). */
  readonly genericDefaults?: readonly GenericDefault[];
  /** Villages of the countries at war, loaded per country on demand (`villages/<ISO3>.tsv.gz`). */
  readonly villages?: VillageGazetteer;
  /**
   * The populated places (`places.tsv`) and divisions (`admin.tsv`) not in `places` (all but
   * capitals, large cities and the rows `aliases.tsv` names), read on demand through their key
   * tables (`lazy-places.ts`); a table missing or stale leaves its rows in `places`.
   */
  readonly lazyPlaces?: readonly LazyPlaces[];
}

/** Every pack loaded, validated and indexed. */
export interface Packs {
  readonly theatres: readonly TheatrePack[];
  readonly world: WorldPack;
  /** `{packId: version}` recorded with every extraction. */
  readonly versions: Readonly<Record<string, string>>;
}
