import { storyLexicon } from './story-lexicon.js';
import type { StoryItem } from './story-item.js';

/** A sparse L2-normalised vector: term ids ascending, weights beside them. */
export interface SparseVector {
  readonly terms: Uint32Array;
  readonly weights: Float64Array;
}

/** How words become weighted terms (see {@link buildStoryVectors}). */
export interface StoryVectorOptions {
  /** Weight of an occurrence of a name (capitalised word inside a sentence) relative to a common word. */
  readonly nameWeight: number;
  /** Weight of each `places[].name` of an item, added as a term of its own. */
  readonly placeWeight: number;
  /** Weight of each `actors[]` entry and of the `type`, added as terms of their own. */
  readonly actorWeight: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const SENTENCE_END = /[.!?]["'”’)]*\s+|\n+/g;
const UPPER = /^\p{Lu}/u;
const POSSESSIVE = /['’]s$/u;

/** Light English suffix stripping, enough to meet "clash/clashes", "attacked/attack". */
function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/**
 * Weighted term counts of one text. A capitalised word that does not open its sentence is a
 * name and counts `nameWeight`; in a title-case line (most words capitalised, as headlines are)
 * capitals say nothing and every word counts 1. Stop words and one-letter words are skipped;
 * names keep their form, other words are stemmed.
 */
export function termCounts(text: string, nameWeight: number, into: Map<string, number> = new Map()): Map<string, number> {
  for (const sentence of text.split(SENTENCE_END)) {
    const words = sentence.match(WORD);
    if (words === null) continue;
    let caps = 0;
    for (const w of words) if (UPPER.test(w)) caps++;
    const titleCase = words.length >= 4 && caps / words.length > 0.6;
    words.forEach((raw, i) => {
      const w = raw.replace(POSSESSIVE, '');
      const lower = w.toLowerCase();
      if (lower.length < 2 || storyLexicon.stopwords.has(lower)) return;
      const isName = !titleCase && i > 0 && UPPER.test(w);
      const term = isName ? lower : stem(lower);
      into.set(term, (into.get(term) ?? 0) + (isName ? nameWeight : 1));
    });
  }
  return into;
}

const termCache = new Map<string, ReadonlyMap<string, number>>();
const TERM_CACHE_MAX = 20_000;

/** `termCounts` of a text, remembered: the resolver clusters the same articles again and again. */
function cachedTermCounts(text: string, nameWeight: number): ReadonlyMap<string, number> {
  const key = `${nameWeight}\u0000${text}`;
  let hit = termCache.get(key);
  if (!hit) {
    if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
    hit = termCounts(text, nameWeight);
    termCache.set(key, hit);
  }
  return hit;
}

/**
 * TF-IDF vectors of a batch of story items, L2-normalised so a dot product is a cosine.
 * tf = 1 + ln(weighted count); idf = ln(1 + N / df) over the batch itself (so it works for a
 * batch of three as for thousands; a term in every item still counts a little). Places,
 * actors and the type enter as extra terms (`@place:…`, `@actor:…`, `@type:…`).
 * Term ids are assigned in order of first appearance over `items` in the given order.
 */
export function buildStoryVectors(items: readonly StoryItem[], opts: StoryVectorOptions): { vectors: SparseVector[]; vocabulary: string[] } {
  const vocab = new Map<string, number>();
  const counts = items.map((item) => {
    const c = new Map(cachedTermCounts(item.text, opts.nameWeight));
    for (const p of item.places ?? []) c.set(`@place:${p.name.toLowerCase()}`, (c.get(`@place:${p.name.toLowerCase()}`) ?? 0) + opts.placeWeight);
    for (const a of item.actors ?? []) c.set(`@actor:${a.toLowerCase()}`, (c.get(`@actor:${a.toLowerCase()}`) ?? 0) + opts.actorWeight);
    if (item.type) c.set(`@type:${item.type.toLowerCase()}`, opts.actorWeight);
    return c;
  });
  const df: number[] = [];
  for (const c of counts) {
    for (const term of c.keys()) {
      let id = vocab.get(term);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(term, id);
        df.push(0);
      }
      df[id] = (df[id] as number) + 1;
    }
  }
  const n = items.length;
  const vectors = counts.map((c) => {
    const entries: [number, number][] = [];
    let norm = 0;
    for (const [term, count] of c) {
      const id = vocab.get(term) as number;
      const w = (count >= 1 ? 1 + Math.log(count) : count) * Math.log(1 + n / (df[id] as number));
      entries.push([id, w]);
      norm += w * w;
    }
    entries.sort((a, b) => a[0] - b[0]);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return { terms: Uint32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1] * scale) };
  });
  return { vectors, vocabulary: [...vocab.keys()] };
}
