import { z } from 'zod';
import markerData from './boilerplate-markers.json' with { type: 'json' };

/** Words per shingle (stack-notes §5: 5-word shingles separate copies from same-event articles). */
export const SHINGLE_SIZE = 5;

const Markers = z.object({
  note: z.string(),
  inline: z.array(z.string().min(1)),
  lines: z.array(z.string().min(1)),
});
const markers = Markers.parse(markerData);
/** One alternation of every inline marker, compiled once. */
const INLINE = new RegExp(markers.inline.map((p) => `(?:${p})`).join('|'), 'giu');
const DROP_LINES: ReadonlySet<string> = new Set(markers.lines.map((l) => l.toLowerCase()));
const PARAGRAPH_BREAK = /\n+/;
/**
 * Apostrophes inside words and thousands separators vanish ("Armenia's" → "armenias", "2,783" →
 * "2783"). The character comes first and the lookbehind after it: the engine then tests only at
 * those few characters instead of evaluating a lookbehind at every position (25× faster).
 */
const JOINERS = /['’`](?<=[\p{L}\p{N}]['’`])(?=\p{L})|[,.](?<=\d[,.])(?=\d{3}\b)/gu;
/** One letter or digit (a code point): what {@link wordsOf} keeps. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit outside ASCII: 0 not yet known, 1 a letter or digit, 2 not. */
const bmpWordChar = new Uint8Array(0x10000);
const EDGE_PUNCT = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

/**
 * Normalises an article's text into paragraphs of lower-case words, the unit MinHash shingles:
 * inline ad markers (`[ad_1]`) are removed, known ad / sharing lines ("Advertisement") dropped,
 * punctuation stripped, apostrophes and thousands separators joined. Paragraphs are the text's
 * lines; they are kept apart so that shingles never span a paragraph break, which makes the
 * fingerprint blind to paragraph order and to paragraphs inserted between others.
 */
export function normalizeForShingles(text: string): string[][] {
  const out: string[][] = [];
  for (const raw of text.replace(INLINE, ' ').split(PARAGRAPH_BREAK)) {
    const line = raw.toLowerCase();
    if (line.length < 40 && DROP_LINES.has(line.replace(EDGE_PUNCT, ''))) continue;
    const words = wordsOf(line.replace(JOINERS, ''));
    if (words.length > 0) out.push(words);
  }
  return out;
}

/**
 * The runs of letters and digits of `line` (what `line.match(/[\p{L}\p{N}]+/gu)` finds), by a
 * scan that decides ASCII by code and other characters once each: three times faster than the
 * regular expression, which was most of the fingerprint's cost.
 */
export function wordsOf(line: string): string[] {
  const out: string[] = [];
  const n = line.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    let word: boolean;
    let pair = false;
    if (c < 0x80) word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is one code point (tested whole); a lone surrogate is no letter.
      const d = c <= 0xdbff && i + 1 < n ? line.charCodeAt(i + 1) : 0;
      pair = d >= 0xdc00 && d <= 0xdfff;
      word = pair && WORD_CHAR.test(line.slice(i, i + 2));
    } else {
      let known = bmpWordChar[c]!;
      if (known === 0) bmpWordChar[c] = known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
      word = known === 1;
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(line.slice(start, i));
      start = -1;
    }
    if (pair) i++;
  }
  if (start >= 0) out.push(line.slice(start));
  return out;
}

/** FNV-1a over UTF-16 code units: a 32-bit hash of one word. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers with full avalanche. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of the `SHINGLE_SIZE` words starting at `from` (order-sensitive). */
function hashShingle(wordHashes: Uint32Array, from: number, size: number): number {
  let h = 0x9747b28c;
  for (let k = 0; k < size; k++) h = fmix32(Math.imul((h << 5) | (h >>> 27), 5) ^ (wordHashes[from + k] as number));
  return h;
}

/**
 * The set of 32-bit shingle hashes of a text (sorted, unique): every run of {@link SHINGLE_SIZE}
 * consecutive words inside one normalised paragraph. Paragraphs shorter than a shingle add
 * nothing (ad lines, bylines, "Read more") unless the whole text has no full shingle, in which
 * case its words form one short shingle per paragraph, so tiny texts still get a fingerprint.
 * Empty for a text without words.
 */
export function shingleHashes(text: string): Uint32Array {
  const paragraphs = normalizeForShingles(text);
  const hashes: number[] = [];
  const long = paragraphs.some((p) => p.length >= SHINGLE_SIZE);
  for (const words of paragraphs) {
    if (long && words.length < SHINGLE_SIZE) continue;
    const wh = new Uint32Array(words.length);
    for (let i = 0; i < words.length; i++) wh[i] = hashWord(words[i] as string);
    if (words.length < SHINGLE_SIZE) hashes.push(hashShingle(wh, 0, words.length));
    else for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) hashes.push(hashShingle(wh, i, SHINGLE_SIZE));
  }
  const sorted = Uint32Array.from(hashes).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
  return sorted.slice(0, n);
}
