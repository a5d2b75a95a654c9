/**
 * The linguistic backbone: tokens with character offsets, Universal POS tags and lemmas for a
 * whole text, from wink-nlp and its English lite model (MIT). The model is loaded once per
 * process, on first use (~200 ms). Offsets are UTF-16 positions into the text as given, so every
 * token can be turned back into an evidence span.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Universal Dependencies part-of-speech tags, as wink's model gives them. */
export type Upos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON'
  | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface Token {
  /** Position in `TextAnalysis.tokens`. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower-cased text. */
  readonly lower: string;
  readonly pos: Upos;
  /** Lemma, lower-cased ("shelled" → "shell", "forces" → "force", "was" → "be"). */
  readonly lemma: string;
}

export interface TextAnalysis {
  readonly tokens: readonly Token[];
  /** The tokens lying wholly inside `[start, end)`, in order. */
  tokensIn(start: number, end: number): Token[];
  /** The index of the first token that starts at or after `offset` (tokens.length when none). */
  firstTokenAtOrAfter(offset: number): number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function load(): Nlp {
  // 'pos' only: no entities or negation are needed, and each pipe costs time; nor wink's
  // sentences (Sitrep splits its own), which the tagger does not read.
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

function lowerBound(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Irregular past forms the tagger reads as nouns after a subject ("troops shot directly at
 * civilians", "gunmen shot dead two men", "a drone hit the car"): with their lemma.
 */
const PAST_FORMS: ReadonlyMap<string, string> = new Map([
  ['shot', 'shoot'], ['struck', 'strike'], ['hit', 'hit'], ['fought', 'fight'], ['overran', 'overrun'], ['blew', 'blow'], ['threw', 'throw'], ['stole', 'steal'], ['slew', 'slay'],
]);
const SUBJECT_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON']);
const AFTER_VERB_POS: ReadonlySet<string> = new Set(['ADV', 'ADP', 'DET', 'NUM', 'PRON', 'PROPN', 'ADJ']);

/** Corrects the tag of a past form between a subject and what follows a verb (`PAST_FORMS`). */
function retagPastForms(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const lemma = t.pos === 'NOUN' ? PAST_FORMS.get(t.lower) : undefined;
    if (!lemma || !SUBJECT_POS.has(tokens[i - 1]!.pos) || !AFTER_VERB_POS.has(tokens[i + 1]!.pos)) continue;
    tokens[i] = { ...t, pos: 'VERB', lemma };
  }
}

/**
 * Verbs whose "to" is a preposition before a noun ("subjected to fire", "exposed to shelling"):
 * the tagger reads "to fire" as an infinitive, which makes "fire" the head of the verb group and
 * hides the passive ("positions were subjected to fire").
 */
const TO_NOUN_VERBS: ReadonlySet<string> = new Set(['subject', 'expose']);

/** Corrects "to" + infinitive after a verb of `TO_NOUN_VERBS` (and its object) to a preposition and a noun. */
function retagToNouns(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.pos !== 'VERB' || !TO_NOUN_VERBS.has(tokens[i]!.lemma)) continue;
    // (over an object of up to four words: "subjected the village to heavy shelling")
    for (let k = i + 1; k < tokens.length && k <= i + 5; k++) {
      if (tokens[k]!.lower !== 'to') continue;
      const next = tokens[k + 1];
      tokens[k] = { ...tokens[k]!, pos: 'ADP' };
      if (next && next.pos === 'VERB') tokens[k + 1] = { ...next, pos: 'NOUN', lemma: next.lower };
      break;
    }
  }
}

/** Tokenises, tags and lemmatises `text`. Tokens whose text cannot be found in the input are dropped. */
export function analyzeText(text: string): TextAnalysis {
  const n = load();
  const its = n.its;
  const doc = n.readDoc(text);
  const all = doc.tokens();
  const out = all.out.bind(all) as (f: unknown) => string[];
  const values = out(its.value);
  const tags = out(its.pos);
  const lemmas = out(its.lemma);
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!value.trim()) continue;
    const start = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    // wink may normalise a token's text; then skip it rather than mis-place every later token.
    if (start < 0 || start - cursor > 200) continue;
    const end = start + value.length;
    cursor = end;
    tokens.push({
      index: tokens.length,
      start,
      end,
      text: value,
      lower: value.toLowerCase(),
      pos: (tags[i] ?? 'X') as Upos,
      lemma: (lemmas[i] ?? value).toLowerCase(),
    });
  }
  retagPastForms(tokens);
  retagToNouns(tokens);
  return {
    tokens,
    tokensIn(start: number, end: number): Token[] {
      const out: Token[] = [];
      for (let i = lowerBound(tokens, start); i < tokens.length && tokens[i]!.end <= end; i++) out.push(tokens[i]!);
      return out;
    },
    firstTokenAtOrAfter(offset: number): number {
      return lowerBound(tokens, offset);
    },
  };
}
