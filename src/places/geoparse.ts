/**
 * Geoparsing: every toponym of a text with the place it names. The place matcher finds the
 * mentions (`createPlaceMatcher`), `disambiguatePlaces` picks one place per mention from what the
 * article says, and this module shapes the result for `sitrep places`: the span (UTF-16 offsets
 * into the text exactly as given), the resolved place with its ACLED precision, and the runner-up
 * candidates with their scores. "Kenya's capital" gives two toponyms: Kenya and its capital.
 */
import { createPlaceMatcher, disambiguatePlaces, type PlaceMatcher } from '../packs/gazetteer-index.js';
import { loadPacks } from '../packs/load-packs.js';
import type { Packs, PlaceEntry } from '../packs/types.js';

/** A candidate place of a mention. */
export interface PlaceCandidate {
  readonly id: string;
  readonly name: string;
  readonly country: string | null;
  readonly admin1: string | null;
  /** Kind of place: country, region (first-order division, sea, region), district, city, town, village... */
  readonly feature: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  readonly score: number;
}

/** One toponym of the text and the place chosen for it. */
export interface GeoparsedPlace extends PlaceCandidate {
  readonly start: number;
  readonly end: number;
  /** `text.slice(start, end)`. */
  readonly text: string;
  /** ACLED geo precision: 1 town or village, 2 near a town / district / area, 3 region or country. */
  readonly precision: 1 | 2 | 3;
  /** The other candidates, best first (at most `maxAlternatives`). */
  readonly alternatives: readonly PlaceCandidate[];
}

export interface Geoparser {
  parse(text: string): GeoparsedPlace[];
}

/**
 * Builds a geoparser over the packs (loads and compiles them once: ~1.5 s).
 *
 * @example
 * createGeoparser().parse('Shelling hit Kupiansk.')[0]?.country // 'UKR'
 */
export function createGeoparser(packs: Packs = loadPacks(), opts: { maxAlternatives?: number; matcher?: PlaceMatcher } = {}): Geoparser {
  const matcher = opts.matcher ?? createPlaceMatcher(packs);
  const max = opts.maxAlternatives ?? 3;
  return {
    parse(text) {
      const mentions = matcher.find(text);
      const resolved = disambiguatePlaces(mentions, text, { packs });
      const out: GeoparsedPlace[] = [];
      resolved.forEach((r, i) => {
        const m = mentions[i]!;
        if (!r) return;
        // "Kenya's capital" names Nairobi and, in its possessive, Kenya: both are toponyms
        const owner = POSSESSIVE_CAPITAL.exec(m.surface);
        const country = owner && r.entry.country ? matcher.get(`place:country:${r.entry.country}`) : undefined;
        if (owner && country) {
          out.push({ start: m.start, end: m.start + owner[1]!.length, text: owner[1]!, ...candidate(country, 0), precision: 3, alternatives: [] });
        }
        out.push({
          start: m.start,
          end: m.end,
          text: m.surface,
          ...candidate(r.entry, r.score),
          precision: r.place.geo_precision,
          alternatives: r.ranked.slice(1, 1 + max).map((x) => candidate(x.entry, x.score)),
        });
      });
      return out;
    },
  };
}

const POSSESSIVE_CAPITAL = /^(.+?)['’]s\s+capital$/u;

function candidate(e: PlaceEntry, score: number): PlaceCandidate {
  return {
    id: e.id,
    name: e.name,
    country: e.country,
    admin1: e.admin1,
    feature: e.kind,
    lat: e.lat,
    lon: e.lon,
    population: e.population,
    score: Math.round(score * 1000) / 1000,
  };
}
