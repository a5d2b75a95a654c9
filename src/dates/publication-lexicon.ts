/**
 * Loads `data/lexicon/dates-publication.yml` (cues for a publication date in an article's text),
 * validates it with zod and compiles its patterns. Loaded lazily, once per process.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached as parseYaml } from '../packs/read-pack-file.js';
import { z } from 'zod';

const phrases = z.array(z.string().min(1)).min(1);
const publicationFile = z.object({
  version: z.literal(1),
  published_cues: phrases,
  updated_cues: phrases,
  agencies: phrases,
  teaser_headings: phrases,
  teaser_line_prefixes: phrases,
  fresh_news_cues: phrases,
});

/** Compiled publication-date cues. */
export interface PublicationLexicon {
  /** Matches the text just before a date that makes it a stamp; group 1 = published, group 2 = updated. */
  readonly stampBeforeRe: RegExp;
  /** Matches the text just after a dateline's date: optional "(Reuters)", then a dash. */
  readonly datelineAfterRe: RegExp;
  /** A whole line that is a teaser heading ("More In This Category"); flags `gim`. */
  readonly teaserHeadingRe: RegExp;
  /** A line that is a one-line teaser ("Read more: …"); flags `gim`. */
  readonly teaserLineRe: RegExp;
  /** A fresh-news cue anywhere ("has broken out", "renewed fighting"). */
  readonly freshNewsRe: RegExp;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRe(w).replace(/ +/g, '\\s+').replace(/'/g, "['’]"))
    .join('|');

function compile(raw: z.infer<typeof publicationFile>): PublicationLexicon {
  return {
    // "UPDATED 2 (", "Updated: ", "Published ", "Posted on ", "Last updated at 10:15, "
    stampBeforeRe: new RegExp(
      `(?:^|[^\\p{L}])(?:(${alternation(raw.published_cues)})|(${alternation(raw.updated_cues)}))\\b[\\s\\d:.,]*?[:(\\-–—|]?\\s*(?:on\\s+|at\\s+)?$`,
      'iu',
    ),
    datelineAfterRe: new RegExp(`^\\s*(?:[(/]\\s*(?:${alternation(raw.agencies)})\\s*[)/])?\\s*[-–—]`, 'i'),
    teaserHeadingRe: new RegExp(`^[ \\t]*(?:${alternation(raw.teaser_headings)})[ \\t]*:?[ \\t]*$`, 'gim'),
    teaserLineRe: new RegExp(`^[ \\t]*(?:${alternation(raw.teaser_line_prefixes)})[ \\t]*:.*$`, 'gim'),
    freshNewsRe: new RegExp(`\\b(?:${alternation(raw.fresh_news_cues)})\\b`, 'i'),
  };
}

let cached: PublicationLexicon | null = null;

/** Returns the compiled publication lexicon, reading and validating the YAML file on first use. */
export function getPublicationLexicon(): PublicationLexicon {
  if (cached) return cached;
  const path = fileURLToPath(new URL('../../data/lexicon/dates-publication.yml', import.meta.url));
  const parsed = publicationFile.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`dates: invalid lexicon ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  cached = compile(parsed.data);
  return cached;
}
