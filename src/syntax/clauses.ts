/**
 * A small clause analysis over one sentence's tokens (UPOS tags and lemmas from wink-nlp):
 * noun-phrase chunks with their preposition and possessor, verb groups with their voice
 * (be + participle passive, be + -ing progressive, get-passive, reduced participle "shells fired
 * by X"), clause boundaries, and the subject and objects of each verb group. No parser weights:
 * the rules are the ones of English phrase structure that news sentences mostly keep to.
 */
import type { Token } from '../nlp/analyze-text.js';

export interface NounPhrase {
  /** Local token positions, inclusive. */
  readonly first: number;
  readonly last: number;
  readonly head: number;
  /** Character offsets in the text. */
  readonly start: number;
  readonly end: number;
  /** Lower-cased preposition right before the phrase ("by", "of", "on"), or null. */
  readonly prep: string | null;
  /** Tokens [first, possessorEnd) are a possessor ("Russia 's", "its"); null when none. */
  readonly possessorEnd: number | null;
  /** The personal pronoun the phrase consists of ("it", "they"), or null. */
  readonly pronoun: string | null;
  /** A possessive pronoun opening the phrase ("its", "their"), or null. */
  readonly possessive: string | null;
  /** The determiner opening the phrase ("the", "a"), or null. */
  readonly det: string | null;
}

export type Voice = 'active' | 'passive';

export interface VerbGroup {
  readonly first: number;
  readonly last: number;
  /** The main verb. */
  readonly head: number;
  readonly lemma: string;
  readonly voice: Voice;
  /** be + -ing ("are shelling"): active, not passive. */
  readonly progressive: boolean;
  /** A bare participle right after a noun phrase ("shells fired by", "the town, shelled by"). */
  readonly reduced: boolean;
}

export interface SentenceSyntax {
  readonly tokens: readonly Token[];
  readonly nps: readonly NounPhrase[];
  readonly verbs: readonly VerbGroup[];
  /** Per local token: the clause number (clauses split at subordinators, relatives, ";"). */
  readonly clauseOf: readonly number[];
  /** Per local token: the index into `nps` of its noun phrase, or -1. */
  readonly npOf: readonly number[];
  /** Per local token: the index into `verbs` of its verb group, or -1. */
  readonly verbOf: readonly number[];
}

const PERSONAL = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'you', 'them', 'him', 'us', 'her', 'me']);
const POSSESSIVE = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const RELATIVE = new Set(['who', 'which', 'whom', 'whose', 'that']);
const SUBORDINATORS = new Set([
  'that', 'when', 'after', 'before', 'while', 'as', 'because', 'although', 'though', 'since', 'if', 'until', 'whereas', 'once', 'unless', 'where',
]);
const TIME_HEADS = new Set(['morning', 'afternoon', 'evening', 'night', 'overnight', 'day', 'week', 'weekend', 'dawn', 'dusk', 'midnight', 'noon', 'today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const CLAUSE_OPENERS = new Set(['after', 'before', 'since', 'until', 'as', 'while', 'when', 'because', 'although', 'though', 'once', 'whereas', 'if', 'unless']);
const IRREGULAR_PARTICIPLE = /(?:en|wn|ne|ht|lt|pt|ft|ung|uck|ot|it|un|ut|et|ad|id|ld|nd|st|ck)$/;
const PARTICIPLE = /(?:ed|en)$/;
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west']);

const isNominal = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM';
const glued = (a: Token, b: Token) => a.end === b.start;
const isHyphen = (t: Token) => t.pos === 'PUNCT' && /^[-‐–]$/.test(t.text);
const isPossessiveMark = (t: Token) => t.pos === 'PART' && /^['’]s?$/.test(t.lower);

/** A participle form (past participle or irregular one): not -ing, not a bare 3rd-person -s. */
export function looksParticiple(t: Token): boolean {
  if (/ing$/.test(t.lower)) return false;
  if (PARTICIPLE.test(t.lower)) return true;
  return t.lower !== t.lemma || IRREGULAR_PARTICIPLE.test(t.lower);
}

const memo = new WeakMap<readonly Token[], SentenceSyntax>();

/**
 * Sentences longer than this (a table, a list of 500 names run together) get no clause analysis:
 * the roles fall back to word order there, and the rest of the article is read as usual.
 */
export const MAX_SENTENCE_TOKENS = 250;

/** `analyzeSentence`, computed once per token array (facts keep one array per sentence). */
export function syntaxOf(tokens: readonly Token[]): SentenceSyntax {
  let syn = memo.get(tokens);
  if (!syn) {
    syn = analyzeSentence(tokens.length > MAX_SENTENCE_TOKENS ? [] : tokens);
    memo.set(tokens, syn);
  }
  return syn;
}

/** Chunks, voice and clauses of one sentence. `tokens` are the sentence's tokens in order. */
export function analyzeSentence(tokens: readonly Token[]): SentenceSyntax {
  const n = tokens.length;
  const nps: NounPhrase[] = [];
  const verbs: VerbGroup[] = [];
  const npOf = new Array<number>(n).fill(-1);
  const verbOf = new Array<number>(n).fill(-1);

  // Nominal -ing: "the fighting", "Russian shelling", "Shelling continued".
  const nominalIng = (i: number): boolean => {
    const t = tokens[i]!;
    if (t.pos !== 'VERB' || !/ing$/.test(t.lower) || t.lemma === 'accord') return false;
    const p = tokens[i - 1];
    if (!p) return tokens[i + 1]?.pos === 'VERB' || tokens[i + 1]?.pos === 'AUX' || tokens[i + 1]?.pos === 'ADP';
    if (p.pos === 'DET' || p.pos === 'ADJ' || isPossessiveMark(p) || (p.pos === 'PRON' && POSSESSIVE.has(p.lower))) return true;
    if (p.pos === 'PROPN' && /^[A-Z]/.test(p.text)) return true;
    if ((p.pos === 'ADP' || p.pos === 'PUNCT') && (tokens[i + 1]?.pos === 'ADP' || tokens[i + 1]?.pos === 'PUNCT')) return true;
    return false;
  };
  const npMaterial = (i: number, started: boolean): boolean => {
    const t = tokens[i]!;
    if (t.pos === 'DET') return !started || !isNominal(tokens[i - 1]!);
    // "villages west of Bhamo": a compass word before "of" starts a place adverbial, not the phrase's head.
    if (started && COMPASS.has(t.lower) && tokens[i + 1]?.lower === 'of') return false;
    if (t.pos === 'ADJ' || isNominal(t)) return true;
    if (t.pos === 'PRON' && POSSESSIVE.has(t.lower)) return !started || isPossessiveMark(tokens[i - 1]!);
    if (started && isPossessiveMark(t)) return true;
    if (nominalIng(i)) return true;
    // "al-Qaeda-linked", "Hamas-run": hyphenated compounds glued without spaces.
    if (started && isHyphen(t) && tokens[i + 1] && glued(tokens[i - 1]!, t) && glued(t, tokens[i + 1]!)) return true;
    if (started && i > 0 && isHyphen(tokens[i - 1]!) && glued(tokens[i - 1]!, t)) return true;
    // "heavily armed", "newly built": an adverb before an adjective inside a phrase.
    if (t.pos === 'ADV' && tokens[i + 1]?.pos === 'ADJ' && started) return true;
    // "by suspected jihadists", "the outlawed group": a participle between a preposition or
    // determiner and a noun modifies the noun.
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.pos === 'VERB' && PARTICIPLE.test(t.lower) && prev && (prev.pos === 'ADP' || prev.pos === 'DET') && next && (next.pos === 'NOUN' || next.pos === 'ADJ')) return true;
    return false;
  };

  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    if (t.pos === 'PRON' && PERSONAL.has(t.lower) && !(t.lower === 'her' && tokens[i + 1] && isNominal(tokens[i + 1]!))) {
      nps.push(phrase(tokens, i, i, i, null, t.lower, null));
      npOf[i] = nps.length - 1;
      i++;
      continue;
    }
    if (npMaterial(i, false) && t.pos !== 'ADV') {
      let j = i;
      let possessorEnd: number | null = null;
      while (j + 1 < n && npMaterial(j + 1, true)) {
        // "In the afternoon Azerbaijani forces struck": a time noun ends its phrase before a name.
        if (TIME_HEADS.has(tokens[j]!.lemma) && /^[A-Z]/.test(tokens[j + 1]!.text) && tokens[j + 1]!.pos !== 'PART') break;
        j++;
        if (isPossessiveMark(tokens[j]!)) possessorEnd = j + 1;
      }
      // A parenthesis right after the phrase: "Rapid Support Forces (RSF)", "the 3R movement (Return, Reclamation and Rehabilitation)".
      if (tokens[j + 1]?.text === '(') {
        let close = j + 2;
        while (close < n && close <= j + 10 && tokens[close]!.text !== ')' && tokens[close]!.pos !== 'VERB') close++;
        if (tokens[close]?.text === ')') j = close;
      }
      // The head: the last noun (not a number: "school No. 1", "May 27"), else the last nominal.
      let head = j;
      while (head > i && !(tokens[head]!.pos === 'NOUN' || tokens[head]!.pos === 'PROPN' || nominalIng(head))) head--;
      if (tokens[head]!.text === ')' || tokens[head]!.text === '(') head = j - 1;
      if (!(tokens[head]!.pos === 'NOUN' || tokens[head]!.pos === 'PROPN' || nominalIng(head))) {
        head = j;
        while (head > i && !(isNominal(tokens[head]!) || tokens[head]!.pos === 'PRON')) head--;
        // "the military", "the wounded": an adjective used as a noun heads its phrase.
        if (!(isNominal(tokens[head]!) || tokens[head]!.pos === 'PRON')) {
          head = j;
          while (head > i && tokens[head]!.pos !== 'ADJ') head--;
        }
      }
      const first = tokens[i]!;
      const possessive = first.pos === 'PRON' && POSSESSIVE.has(first.lower) ? first.lower : null;
      if (possessive && possessorEnd === null) possessorEnd = i + 1;
      const det = first.pos === 'DET' ? first.lower : null;
      // A lone determiner or adjective is no phrase ("that", "this", "more").
      if (j === i && !isNominal(first) && !nominalIng(i)) {
        i++;
        continue;
      }
      nps.push(phrase(tokens, i, j, head, possessorEnd, null, possessive ?? null, det));
      for (let k = i; k <= j; k++) npOf[k] = nps.length - 1;
      i = j + 1;
      continue;
    }
    if (t.pos === 'AUX' || t.pos === 'VERB') {
      let j = i;
      // Auxiliaries, negation, adverbs and "to" up to the main verb: "had not yet been shelled".
      const auxes: Token[] = [];
      while (j < n) {
        const u = tokens[j]!;
        if (u.pos === 'AUX') auxes.push(u);
        else if (u.pos === 'VERB' && tokens[j + 1] && (tokens[j + 1]!.pos === 'VERB' || tokens[j + 1]!.pos === 'AUX' || (tokens[j + 1]!.lower === 'to' && tokens[j + 2]?.pos === 'VERB')) && !nominalIng(j + 1)) {
          // "continued shelling", "began to shell": the last verb is the head.
        } else if (u.pos === 'VERB') break;
        else if (!(u.pos === 'ADV' || u.pos === 'PART')) break;
        j++;
      }
      // "were encircled": the tagger may read a participle after "be" as an adjective.
      const adjParticiple = j < n && tokens[j]!.pos === 'ADJ' && auxes.some((a) => a.lemma === 'be' || a.lemma === 'get') && /(?:ed|en)$/.test(tokens[j]!.lower);
      const headPos = j < n && (tokens[j]!.pos === 'VERB' || adjParticiple) ? j : -1;
      if (headPos < 0) {
        // A bare auxiliary ("was", "has"): copula; no group.
        i++;
        continue;
      }
      const head = tokens[headPos]!;
      const beOrGet = auxes.some((a) => a.lemma === 'be' || a.lemma === 'get') || tokens.slice(i, headPos).some((u) => u.lemma === 'get');
      const progressive = /ing$/.test(head.lower) && auxes.some((a) => a.lemma === 'be');
      const passive = beOrGet && !/ing$/.test(head.lower) && looksParticiple(head);
      // "Shells fired by the RSF": a participle right after a noun phrase, followed by "by".
      const prev = tokens[i - 1];
      const reduced =
        auxes.length === 0 && headPos === i && !!prev && (npOf[i - 1]! >= 0 || prev.text === ',') &&
        ((looksParticiple(head) && tokens[headPos + 1]?.lower === 'by') || /ing$/.test(head.lower));
      const ingModifier = reduced && /ing$/.test(head.lower);
      verbs.push({ first: i, last: headPos, head: headPos, lemma: head.lemma, voice: (passive || reduced) && !ingModifier ? 'passive' : 'active', progressive, reduced });
      for (let k = i; k <= headPos; k++) verbOf[k] = verbs.length - 1;
      i = headPos + 1;
      continue;
    }
    i++;
  }

  // "after troops attacked him", "since Azerbaijani forces attacked": a subordinator before a
  // phrase followed by a verb opens a clause; the phrase is its subject, not a prepositional object.
  for (let p = 0; p < nps.length; p++) {
    const np = nps[p]!;
    if (!np.prep || !CLAUSE_OPENERS.has(np.prep)) continue;
    let k = np.last + 1;
    while (tokens[k]?.pos === 'ADV') k++;
    if (k < n && verbOf[k]! >= 0 && !verbs[verbOf[k]!]!.reduced) nps[p] = { ...np, prep: null };
  }

  // "were encircled and seized": a bare participle coordinated with a passive is passive too.
  for (let v = 1; v < verbs.length; v++) {
    const cur = verbs[v]!;
    const prevVg = verbs[v - 1]!;
    const between = tokens.slice(prevVg.last + 1, cur.first);
    if (cur.first === cur.head && prevVg.voice === 'passive' && !prevVg.reduced && between.length >= 1 && between.length <= 2 &&
      between.some((b) => b.pos === 'CCONJ') && between.every((b) => b.pos === 'CCONJ' || b.text === ',') && looksParticiple(tokens[cur.head]!)) {
      verbs[v] = { ...cur, voice: 'passive' };
    }
  }

  // Clauses: a new clause at a subordinator, a relative pronoun, ";" or ":", a dash, or a quote.
  // (not the quotes round a short name with no verb inside: 'also known as "Shene"', 'the
  // so-called "Yashma" unit')
  const quoted = new Set<number>();
  const isQuote = (t: Token | undefined) => t !== undefined && t.pos === 'PUNCT' && /^["“”]$/.test(t.text);
  for (let k = 0; k < n; k++) {
    if (!isQuote(tokens[k]) || quoted.has(k)) continue;
    for (let j = k + 2; j <= Math.min(n - 1, k + 5); j++) {
      if (!isQuote(tokens[j])) continue;
      let name = true;
      for (let w = k + 1; w < j; w++) if (verbOf[w]! >= 0 || tokens[w]!.pos === 'PUNCT') name = false;
      if (name) quoted.add(k).add(j);
      break;
    }
  }
  const clauseOf = new Array<number>(n).fill(0);
  let c = 0;
  for (let k = 0; k < n; k++) {
    const t = tokens[k]!;
    const boundary =
      (t.pos === 'SCONJ' && SUBORDINATORS.has(t.lower)) ||
      (t.pos === 'PRON' && RELATIVE.has(t.lower)) ||
      (t.lower === 'that' && (t.pos === 'DET' || t.pos === 'SCONJ') && npOf[k]! < 0) ||
      (t.pos === 'PUNCT' && /^[;:—–"“”]$/.test(t.text) && !quoted.has(k) && !(isHyphen(t) && tokens[k - 1] && glued(tokens[k - 1]!, t)));
    // ", and an air strike hit": a conjunction after a comma before a phrase with its own verb joins two clauses.
    let joined = false;
    if (t.pos === 'CCONJ' && tokens[k - 1]?.text === ',' && npOf[k + 1]! >= 0) {
      let after = nps[npOf[k + 1]!]!.last + 1;
      while (tokens[after]?.pos === 'ADV') after++;
      joined = after < n && verbOf[after]! >= 0;
    }
    if ((boundary || joined) && k > 0) c++;
    clauseOf[k] = c;
  }
  return { tokens, nps, verbs, clauseOf, npOf, verbOf };
}

function phrase(
  tokens: readonly Token[],
  first: number,
  last: number,
  head: number,
  possessorEnd: number | null,
  pronoun: string | null,
  possessive: string | null,
  det: string | null = null,
): NounPhrase {
  const before = tokens[first - 1];
  return {
    first,
    last,
    head,
    start: tokens[first]!.start,
    end: tokens[last]!.end,
    // "up to 10 servicemen", "as many as": a quantity, not a preposition.
    prep: before && (before.pos === 'ADP' || (before.pos === 'SCONJ' && before.lower !== 'that')) && !(before.lower === 'to' && tokens[first - 2]?.lower === 'up') ? before.lower : null,
    possessorEnd,
    pronoun,
    possessive,
    det,
  };
}
