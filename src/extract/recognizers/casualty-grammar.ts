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
  attempt_verbs: z.array(z.string()),
  fatal_adverbs: z.array(z.string()),
  fatal_adjectives: z.array(z.string()),
  wound_nouns: z.array(z.string()),
  suffer_verbs: z.array(z.string()),
  not_names: z.array(z.string()),
  time_nouns: z.array(z.string()),
});

interface Classes {
  readonly transitive: ReadonlyMap<string, Category>;
  readonly intransitive: ReadonlyMap<string, Category>;
  readonly countNouns: ReadonlyMap<string, Category>;
  /** Both lists of toll nouns with the category each counts. */
  readonly tolls: readonly (readonly [readonly string[], Category])[];
  /** The first words of the toll nouns and zero words (a word outside them starts none). */
  readonly tollFirsts: ReadonlySet<string>;
  readonly zeroFirsts: ReadonlySet<string>;
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
  /** Verbs of trying: "attempted to kill" tells no death. */
  readonly attempts: ReadonlySet<string>;
  /** Adverbs that make a wound a death: "fatally wounded", "wounded fatally". */
  readonly fatalAdverbs: ReadonlySet<string>;
  readonly fatalAdjectives: ReadonlySet<string>;
  readonly woundNouns: ReadonlySet<string>;
  /** Verbs whose object is a wound: "suffered neck injuries", "received a fatal gunshot wound". */
  readonly sufferVerbs: ReadonlySet<string>;
  /** Words that make a capitalised run a body, a unit or a place rather than a person's name. */
  readonly notNames: ReadonlySet<string>;
  readonly timeNouns: ReadonlySet<string>;
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
    tollFirsts: new Set([...g.toll_nouns, ...g.injury_toll_nouns].map((t) => t.split(/\s+/)[0]!)),
    zeroFirsts: new Set(g.zero_words.map((w) => w.split(/\s+/)[0]!)),
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
    attempts: new Set(g.attempt_verbs),
    fatalAdverbs: new Set(g.fatal_adverbs),
    fatalAdjectives: new Set(g.fatal_adjectives),
    woundNouns: new Set(g.wound_nouns),
    sufferVerbs: new Set(g.suffer_verbs),
    notNames: new Set(g.not_names),
    timeNouns: new Set(g.time_nouns),
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

/** The number at tokens [j, end) is an age: "41 year old", "41 years old", "aged 41", "41-year-old". */
function isAge(tokens: readonly Token[], j: number, end: number): boolean {
  if (['year', 'years'].includes(tokens[end]?.lower ?? '') && tokens[end + 1]?.lower === 'old') return true;
  if (['year', 'years'].includes(tokens[end]?.lower ?? '') && tokens[end + 1]?.text === '-' && tokens[end + 2]?.lower === 'old') return true;
  const before = tokens[j - 1]?.lower;
  return before === 'aged' || (before === 'and' && tokens[j - 3]?.lower === 'aged');
}

/** The count phrase starting at token `i`, if any. */
function countAt(tokens: readonly Token[], i: number, lex: Lexicon): Count | null {
  const c = load();
  const first = tokens[i];
  // Most tokens start no count: reject them before building any string.
  if (!first || !(first.pos === 'NUM' || first.lower === 'a' || first.lower === 'an' || lex.numberWords.has(first.lower) ||
    c.vagueCounts.has(first.lower) || modifierStarts(lex).has(first.lower) || first.lower === 'as' || (first.lower.includes('-') && /^[a-z]+-[a-z]+$/.test(first.lower)))) return null;
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
    // "more than a dozen" is at least 13
    if (tokens[j + 1]?.lower === 'dozen') return { from: i, to: j + 2, count: exceeds ? 13 : 12, modifier, article: false };
    // "a family of eight": the size of the family counts the victims
    if (['family', 'household'].includes(tokens[j + 1]?.lower ?? '') && tokens[j + 2]?.lower === 'of') {
      const size = countAt(tokens, j + 3, lex);
      if (size && !size.article && size.count > 1) return { from: i, to: j + 1, count: size.count, modifier, article: false };
    }
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
  // "A 41 year old soldier", "two men aged 51 and 55": an age is never a count.
  if (isAge(tokens, j, end)) return null;
  if (exceeds) count += 1; // "more than 50" is at least 51
  if (t.lower === 'one' || t.lower === 'single') return { from: i, to: end, count, modifier, article: true };
  return { from: i, to: end, count, modifier: modifier ?? (c.vagueCounts.has(words) ? 'min' : null), article: false };
}

/** The victim words after a count: up to six nominal tokens, "of its/them", possessives. */
function victimAfter(tokens: readonly Token[], k: number, c: Classes): number {
  let j = k;
  while (j < tokens.length && j - k < 10) {
    const t = tokens[j]!;
    // "a family of eight": the size is part of the victims, not a count of its own
    if (t.lower === 'of' && j > k && ['family', 'household'].includes(tokens[j - 1]!.lower) && tokens[j + 1]?.pos === 'NUM') {
      j += 2;
      continue;
    }
    // "two men aged 40 and 44": the ages belong to the victims
    if (t.lower === 'aged' && j > k && tokens[j + 1]?.pos === 'NUM') {
      j += 2;
      while ((tokens[j]?.lower === 'and' || tokens[j]?.lower === ',') && tokens[j + 1]?.pos === 'NUM' && !['NOUN', 'PROPN', 'ADJ'].includes(tokens[j + 2]?.pos ?? '')) j += 2;
      continue;
    }
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

/**
 * "suffered neck injuries", "sustained wounds", "received a fatal gunshot wound" from token `k`:
 * the category (killed when the wound is fatal) and the index after the wound noun.
 */
function sufferedWound(tokens: readonly Token[], k: number): { category: Category; end: number } | null {
  if (!load().sufferVerbs.has(tokens[k]?.lemma ?? '')) return null;
  let fatal = false;
  for (let j = k + 1; j < tokens.length && j <= k + 5; j++) {
    const t = tokens[j]!;
    if (load().woundNouns.has(t.lower)) return { category: fatal ? 'killed' : 'injured', end: j + 1 };
    if (load().fatalAdjectives.has(t.lower)) fatal = true;
    if (!['DET', 'ADJ', 'NOUN', 'ADV'].includes(t.pos)) return null;
  }
  return null;
}


/** The token at `i` follows a form of "be" (adverbs between): a passive participle. */
function afterBe(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && tokens[k]!.pos === 'ADV') k--;
  return k >= 0 && (tokens[k]!.lemma === 'be' || tokens[k]!.lemma === 'get');
}

/** "including a woman and her two children", "among them a general": the part skipped, or `x`. */
function skipIncluding(tokens: readonly Token[], x: number): number {
  let y = tokens[x]?.lower === 'including' ? x + 1 : tokens[x]?.lower === 'among' && tokens[x + 1]?.lower === 'them' ? x + 2 : -1;
  if (y < 0) return x;
  const from = y;
  while (y < tokens.length && y - from < 10) {
    const t = tokens[y]!;
    if (['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM'].includes(t.pos) || ['and', 'her', 'his', 'their', 'its', "'s", '-'].includes(t.lower)) y++;
    else break;
  }
  // ("and" ends no phrase)
  while (y > from && tokens[y - 1]!.lower === 'and') y--;
  return y > from ? y : x;
}

/**
 * A verb or auxiliary at token `k`, over adverbs ("were wounded", "reportedly died"): the words
 * before it are its subject. (A participle in -ing modifies them: "civilians living nearby".)
 */
function hasPredicate(tokens: readonly Token[], k: number): boolean {
  let j = k;
  while (tokens[j]?.pos === 'ADV') j++;
  const t = tokens[j];
  if (t === undefined) return false;
  return t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower)) || ['be', 'have', 'get'].includes(t.lemma);
}

/** The most tokens from the comma after the victims to the comma that closes an apposition. */
const APPOSITION_SPAN = 10;

/**
 * From a comma at `k`, a noun phrase closed by another comma at most {@link APPOSITION_SPAN}
 * tokens on that renames the victims before it ("two people, a civilian and a soldier, were
 * killed", "an Armenian soldier, Artyom P., was killed"): the closing comma's index, or -1.
 */
function renamingApposition(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.lower !== ',') return -1;
  for (let x = k + 1; x < tokens.length && x <= k + APPOSITION_SPAN; x++) {
    const t = tokens[x]!;
    if (t.lower === ',') return x > k + 1 ? x : -1;
    if (!(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'CCONJ'].includes(t.pos) || t.text === '-' || t.lower === "'s")) return -1;
  }
  return -1;
}

/** An age set off by commas after a name ("Garash D., 62,"): the index after it, or `k`. */
function skipAgeApposition(tokens: readonly Token[], k: number): number {
  return tokens[k]?.lower === ',' && tokens[k + 1]?.pos === 'NUM' && tokens[k + 2]?.lower === ',' ? k + 3 : k;
}

interface Names {
  readonly from: number;
  readonly to: number;
  /** How many people are named. */
  readonly count: number;
}

/**
 * Named victims from token `k`: groups of optional modifiers (ADJ, NOUN, PROPN, a hyphenated age)
 * ending in a person's name (two capitalised words at least, or one after a title noun), joined by
 * "and" or commas: "Artsakh Defense Army soldier Andranik M.", "16-year-old Turana H. and Mehpara A.".
 */
function namesAfter(tokens: readonly Token[], k: number, c: Classes): Names | null {
  let j = k;
  if (tokens[j]?.lower === 'the') j++;
  const from = j;
  let count = 0;
  let end = j;
  for (let guard = 0; guard < 6; guard++) {
    const g0 = j;
    let run = 0;
    let titled = false;
    while (j < tokens.length && j - g0 < 9) {
      const t = tokens[j]!;
      // "16-year-old": an age modifier
      if (t.pos === 'NUM' && tokens[j + 1]?.text === '-' && ['year', 'years'].includes(tokens[j + 2]?.lower ?? '')) {
        j += tokens[j + 3]?.text === '-' && tokens[j + 4]?.lower === 'old' ? 5 : 3;
        run = 0;
        continue;
      }
      if (t.pos === 'PROPN' && /^[A-Z][a-z]/.test(t.text) && !load().notNames.has(t.lower) && !c.notPeople.has(t.lower)) {
        run++;
      } else if (t.pos === 'NOUN' && load().timeNouns.has(t.lower)) {
        break;
      } else if (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN' || t.text === '-') {
        // what came before was a modifier ("Artsakh Defense Army soldier"); a noun is a title
        run = 0;
        titled = t.pos === 'NOUN';
      } else break;
      j++;
    }
    // the group must end in a name, and the name end the noun phrase
    // (a later group that is no name ends the list: "killed X and wounded Y")
    if (!(run >= 2 || (run === 1 && titled)) || tokens[j]?.lower === "'s") break;
    count++;
    end = j;
    // ", 62," after a name
    j = skipAgeApposition(tokens, j);
    end = j;
    if (tokens[j]?.lower === 'and') j++;
    else if (tokens[j]?.lower === ',' && tokens[j + 1]?.pos === 'PROPN') j++;
    else break;
  }
  return count ? { from, to: end, count } : null;
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
  const emit = (from: number, to: number, category: Category, n: Count, victimFrom: number, victimTo: number, bare = false): void => {
    for (let k = n.from; k < n.to; k++) if (used.has(k)) return;
    const numTok = tokens[n.to - 1]!;
    if (blocked.some((b) => b.start < numTok.end && numTok.start < b.end)) return;
    if (/^\d{4}$/.test(numTok.text) && Number(numTok.text) >= 1900 && Number(numTok.text) <= 2100 && victimTo === victimFrom) return;
    if (n.count > 1_000_000) return;
    if (n.article && !bare && !hasPersonNoun(tokens, victimFrom, victimTo)) return;
    if (victimTo > victimFrom && !headIsPeople(tokens, victimFrom, victimTo, c)) return;
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    for (let k = n.from; k < n.to; k++) used.add(k);
    const victim = victimTo > victimFrom ? { start: tokens[victimFrom]!.start, end: tokens[victimTo - 1]!.end, text: text.slice(tokens[victimFrom]!.start, tokens[victimTo - 1]!.end) } : null;
    out.push({ start, end, text: text.slice(start, end), category, count: n.count, modifier: n.modifier, victim, aggregate });
  };

  /** Named victims: one per name ("killed Gevorg V., 53, and wounded two more"). */
  const emitNames = (predicate: number, names: Names, category: Category): void => {
    for (let k = names.from; k < names.to; k++) if (used.has(k)) return;
    const at = Math.min(predicate, names.from);
    const last = Math.max(predicate, names.to - 1);
    const start = tokens[at]!.start;
    const end = tokens[last]!.end;
    if (out.some((o) => o.start < end && start < o.end && o.category === category)) return;
    for (let k = names.from; k < names.to; k++) used.add(k);
    const victim = { start: tokens[names.from]!.start, end: tokens[names.to - 1]!.end, text: text.slice(tokens[names.from]!.start, tokens[names.to - 1]!.end) };
    out.push({ start, end, text: text.slice(start, end), category, count: names.count, modifier: null, victim, aggregate });
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Object reading: a transitive casualty verb (active), or "left", then the count.
    // "hacked to death at least 22 civilians", "were stabbed to death": a manner verb and "to death"
    const toDeath = tokens[i + 1]?.lower === 'to' && tokens[i + 2]?.lower === 'death' && t.pos === 'VERB';
    const trans = t.pos !== 'NOUN' ? c.transitive.get(t.lemma) ?? c.transitive.get(t.lower) ?? (toDeath ? 'killed' : undefined) : undefined;
    // "attempted to kill a villager", "trying to kill us": an attempt kills no one.
    const attempted = tokens[i - 1]?.lower === 'to' && load().attempts.has(tokens[i - 2]?.lemma ?? '');
    // "fatally wounding two", "mortally wounded a guard": the wound killed
    const fatalAdverb = load().fatalAdverbs.has(tokens[i - 1]?.lower ?? '') || load().fatalAdverbs.has(tokens[i + 1]?.lower ?? '');
    if ((trans || c.resultVerbs.has(t.lemma)) && !attempted) {
      let k = toDeath ? i + 3 : i + 1;
      if (load().fatalAdverbs.has(tokens[k]?.lower ?? '')) k++;
      // "wounded another": one more victim
      const another = tokens[k]?.lower === 'another';
      if (tokens[k]?.lower === 'the' || another) k++;
      const n = countAt(tokens, k, lex) ?? (another && trans && (!tokens[k] || isPunct(tokens[k]!) || tokens[k]!.pos === 'CCONJ') ? { from: k - 1, to: k, count: 1, modifier: null, article: false } : null);
      if (n) {
        let vEnd = victimAfter(tokens, n.to, c);
        if (trans) {
          // "killing four", "wounded 21 people" — not "wounded" as an adjective of a later noun phrase.
          // "killed four fighters but also four civilians including a woman and her two children",
          // "killed two soldiers and a civilian": one figure for the coordinated victims.
          let total = n;
          let last = vEnd;
          for (let guard = 0; guard < 4 && vEnd > n.to; guard++) {
            let x = skipIncluding(tokens, vEnd);
            const conj = tokens[x]?.lower === 'but' && tokens[x + 1]?.lower === 'also' ? 2 : tokens[x]?.lower === 'and' ? 1 : tokens[x]?.lower === 'as' && tokens[x + 1]?.lower === 'well' && tokens[x + 2]?.lower === 'as' ? 3 : 0;
            if (!conj) break;
            x += conj;
            const more = countAt(tokens, x, lex);
            if (!more) break;
            const end2 = victimAfter(tokens, more.to, c);
            if (end2 === more.to || !headIsPeople(tokens, more.to, end2, c)) break;
            // ("killed two people and five others were wounded": a figure with a predicate of its
            // own is the subject of the next clause, not a victim of this verb)
            if (hasPredicate(tokens, skipIncluding(tokens, end2))) break;
            for (let y = more.from; y < more.to; y++) used.add(y);
            total = { ...total, count: total.count + more.count, article: false };
            vEnd = end2;
            last = skipIncluding(tokens, end2);
          }
          emit(i, Math.max(last, n.to), fatalAdverb ? 'killed' : trans, total, n.to, vEnd);
        } else if (t.lemma === 'send') {
          // "sending two civilians to hospital"
          if (tokens[vEnd]?.lower === 'to' && ['hospital', 'hospitals'].includes(tokens[vEnd + 1]?.lower ?? '')) emit(i, vEnd + 2, 'injured', n, n.to, vEnd);
        } else {
          // "left two people dead", "leaving 12 wounded"
          const p = tokens[vEnd];
          const cat = p ? c.intransitive.get(p.lower) ?? (c.transitive.has(p.lemma) && /ed$|en$/.test(p.lower) ? c.transitive.get(p.lemma) : undefined) : undefined;
          if (cat) emit(i, vEnd + 1, cat, n, n.to, vEnd);
        }
      }
    }
    // "shot and killed soldier Andranik X", "wounded Mehpara Y": one victim per name.
    if (trans && !attempted && t.pos === 'VERB' && !afterBe(tokens, i) && !blocked.some((b) => b.start <= t.start && t.end <= b.end)) {
      const names = namesAfter(tokens, toDeath ? i + 3 : i + 1, c);
      if (names && !blocked.some((b) => b.start < tokens[names.to - 1]!.end && tokens[names.from]!.start < b.end)) {
        emitNames(i, names, fatalAdverb ? 'killed' : trans);
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
    for (const [noun, tollCat] of c.tollFirsts.has(t.lower) ? c.tolls : []) {
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
    const zero = c.zeroFirsts.has(t.lower) ? c.zeroWords.find((w) => w.every((x, k) => tokens[i + k]?.lower === x)) : undefined;
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
    // ("two people, a civilian and a soldier, were killed": an apposition, not more victims)
    const closing = renamingApposition(tokens, vEnd);
    const renaming = closing > 0 && (c.auxiliaries.has(tokens[closing + 1]?.lower ?? '') || tokens[closing + 1]?.pos === 'AUX' || tokens[closing + 1]?.pos === 'VERB');
    for (let guard = 0; guard < 4 && !renaming && (tokens[vEnd]?.lower === 'and' || tokens[vEnd]?.lower === ',') && vEnd > n.to; guard++) {
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
    // "two people including a Syrian man were wounded": the part named is inside the figure
    const inc = vEnd > first.to ? skipIncluding(tokens, k) : k;
    for (let x = k; x < inc; x++) inner.push(x);
    k = inc;
    // "fourteen people, nine of them children, died": skip one apposition set off by commas.
    if (tokens[k]?.lower === ',' && k + 1 < tokens.length) {
      const close = tokens.findIndex((x, idx) => idx > k && idx <= k + APPOSITION_SPAN && x.lower === ',');
      // ("Thirteen people, including three children, were killed": the figure inside is part of it;
      // "two people, a civilian and a soldier, were killed", "an Armenian soldier, Artyom P., was
      // killed": a noun phrase that renames the victims)
      const inside = close > 0 ? tokens.slice(k + 1, close) : [];
      const renames = close > 0 && renamingApposition(tokens, k) === close;
      if (close > 0 && (renames || (close - k <= 6 && inside.some((x) => x.lower === 'of' || x.lower === 'including' || x.lower === 'among' || x.lower === 'mostly' || x.lower === 'mainly')))) {
        for (let x = k + 1; x < close; x++) inner.push(x);
        k = close + 1;
      }
    }
    // "Three reporters who had come to film the ruins were wounded": a relative clause between
    // the victims and their predicate (to the first form of "be" before a casualty participle)
    if (vEnd > first.to && ['who', 'that'].includes(tokens[k]?.lower ?? '')) {
      for (let x = k + 1; x < tokens.length && x - k <= 12 && !isPunct(tokens[x]!); x++) {
        const after = tokens[x + 1];
        if (x > k + 1 && tokens[x]!.lemma === 'be' && after && (c.transitive.has(after.lemma) || c.intransitive.has(after.lower))) {
          k = x;
          break;
        }
      }
    }
    let passive = false;
    let fatal = false;
    const auxFrom = k;
    while (k < tokens.length && k - auxFrom < 5 && (c.auxiliaries.has(tokens[k]!.lower) || c.auxiliaries.has(tokens[k]!.lemma) || tokens[k]!.pos === 'ADV')) {
      if (tokens[k]!.lemma === 'be' || tokens[k]!.lemma === 'get') passive = true;
      if (load().fatalAdverbs.has(tokens[k]!.lower)) fatal = true;
      k++;
    }
    const p = tokens[k];
    if (!p) continue;
    // "were wounded fatally"
    if (load().fatalAdverbs.has(tokens[k + 1]?.lower ?? '')) fatal = true;
    let cat: Category | undefined;
    let end = k + 1;
    const wound = sufferedWound(tokens, k);
    if (wound) {
      cat = wound.category;
      end = wound.end;
    } else if (p.lower === 'shot' && tokens[k + 1]?.lower === 'dead') {
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
      // ("a strike on a mosque killed at least 75 people": a count after it is its object)
      const hasObject = next && !passive && (next.pos === 'NUM' || next.pos === 'DET' || next.pos === 'PRON' || next.pos === 'PROPN' || next.pos === 'NOUN' || countAt(tokens, k + 1, lex) !== null);
      if (!hasObject) cat = c.transitive.get(p.lemma);
    }
    if (cat) {
      if (fatal) cat = 'killed';
      const before = out.length;
      // "Four soldiers died and one was hurt": "one" alone stands for a person before a passive
      const bare = n.article && tokens[n.from]!.lower === 'one' && vEnd === first.to && passive && tokens[first.to]?.lemma === 'be' && !['no', 'any', 'every', 'this', 'that', 'the'].includes(tokens[n.from - 1]?.lower ?? '');
      emit(n.from, end, cat, { ...n, to: first.to }, first.to, vEnd, bare);
      // the victim words hold no count of their own ("20 residents of a remote village ... were killed")
      if (out.length > before) for (const x of [...inner, ...Array.from({ length: vEnd - first.to }, (_, d) => first.to + d)]) used.add(x);
    }
  }
  namedSubjects(tokens, c, out, emitNames);
  const opening = tokens.slice(0, 4).map((t) => t.text).join(' ');
  const earlierSentence = tokens.length > 0 && EARLIER_OPENING.test(opening);
  const sentenceEnd = tokens.at(-1)?.end ?? text.length;
  out.sort((a, b) => a.start - b.start);
  return out.map((m, idx) => {
    // "three Azerbaijani servicemen were killed and four wounded": the bare figure counts the same victims
    const prev = out[idx - 1];
    const joint = prev ? text.slice(prev.end, m.start) : '';
    const inherited = !m.victim && m.count > 0 && prev?.victim && /^\s*,?\s*(?:and|while|,)\s*$/.test(joint) ? prev.victim : m.victim;
    // "one of its commanders killed in a strike last month", "Last month, a strike killed 75": a
    // toll of another, earlier time
    // (within the sentence: a headline has no full stop before the next line's "Last year")
    const earlier = !m.aggregate && (EARLIER.test(text.slice(m.end, Math.min(m.end + 60, sentenceEnd)).split(/[.;,]/)[0] ?? '') || earlierSentence);
    return inherited !== m.victim || earlier ? { ...m, victim: inherited, aggregate: m.aggregate || earlier } : m;
  });
}

const EARLIER_OPENING = /^(?:last (?:month|year)|earlier this (?:month|year)|in (?:19|20)\d\d) ,/i;
const EARLIER = /\b(?:last (?:month|year)|earlier this (?:month|year)|(?:weeks|months|years) ago|in (?:19|20)\d\d)\b/i;

/**
 * Named victims as the subject of a casualty predicate: "Garash D., 62, was killed", "Major X and
 * Captain Y were wounded fatally", "Private Z died of his wounds", "X suffered neck injuries".
 */
function namedSubjects(
  tokens: readonly Token[],
  c: Classes,
  out: readonly CasualtyMention[],
  emitNames: (predicate: number, names: Names, category: Category) => void,
): void {
  for (let k = 1; k < tokens.length; k++) {
    const p = tokens[k]!;
    let category: Category | undefined;
    let needBe = false;
    const wound = sufferedWound(tokens, k);
    if (wound) category = wound.category;
    else if (p.pos === 'VERB' && c.transitive.has(p.lemma) && /(?:ed|en|hurt)$/.test(p.lower)) {
      category = c.transitive.get(p.lemma);
      needBe = true;
    } else if (p.pos === 'VERB' && p.lemma === 'die') category = 'killed';
    else if (p.lemma === 'lose' && ['his', 'her', 'their'].includes(tokens[k + 1]?.lower ?? '') && ['life', 'lives'].includes(tokens[k + 2]?.lower ?? '')) category = 'killed';
    if (!category) continue;
    if (out.some((o) => o.start <= p.start && p.end <= o.end)) continue;
    let m = k;
    let be = false;
    let fatal = load().fatalAdverbs.has(tokens[k + 1]?.lower ?? '');
    while (m > 0 && k - m < 5 && (c.auxiliaries.has(tokens[m - 1]!.lower) || tokens[m - 1]!.pos === 'AUX' || tokens[m - 1]!.pos === 'ADV')) {
      m--;
      if (tokens[m]!.lemma === 'be' || tokens[m]!.lemma === 'get') be = true;
      if (load().fatalAdverbs.has(tokens[m]!.lower)) fatal = true;
    }
    if (needBe && !be) continue;
    let e = m;
    if (tokens[e - 1]?.lower === ',' && tokens[e - 2]?.pos === 'NUM' && tokens[e - 3]?.lower === ',') e -= 3;
    let s0 = e;
    while (s0 > 0 && e - s0 < 20 && (['PROPN', 'NOUN', 'ADJ'].includes(tokens[s0 - 1]!.pos) || ['and', ',', '-'].includes(tokens[s0 - 1]!.lower) || (tokens[s0 - 1]!.pos === 'NUM' && tokens[s0 - 2]?.lower === ','))) s0--;
    for (let from = s0; from < e; from++) {
      if (['and', ',', '-'].includes(tokens[from]!.lower)) continue;
      const names = namesAfter(tokens, from, c);
      if (names && (names.to === m || (names.to + 1 === m && tokens[names.to]!.lower === ','))) {
        emitNames(k, names, fatal ? 'killed' : category);
        break;
      }
    }
  }
}

/**
 * What the victim words say of the victims: `civilian` ("two farmers", "a family"), `unspecified`
 * ("20 people": civilians in a strike, not in a battle), or null (soldiers, fighters, names).
 */
export function victimClass(victimText: string): 'civilian' | 'unspecified' | null {
  const c = load();
  const words = victimText.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.some((w) => c.civilianVictims.has(w))) return 'civilian';
  // "16-year-old Amina": a minor is a child
  const age = /\b(\d{1,2})[- ]years?[- ]old\b/i.exec(victimText);
  if (age && Number(age[1]) < 18) return 'civilian';
  if (words.some((w) => c.unspecifiedVictims.has(w))) return 'unspecified';
  return null;
}
