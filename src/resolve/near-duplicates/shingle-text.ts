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
const WORD = /[\p{L}\p{N}]+/gu;
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
    const words = line.replace(JOINERS, '').match(WORD);
    if (words !== null) out.push(words);
  }
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
