/**
 * Casualty figures read over tokens (lemmas and parts of speech from the NLP backbone) rather than
 * over characters: a count phrase ("at least 112", "a dozen", "one of its") linked to a casualty
 * predicate by the grammar of English:
 * - subject: count + victims + auxiliaries + intransitive or passive predicate ("112 people were
 *   killed", "four soldiers died", "760 wounded", "a soldier was shot dead", "13 civilians dead");
 * - object: transitive predicate + count + victims ("killing four servicemen", "killed 13 of
 *   them", "wounding 21 people", "left two people dead");
 * - count noun: count + deaths / bodies / injuries ("38 deaths", "five militants' bodies");
 * - toll: toll noun … to/at/of + count ("the death toll rose to 12", "fatalities have climbed to
 *   27", "the number of people killed … has climbed to 35");
 * - lives: "cost the lives of 11 soldiers", "claimed 30 lives", "five people lost their lives".
 * Word classes are data (`data/lexicon/casualty-grammar.yml`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached as parseYaml } from '../../packs/read-pack-file.js';
import { z } from 'zod';
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../../nlp/analyze-text.js';
import { parseCount, type CasualtyMention } from './casualties.js';

type Category = 'killed' | 'injured';
const byCategory = z.object({ killed: z.array(z.string()), injured: z.array(z.string()) });
const grammarFile = z.object({
  version: z.number(),
  transitive: byCategory,
  intransitive: byCategory,
  count_nouns: byCategory,
  toll_nouns: z.array(z.string()),
  injury_toll_nouns: z.array(z.string()),
  zero_exceptions: z.array(z.string()),
  toll_links: z.array(z.string()),
  result_verbs: z.array(z.string()),
  auxiliaries: z.array(z.string()),
  not_people: z.array(z.string()),
  partitive: z.array(z.string()),
  victim_prepositions: z.array(z.string()),
  exceeding: z.array(z.string()),
  vague_counts: z.record(z.number()),
  zero_words: z.array(z.string()),
  civilian_victims: z.array(z.string()),
  unspecified_victims: z.array(z.string()),
  zero_nouns: z.object({ both: z.array(z.string()), killed: z.array(z.string()), injured: z.array(z.string()) }),
  noun_complements: z.record(z.object({ category: z.enum(['killed', 'injured']), prepositions: z.array(z.string()).min(1) })),
});

interface Classes {
  readonly transitive: ReadonlyMap<string, Category>;
  readonly intransitive: ReadonlyMap<string, Category>;
  readonly countNouns: ReadonlyMap<string, Category>;
  /** Both lists of toll nouns with the category each counts. */
  readonly tolls: readonly (readonly [readonly string[], Category])[];
  readonly zeroExceptions: ReadonlySet<string>;
  readonly tollLinks: ReadonlySet<string>;
  readonly resultVerbs: ReadonlySet<string>;
  readonly auxiliaries: ReadonlySet<string>;
  readonly notPeople: ReadonlySet<string>;
  readonly partitive: ReadonlySet<string>;
  readonly victimPrepositions: ReadonlySet<string>;
  readonly exceeding: ReadonlySet<string>;
  readonly vagueCounts: ReadonlyMap<string, number>;
  readonly zeroWords: readonly string[][];
  readonly civilianVictims: ReadonlySet<string>;
  readonly unspecifiedVictims: ReadonlySet<string>;
  readonly zeroNouns: ReadonlyMap<string, Category | 'both'>;
  /** Event nouns whose complement counts the victims ("the deaths of eight", "injuries to 16"). */
  readonly nounComplements: ReadonlyMap<string, { readonly category: Category; readonly prepositions: ReadonlySet<string> }>;
}

let classes: Classes | null = null;
function load(): Classes {
  if (classes) return classes;
  const file = fileURLToPath(new URL('../../../data/lexicon/casualty-grammar.yml', import.meta.url));
  const parsed = grammarFile.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const g = parsed.data;
  const map = (c: z.infer<typeof byCategory>) => new Map<string, Category>([...c.killed.map((w) => [w, 'killed'] as const), ...c.injured.map((w) => [w, 'injured'] as const)]);
  classes = {
    transitive: map(g.transitive),
    intransitive: map(g.intransitive),
    countNouns: map(g.count_nouns),
    tolls: [...g.toll_nouns.map((t) => [t.split(/\s+/), 'killed'] as const), ...g.injury_toll_nouns.map((t) => [t.split(/\s+/), 'injured'] as const)],
    zeroExceptions: new Set(g.zero_exceptions),
    tollLinks: new Set(g.toll_links),
    resultVerbs: new Set(g.result_verbs),
    auxiliaries: new Set(g.auxiliaries),
    notPeople: new Set(g.not_people),
    partitive: new Set(g.partitive),
    victimPrepositions: new Set(g.victim_prepositions),
    exceeding: new Set(g.exceeding),
    vagueCounts: new Map(Object.entries(g.vague_counts)),
    // the longest first: "no one" before "no"
    zeroWords: g.zero_words.map((w) => w.split(/\s+/)).sort((a, b) => b.length - a.length),
    civilianVictims: new Set(g.civilian_victims),
    unspecifiedVictims: new Set(g.unspecified_victims),
    zeroNouns: new Map<string, Category | 'both'>([
      ...g.zero_nouns.both.map((w) => [w, 'both'] as const),
      ...g.zero_nouns.killed.map((w) => [w, 'killed'] as const),
      ...g.zero_nouns.injured.map((w) => [w, 'injured'] as const),
    ]),
    nounComplements: new Map(Object.entries(g.noun_complements).map(([w, v]) => [w, { category: v.category, prepositions: new Set(v.prepositions) }])),
  };
  return classes;
}

interface Count {
  readonly from: number; // token index of the phrase's first token (modifier included)
  readonly to: number; // token index after the phrase
  readonly count: number;
  readonly modifier: 'min' | 'approx' | null;
  /** "a"/"an"/"one": a count only when people follow. */
  readonly article: boolean;
}

const isPunct = (t: Token): boolean => t.pos === 'PUNCT' || /^[,;:()"“”]$/.test(t.text);

const modifierStartCache = new WeakMap<Lexicon, ReadonlySet<string>>();
/** First words of the count modifiers ("at" of "at least"). */
function modifierStarts(lex: Lexicon): ReadonlySet<string> {
  let got = modifierStartCache.get(lex);
  if (!got) {
    got = new Set([...lex.modifiers.keys()].map((m) => m.split(' ')[0]!));
    modifierStartCache.set(lex, got);
  }
  return got;
}

/** The count phrase starting at token `i`, if any. */
function countAt(tokens: readonly Token[], i: number, lex: Lexicon): Count | null {
  const c = load();
  const first = tokens[i];
  // Most tokens start no count: reject them before building any string.
  if (!first || !(first.pos === 'NUM' || first.lower === 'a' || first.lower === 'an' || lex.numberWords.has(first.lower) ||
    c.vagueCounts.has(first.lower) || modifierStarts(lex).has(first.lower) || first.lower === 'as' || /^[a-z]+-[a-z]+$/.test(first.lower))) return null;
  let j = i;
  let modifier: 'min' | 'approx' | null = null;
  let exceeds = false;
  for (let len = 3; len >= 1; len--) {
    const words = tokens.slice(j, j + len).map((t) => t.lower).join(' ');
    const m = lex.modifiers.get(words);
    if (m && tokens.length > j + len) {
      modifier = m;
      exceeds = c.exceeding.has(words);
      j += len;
      break;
    }
  }
  // "as many as", "as few as"
  if (!modifier && tokens[j]?.lower === 'as' && tokens[j + 2]?.lower === 'as' && ['many', 'much'].includes(tokens[j + 1]?.lower ?? '')) {
    modifier = 'approx';
    j += 3;
  }
  const t = tokens[j];
  if (!t) return null;
  if (t.lower === 'a' || t.lower === 'an') {
    if (tokens[j + 1]?.lower === 'dozen') return { from: i, to: j + 2, count: 12, modifier, article: false };
    return { from: i, to: j + 1, count: 1, modifier, article: true };
  }
  let words = t.lower;
  let end = j + 1;
  const mult = tokens[end]?.lower;
  if (mult && lex.multipliers.has(mult) && (t.pos === 'NUM' || /^\d/.test(t.text))) {
    words = `${words} ${mult}`;
    end++;
  }
  // "tens of thousands", "hundreds of thousands": a magnitude of a whole war, not a toll read here.
  if (c.vagueCounts.has(words) && tokens[j - 1]?.lower === 'of' && j - 2 >= 0 && (c.vagueCounts.has(tokens[j - 2]!.lower) || tokens[j - 2]!.lower === 'tens')) return null;
  let count = c.vagueCounts.get(words) ?? parseCount(words, lex);
  if (count === null && /^[a-z]+-[a-z]+$/.test(t.lower)) {
    // "twenty-five"
    const [tens, ones] = t.lower.split('-');
    const a = parseCount(tens!, lex);
    const b = parseCount(ones!, lex);
    if (a !== null && b !== null && a >= 20 && b < 10) count = a + b;
  }
  if (count === null) return null;
  // "16-year-old", "a 13-year-old boy": an age, not a count.
  if (tokens[end]?.text === '-' && tokens[end]!.start === tokens[end - 1]!.end) return null;
  if (exceeds) count += 1; // "more than 50" is at least 51
  if (t.lower === 'one' || t.lower === 'single') return { from: i, to: end, count, modifier, article: true };
  return { from: i, to: end, count, modifier: modifier ?? (c.vagueCounts.has(words) ? 'min' : null), article: false };
}

/** The victim words after a count: up to six nominal tokens, "of its/them", possessives. */
function victimAfter(tokens: readonly Token[], k: number, c: Classes): number {
  let j = k;
  while (j < tokens.length && j - k < 10) {
    const t = tokens[j]!;
    // "one of its soldiers", "nine of them", "dozens of people"
    if (t.lower === 'of' && (c.partitive.has(tokens[j + 1]?.lower ?? '') || (j === k && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[j + 1]?.pos ?? '')))) {
      j += 2;
      continue;
    }
    if (['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(t.pos) || t.lower === "'s" || t.lower === "'" || t.lower === 'more' || t.lower === 'other' || t.lower === 'others') {
      // A casualty word ends the victim phrase: it is the predicate.
      if (c.intransitive.has(t.lower) || c.countNouns.has(t.lower) || c.transitive.has(t.lemma) && t.pos === 'VERB') break;
      j++;
      continue;
    }
    if (t.pos === 'DET' && j === k) {
      j++;
      continue;
    }
    // "five civilians from one family", "two soldiers in the village" (a short phrase after the noun)
    // ("20 residents of a remote village in northeastern Nigeria": two such phrases)
    if (j > k && c.victimPrepositions.has(t.lower) && j - k < 8) {
      let m = j + 1;
      if (tokens[m]?.pos === 'DET' || tokens[m]?.pos === 'NUM') m++;
      const nounFrom = m;
      while (m < tokens.length && m - nounFrom < 3 && ['NOUN', 'PROPN', 'ADJ'].includes(tokens[m]!.pos) && !c.intransitive.has(tokens[m]!.lower)) m++;
      if (m > nounFrom) {
        j = m;
        continue;
      }
    }
    break;
  }
  return j;
}

function headIsPeople(tokens: readonly Token[], from: number, to: number, c: Classes): boolean {
  for (let k = to - 1; k >= from; k--) {
    const t = tokens[k]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') return !c.notPeople.has(t.lower) && !c.notPeople.has(t.lemma);
  }
  return true;
}

const hasPersonNoun = (tokens: readonly Token[], from: number, to: number): boolean =>
  tokens.slice(from, to).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON');

/**
 * Casualty figures in one sentence, given its tokens. `text` is the whole article; `blocked`
 * ranges (dates and times) are never read as counts.
 */
export function casualtiesFromTokens(
  text: string,
  tokens: readonly Token[],
  lex: Lexicon,
  blocked: readonly { start: number; end: number }[],
  aggregate: boolean,
): CasualtyMention[] {
  const c = load();
  const out: CasualtyMention[] = [];
  const used = new Set<number>();
  const emit = (from: number, to: number, category: Category, n: Count, victimFrom: number, victimTo: number): void => {
    for (let k = n.from; k < n.to; k++) if (used.has(k)) return;
    const numTok = tokens[n.to - 1]!;
    if (blocked.some((b) => b.start < numTok.end && numTok.start < b.end)) return;
    if (/^\d{4}$/.test(numTok.text) && Number(numTok.text) >= 1900 && Number(numTok.text) <= 2100 && victimTo === victimFrom) return;
    if (n.count > 1_000_000) return;
    if (n.article && !hasPersonNoun(tokens, victimFrom, victimTo)) return;
    if (victimTo > victimFrom && !headIsPeople(tokens, victimFrom, victimTo, c)) return;
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    for (let k = n.from; k < n.to; k++) used.add(k);
    const victim = victimTo > victimFrom ? { start: tokens[victimFrom]!.start, end: tokens[victimTo - 1]!.end, text: text.slice(tokens[victimFrom]!.start, tokens[victimTo - 1]!.end) } : null;
    out.push({ start, end, text: text.slice(start, end), category, count: n.count, modifier: n.modifier, victim, aggregate });
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Object reading: a transitive casualty verb (active), or "left", then the count.
    // "hacked to death at least 22 civilians", "were stabbed to death": a manner verb and "to death"
    const toDeath = tokens[i + 1]?.lower === 'to' && tokens[i + 2]?.lower === 'death' && t.pos === 'VERB';
    const trans = t.pos !== 'NOUN' ? c.transitive.get(t.lemma) ?? c.transitive.get(t.lower) ?? (toDeath ? 'killed' : undefined) : undefined;
    if (trans || c.resultVerbs.has(t.lemma)) {
      let k = toDeath ? i + 3 : i + 1;
      if (tokens[k]?.lower === 'the' || tokens[k]?.lower === 'another') k++;
      const n = countAt(tokens, k, lex);
      if (n) {
        const vEnd = victimAfter(tokens, n.to, c);
        if (trans) {
          // "killing four", "wounded 21 people" — not "wounded" as an adjective of a later noun phrase.
          emit(i, Math.max(vEnd, n.to), trans, n, n.to, vEnd);
        } else {
          // "left two people dead", "leaving 12 wounded"
          const p = tokens[vEnd];
          const cat = p ? c.intransitive.get(p.lower) ?? (c.transitive.has(p.lemma) && /ed$|en$/.test(p.lower) ? c.transitive.get(p.lemma) : undefined) : undefined;
          if (cat) emit(i, vEnd + 1, cat, n, n.to, vEnd);
        }
      }
    }
    // "resulted in the deaths of eight soldiers and injuries to 16 others", "the killing of five civilians"
    const ofNoun = c.nounComplements.get(t.lower);
    if (ofNoun && ofNoun.prepositions.has(tokens[i + 1]?.lower ?? '')) {
      const n = countAt(tokens, i + 2, lex);
      if (n && !n.article) {
        const vEnd = victimAfter(tokens, n.to, c);
        emit(i, Math.max(vEnd, n.to), ofNoun.category, n, n.to, vEnd);
      }
    }
    // "cost the lives of 11 soldiers", "claimed 30 lives"
    if ((t.lemma === 'cost' || t.lemma === 'claim' || t.lemma === 'take') && tokens[i + 1]?.lower === 'the' && tokens[i + 2]?.lower === 'lives' && tokens[i + 3]?.lower === 'of') {
      const n = countAt(tokens, i + 4, lex);
      if (n) {
        // "the lives of six officers ... and five fighters": one figure per victim group, each
        // with its own victims (their sides may differ).
        let at: Count | null = n;
        while (at) {
          const vEnd = victimAfter(tokens, at.to, c);
          emit(at.from, Math.max(vEnd, at.to), 'killed', at, at.to, vEnd);
          at = tokens[vEnd]?.lower === 'and' && vEnd > at.to ? countAt(tokens, vEnd + 1, lex) : null;
        }
      }
    }
    // Toll: "death toll rose to 12", "the number of people killed … has climbed to 35".
    for (const [noun, tollCat] of c.tolls) {
      if (!noun.every((w, k) => tokens[i + k]?.lower === w)) continue;
      for (let k = i + noun.length; k < Math.min(tokens.length, i + noun.length + 16); k++) {
        const x = tokens[k]!;
        if (x.lower === '.' || x.lower === ';') break;
        if (!c.tollLinks.has(x.lower)) continue;
        const n = countAt(tokens, k + 1, lex);
        if (n && !n.article) {
          const vEnd = victimAfter(tokens, n.to, c);
          emit(i, Math.max(vEnd, n.to), tollCat, n, n.to, vEnd);
          break;
        }
      }
    }
    // Zero tolls: "no casualties", "nobody was hurt", "no civilians were killed".
    const zero = c.zeroWords.find((w) => w.every((x, k) => tokens[i + k]?.lower === x));
    if (zero) {
      const z0 = i + zero.length;
      let k = z0;
      // Only adjectives before a noun ("no civilian casualties"); nouns, auxiliaries and adverbs
      // before a predicate ("nobody was hurt", "no civilians were killed").
      let nounGap = true;
      while (k < tokens.length && k - z0 < 4 && !c.zeroNouns.has(tokens[k]!.lower) && !c.intransitive.has(tokens[k]!.lower) && !c.transitive.has(tokens[k]!.lemma)) {
        const g = tokens[k]!;
        if (!['ADJ', 'NOUN', 'AUX', 'ADV', 'PROPN'].includes(g.pos) && g.lemma !== 'be') break;
        if (g.pos !== 'ADJ') nounGap = false;
        k++;
      }
      const p = tokens[k];
      const next = tokens[k + 1];
      // "no casualty figures", "no injured people": the noun modifies another one.
      const zn = p && nounGap && !(next && (next.pos === 'NOUN' || next.pos === 'PROPN')) ? c.zeroNouns.get(p.lower) : undefined;
      const pred = p && !zn ? c.intransitive.get(p.lower) ?? c.intransitive.get(p.lemma) ?? (/(?:ed|en|hurt)$/.test(p.lower) ? c.transitive.get(p.lemma) : undefined) : undefined;
      const cats: Category[] = zn === 'both' ? ['killed', 'injured'] : zn ? [zn] : pred ? [pred] : [];
      let last = k;
      if (pred) {
        // "no one was killed or injured": a predicate coordinated with the first.
        const conj = tokens[k + 1]?.lower;
        const q = tokens[k + 2];
        const pred2 = (conj === 'or' || conj === 'and' || conj === 'nor') && q ? c.intransitive.get(q.lower) ?? (/(?:ed|en|hurt)$/.test(q.lower) ? c.transitive.get(q.lemma) : undefined) : undefined;
        if (pred2 && !cats.includes(pred2)) {
          cats.push(pred2);
          last = k + 2;
        }
        // "Nobody was hurt": nobody died either - unless only the others were spared ("no one else").
        if (cats.length === 1 && cats[0] === 'injured' && !c.zeroExceptions.has(tokens[z0]?.lower ?? '')) cats.push('killed');
      }
      if (p && cats.length && !c.zeroExceptions.has(tokens[z0]?.lower ?? '') && !out.some((o) => o.start <= tokens[i]!.start && tokens[k]!.end <= o.end)) {
        // the words of "no one" are no count of their own ("left no one dead")
        for (let x = i; x < z0; x++) used.add(x);
        const start = tokens[i]!.start;
        const end = tokens[last]!.end;
        for (const category of cats) out.push({ start, end, text: text.slice(start, end), category, count: 0, modifier: null, victim: null, aggregate });
      }
    }
    // Subject reading: count, victims, auxiliaries, predicate.
    const first = countAt(tokens, i, lex);
    if (!first || used.has(i)) continue;
    let n = first;
    let vEnd = victimAfter(tokens, n.to, c);
    // "two women and a child died", "three instructors and two fighters were killed": one toll.
    const inner: number[] = [];
    for (let guard = 0; guard < 4 && (tokens[vEnd]?.lower === 'and' || tokens[vEnd]?.lower === ',') && vEnd > n.to; guard++) {
      const more = countAt(tokens, vEnd + 1, lex);
      if (!more) break;
      // ", nine of them children," is a part of the first figure, not another one
      if (tokens[vEnd]?.lower === ',' && tokens[more.to]?.lower === 'of' && ['them', 'whom', 'those'].includes(tokens[more.to + 1]?.lower ?? '')) break;
      const end2 = victimAfter(tokens, more.to, c);
      if (end2 === more.to) break;
      for (let x = more.from; x < more.to; x++) inner.push(x);
      n = { ...n, count: n.count + more.count, article: n.article && more.article };
      vEnd = end2;
    }
    let k = vEnd;
    // "fourteen people, nine of them children, died": skip one apposition set off by commas.
    if (tokens[k]?.lower === ',' && k + 1 < tokens.length) {
      const close = tokens.findIndex((x, idx) => idx > k && idx <= k + 6 && x.lower === ',');
      // ("Thirteen people, including three children, were killed": the figure inside is part of it)
      if (close > 0 && tokens.slice(k + 1, close).some((x) => x.lower === 'of' || x.lower === 'including' || x.lower === 'among' || x.lower === 'mostly' || x.lower === 'mainly')) {
        for (let x = k + 1; x < close; x++) inner.push(x);
        k = close + 1;
      }
    }
    let passive = false;
    const auxFrom = k;
    while (k < tokens.length && k - auxFrom < 5 && (c.auxiliaries.has(tokens[k]!.lower) || c.auxiliaries.has(tokens[k]!.lemma) || tokens[k]!.pos === 'ADV')) {
      if (tokens[k]!.lemma === 'be' || tokens[k]!.lemma === 'get') passive = true;
      k++;
    }
    const p = tokens[k];
    if (!p) continue;
    let cat: Category | undefined;
    let end = k + 1;
    if (p.lower === 'shot' && tokens[k + 1]?.lower === 'dead') {
      cat = 'killed';
      end = k + 2;
    } else if (/(?:ed|en)$/.test(p.lower) && tokens[k + 1]?.lower === 'to' && tokens[k + 2]?.lower === 'death') {
      cat = 'killed';
      end = k + 3;
    } else if (p.lemma === 'lose' && ['their', 'his', 'her'].includes(tokens[k + 1]?.lower ?? '') && ['lives', 'life'].includes(tokens[k + 2]?.lower ?? '')) {
      cat = 'killed';
      end = k + 3;
    } else if (c.countNouns.has(p.lower) && k === vEnd) {
      cat = c.countNouns.get(p.lower);
    } else if (c.intransitive.has(p.lemma) || c.intransitive.has(p.lower)) {
      cat = c.intransitive.get(p.lemma) ?? c.intransitive.get(p.lower);
    } else if (c.transitive.has(p.lemma) && /(?:ed|en|ain|hurt)$/.test(p.lower)) {
      // A participle after the count is passive ("five killed", "were wounded") unless it has an
      // object of its own ("two gunmen killed three police").
      const next = tokens[k + 1];
      const hasObject = next && !passive && (next.pos === 'NUM' || next.pos === 'DET' || next.pos === 'PRON' || next.pos === 'PROPN' || next.pos === 'NOUN');
      if (!hasObject) cat = c.transitive.get(p.lemma);
    }
    if (cat) {
      const before = out.length;
      emit(n.from, end, cat, { ...n, to: first.to }, first.to, vEnd);
      // the victim words hold no count of their own ("20 residents of a remote village ... were killed")
      if (out.length > before) for (const x of [...inner, ...Array.from({ length: vEnd - first.to }, (_, d) => first.to + d)]) used.add(x);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * What the victim words say of the victims: `civilian` ("two farmers", "a family"), `unspecified`
 * ("20 people": civilians in a strike, not in a battle), or null (soldiers, fighters, names).
 */
export function victimClass(victimText: string): 'civilian' | 'unspecified' | null {
  const c = load();
  const words = victimText.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.some((w) => c.civilianVictims.has(w))) return 'civilian';
  if (words.some((w) => c.unspecifiedVictims.has(w))) return 'unspecified';
  return null;
}
