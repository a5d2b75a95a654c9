/**
 * Loads `data/lexicon/dates.yml`, validates it with zod and compiles it into lookup tables and
 * pattern fragments for the chrono extensions. Loaded lazily, once per process.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached as parseYaml } from '../packs/read-pack-file.js';
import { z } from 'zod';

const range = z.tuple([z.number().int(), z.number().int()]);
const word = z.string().min(1);

const datesFile = z.object({
  version: z.literal(1),
  months: z.array(z.array(word).min(1)).length(12),
  year_prepositions: z.array(word).min(1),
  count_nouns: z.array(word),
  event_nouns: z.array(word),
  month_parts: z.record(range),
  year_parts: z.record(range),
  seasons: z.record(range),
  time_zones: z.record(z.number().int().nullable()),
  anaphoric_endings: z.array(word),
  duration_openers: z.array(word),
  ignored_casual: z.array(word),
  future_cues: z.array(word),
});

/** The compiled date lexicon. Pattern strings are regex sources without flags or groups that capture. */
export interface DateLexicon {
  /** Lower-case month word (no dot) → 1..12. */
  readonly monthNumber: ReadonlyMap<string, number>;
  /** Alternation of every month word, longest first, followed by an optional dot. */
  readonly monthPattern: string;
  readonly yearPrepositionPattern: string;
  readonly countNouns: ReadonlySet<string>;
  readonly eventNounPattern: string;
  readonly monthParts: ReadonlyMap<string, readonly [number, number]>;
  readonly monthPartPattern: string;
  readonly yearParts: ReadonlyMap<string, readonly [number, number]>;
  readonly seasons: ReadonlyMap<string, readonly [number, number]>;
  readonly seasonPattern: string;
  /** Upper-case zone → minutes east of UTC, or null for local time. */
  readonly timeZones: ReadonlyMap<string, number | null>;
  readonly timeZonePattern: string;
  /** Matches a result text that ends with an anaphoric word ("two days later"). */
  readonly anaphoricEndingRe: RegExp;
  /** Matches a result text that opens a duration ("in several years", "within a week"). */
  readonly durationOpenerRe: RegExp;
  readonly ignoredCasual: ReadonlySet<string>;
  /** Matches a future cue anywhere in a short window of text. */
  readonly futureCueRe: RegExp;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Alternation of phrases, longest first, with inner spaces matching any whitespace. */
const alternation = (words: Iterable<string>): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRe(w).replace(/ +/g, '\\s+'))
    .join('|');

function compile(raw: z.infer<typeof datesFile>): DateLexicon {
  const monthNumber = new Map<string, number>();
  raw.months.forEach((names, i) => {
    for (const n of names) monthNumber.set(n.toLowerCase(), i + 1);
  });
  const lower = (xs: readonly string[]): string[] => xs.map((x) => x.toLowerCase());
  const tuples = (r: Record<string, [number, number]>): Map<string, readonly [number, number]> =>
    new Map(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v] as const));
  const monthParts = tuples(raw.month_parts);
  const seasons = tuples(raw.seasons);
  const timeZones = new Map(Object.entries(raw.time_zones).map(([k, v]) => [k.toUpperCase(), v] as const));
  return {
    monthNumber,
    monthPattern: `(?:${alternation(monthNumber.keys())})\\.?`,
    yearPrepositionPattern: alternation(lower(raw.year_prepositions)),
    countNouns: new Set(lower(raw.count_nouns)),
    eventNounPattern: alternation(lower(raw.event_nouns)),
    monthParts,
    monthPartPattern: alternation(monthParts.keys()),
    yearParts: tuples(raw.year_parts),
    seasons,
    seasonPattern: alternation(seasons.keys()),
    timeZones,
    timeZonePattern: alternation(timeZones.keys()),
    anaphoricEndingRe: new RegExp(`\\b(?:${alternation(lower(raw.anaphoric_endings))})\\s*[,.;:]?\\s*$`, 'i'),
    durationOpenerRe: new RegExp(`^\\s*(?:${alternation(lower(raw.duration_openers))})\\s`, 'i'),
    ignoredCasual: new Set(lower(raw.ignored_casual)),
    futureCueRe: new RegExp(`\\b(?:${alternation(lower(raw.future_cues))})\\b`, 'i'),
  };
}

let cached: DateLexicon | null = null;

/**
 * Returns the compiled date lexicon, reading and validating the YAML file on first use.
 * Throws (a configuration error, not an article problem) when the file is missing or invalid.
 */
export function getDateLexicon(): DateLexicon {
  if (cached) return cached;
  const path = fileURLToPath(new URL('../../data/lexicon/dates.yml', import.meta.url));
  const parsed = datesFile.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`dates: invalid lexicon ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  cached = compile(parsed.data);
  return cached;
}
