/**
 * Whether a trigger, read in its sentence, reports a real happening: not negated ("did not
 * attack", "no shelling"), not a possibility, plan or condition ("could attack", "threatened to
 * strike", "the threat of an offensive", "if they attack"), not an exercise or a sport. Word
 * lists in `data/lexicon/trigger-senses.yml`; the reading is over the sentence's tokens.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached as parseYaml } from '../packs/read-pack-file.js';
import { z } from 'zod';
import type { Draft, TriggerHit } from './drafts.js';
import { loadFrames, type Alternative } from './frames.js';
import { wordsOf, type FrameHit, type Word } from './match-frames.js';
import type { Token } from '../nlp/analyze-text.js';

const file = fileURLToPath(new URL('../../data/lexicon/trigger-senses.yml', import.meta.url));
const schema = z.object({
  version: z.number(),
  verb_negators: z.array(z.string()),
  noun_negators: z.array(z.string()),
  modal_aux: z.array(z.string()),
  modal_verbs: z.array(z.string()),
  unreal_before: z.array(z.string()),
  conditional: z.array(z.string()),
  exercise: z.array(z.string()),
  sport: z.array(z.string()),
  habitual: z.array(z.string()),
  periods: z.array(z.string()),
  aspectual: z.array(z.string()),
  retrospective: z.array(z.string()),
  frame_prepositions: z.array(z.string()),
  measure_nouns: z.array(z.string()),
  cause_prepositions: z.array(z.string()),
  subject_negators: z.array(z.string()),
  reference_words: z.array(z.string()),
  reported_earlier: z.array(z.string()),
  tally_words: z.array(z.string()),
  denial_verbs: z.array(z.string()),
  reference_predicates: z.array(z.string()),
  characterising_verbs: z.array(z.string()),
}).strict();

type Phrase = readonly string[];
interface Senses {
  readonly verbNegators: readonly Phrase[];
  readonly nounNegators: readonly Phrase[];
  readonly modalAux: readonly Phrase[];
  readonly modalVerbs: readonly Phrase[];
  readonly unrealBefore: readonly Phrase[];
  readonly conditional: readonly Phrase[];
  readonly exercise: readonly Phrase[];
  readonly sport: readonly Phrase[];
  readonly habitual: readonly Phrase[];
  readonly periods: readonly Phrase[];
  readonly aspectual: ReadonlySet<string>;
  readonly retrospective: readonly Phrase[];
  readonly framePrepositions: ReadonlySet<string>;
  readonly measureNouns: ReadonlySet<string>;
  readonly causePrepositions: readonly Phrase[];
  readonly subjectNegators: ReadonlySet<string>;
  readonly referenceWords: ReadonlySet<string>;
  readonly reportedEarlier: readonly Phrase[];
  readonly tallyWords: ReadonlySet<string>;
  readonly denialVerbs: ReadonlySet<string>;
  readonly referencePredicates: ReadonlySet<string>;
  readonly characterisingVerbs: ReadonlySet<string>;
}

let cached: Senses | undefined;

function loadSenses(): Senses {
  if (cached) return cached;
  const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`lexicon data/lexicon/trigger-senses.yml: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const d = parsed.data;
  const phrases = (xs: readonly string[]): Phrase[] => xs.map((x) => x.toLowerCase().split(/\s+/));
  return (cached = {
    verbNegators: phrases(d.verb_negators),
    nounNegators: phrases(d.noun_negators),
    modalAux: phrases(d.modal_aux),
    modalVerbs: phrases(d.modal_verbs),
    unrealBefore: phrases(d.unreal_before),
    conditional: phrases(d.conditional),
    exercise: phrases(d.exercise),
    sport: phrases(d.sport),
    habitual: phrases(d.habitual),
    periods: phrases(d.periods),
    aspectual: new Set(d.aspectual),
    retrospective: phrases(d.retrospective),
    framePrepositions: new Set(d.frame_prepositions),
    measureNouns: new Set(d.measure_nouns),
    causePrepositions: phrases(d.cause_prepositions),
    subjectNegators: new Set(d.subject_negators),
    referenceWords: new Set(d.reference_words),
    reportedEarlier: phrases(d.reported_earlier),
    tallyWords: new Set(d.tally_words),
    denialVerbs: new Set(d.denial_verbs),
    referencePredicates: new Set(d.reference_predicates),
    characterisingVerbs: new Set(d.characterising_verbs),
  });
}

/** The first and last words of a phrase list: a word outside them starts or ends none (a fast skip). */
const edges = new WeakMap<readonly Phrase[], { readonly first: ReadonlySet<string>; readonly last: ReadonlySet<string> }>();
function edgesOf(phrases: readonly Phrase[]): { readonly first: ReadonlySet<string>; readonly last: ReadonlySet<string> } {
  let e = edges.get(phrases);
  if (!e) edges.set(phrases, (e = { first: new Set(phrases.map((p) => p[0]!)), last: new Set(phrases.map((p) => p[p.length - 1]!)) }));
  return e;
}
function edgeAt(words: readonly Word[], i: number, phrases: readonly Phrase[], which: 'first' | 'last', set = edgesOf(phrases)[which]): boolean {
  const w = words[i];
  return w !== undefined && (set.has(w.lower) || set.has(w.lemma));
}

/** Whether one of `phrases` starts at word `i` (by surface or lemma; plurals by lemma). */
function phraseAt(words: readonly Word[], i: number, phrases: readonly Phrase[]): boolean {
  return edgeAt(words, i, phrases, 'first') && phrases.some((p) => p.every((x, k) => {
    const w = words[i + k];
    return w !== undefined && (w.lower === x || w.lemma === x);
  }));
}

/** Whether one of `phrases` ends right before word `end` (at one of the positions up to `reach` back). */
function phraseEndingBefore(words: readonly Word[], end: number, phrases: readonly Phrase[]): boolean {
  return edgeAt(words, end - 1, phrases, 'last') && phrases.some((p) => end - p.length >= 0 && p.every((x, k) => {
    const w = words[end - p.length + k]!;
    return w.lower === x || w.lemma === x;
  }));
}

function anyIn(words: readonly Word[], phrases: readonly Phrase[]): boolean {
  const first = edgesOf(phrases).first;
  for (let i = 0; i < words.length; i++) if (edgeAt(words, i, phrases, 'first', first) && phraseAt(words, i, phrases)) return true;
  return false;
}

const singleWords = new WeakMap<readonly Alternative[], ReadonlySet<string>>();
function classIn(words: readonly Word[], cls: readonly Alternative[] | undefined): boolean {
  if (!cls) return false;
  let single = singleWords.get(cls);
  if (!single) singleWords.set(cls, (single = new Set(cls.flatMap((a) => (a.words.length === 1 ? [...a.words[0]!] : [])))));
  return words.some((w) => single.has(w.lower));
}

const CLAUSE_STOP = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')', 'but', 'while', 'whereas', 'and']);
const PUNCT_STOP = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')']);
const LONG_TIME = new Set(['month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries']);
const QUOTE = new Set(['"', '“', '”', "'", '‘', '’']);
/** Relative pronouns and subordinators of time that open a scene-setting clause ("which tried to", "as police tried to"). */
const SCENE_SETTERS = new Set(['which', 'who', 'that', 'as', 'while', 'when']);
const SUBORDINATE = new Set(['when', 'after', 'as', 'because', 'before', 'while', 'since', 'although', 'though', 'where', 'which', 'who', 'that', 'until', 'if']);
/** Words that may stand between a negator or auxiliary and its verb ("did not even try", "will have been"). */
const between = (w: Word): boolean => w.pos === 'AUX' || w.pos === 'ADV' || w.pos === 'PART' || w.lemma === 'be' || w.lemma === 'have' || w.lemma === 'been';
/** Words that may stand between a determiner-like negator and its noun ("no heavy shelling"). */
const nounGap = (w: Word): boolean => w.pos === 'ADJ' || w.pos === 'DET' || w.pos === 'NUM' || w.lower === 'of' || w.lower === 'report' || w.lower === 'reports' || w.pos === 'NOUN';

/** Whether the trigger starting at word `i` is governed by one of `phrases` across `gap` words. */
function governedBy(words: readonly Word[], i: number, phrases: readonly Phrase[], gap: (w: Word) => boolean, reach: number): boolean {
  for (let k = i, steps = 0; k > 0 && steps <= reach; k--, steps++) {
    if (phraseEndingBefore(words, k, phrases)) return true;
    const w = words[k - 1]!;
    if (!gap(w)) return false;
  }
  return false;
}

/** What a sentence says as a whole, read once per sentence (a sentence may hold many triggers). */
interface SentenceReading {
  readonly words: readonly Word[];
  readonly exercise: boolean;
  readonly retrospective: boolean;
  readonly periods: boolean;
  readonly sport: boolean;
  readonly weapons: boolean;
  readonly reportedEarlier: boolean;
  readonly war: boolean;
}

const readings = new WeakMap<readonly Token[], SentenceReading>();

function readSentence(tokens: readonly Token[]): SentenceReading {
  const known = readings.get(tokens);
  if (known) return known;
  const senses = loadSenses();
  const frames = loadFrames();
  const words = wordsOf(tokens);
  const reading: SentenceReading = {
    words,
    exercise: anyIn(words, senses.exercise),
    retrospective: anyIn(words, senses.retrospective),
    periods: anyIn(words, senses.periods),
    sport: anyIn(words, senses.sport),
    weapons: ['munition', 'aircraft', 'explosive'].some((c) => classIn(words, frames.classes.get(c))),
    reportedEarlier: anyIn(words, senses.reportedEarlier),
    war: words.some((w) => w.lemma === 'war' || w.lemma === 'conflict'),
  };
  readings.set(tokens, reading);
  return reading;
}

/** The reason the trigger reports no real happening, or null. */
export function unrealReading(t: TriggerHit, tokens: readonly Token[], armedContext: boolean): string | null {
  const senses = loadSenses();
  const sentence = readSentence(tokens);
  const words = sentence.words;
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < t.start) lo = mid + 1;
    else hi = mid;
  }
  const i = lo;
  if (i >= words.length) return null;
  const hit = t as Partial<FrameHit>;
  const nominal = hit.trigger?.nominal ?? false;
  const violent = t.def.event_type === 'Battles' || t.def.event_type === 'Explosions/Remote violence';
  // The match's verb, when it starts with its subject ("gunmen did not attack", "missiles were fired").
  let v = i;
  for (let k = i; k < words.length && words[k]!.start < t.end; k++) if (words[k]!.pos === 'VERB') v = k;
  // A participle used as an adjective before its noun ("positions in liberated Kalbajar", "the
  // captured town of X"): a state of the place, not a happening.
  if (!nominal && t.end <= words[i]!.end && /(?:ed|en)$/.test(words[i]!.lower) && i >= 1 && i + 1 < words.length &&
    (words[i - 1]!.pos === 'ADP' || words[i - 1]!.pos === 'DET') && (words[i + 1]!.pos === 'PROPN' || words[i + 1]!.pos === 'NOUN')) return 'sense/attributive';
  // Negation: "did not attack", "have never shelled"; "no shelling", "without a shot".
  if (governedBy(words, i, senses.verbNegators, between, 4) || (v > i && governedBy(words, v, senses.verbNegators, between, 4))) return 'sense/negated';
  if (governedBy(words, i, senses.nounNegators, nounGap, 4)) return 'sense/negated';
  // Modality and the future: "could attack", "will sign", "threatened to strike", "plans to sign".
  if ([i, v].some((k) => governedBy(words, k, senses.modalAux, (w) => between(w) || senses.aspectual.has(w.lemma), 3))) return 'sense/modal';
  if (i >= 1 && words[i - 1]!.lower === 'to') {
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      if (phraseEndingBefore(words, k, senses.modalVerbs)) return 'sense/modal';
    }
    // An attempt told in a clause that sets the scene of another event ("destroyed the aircraft,
    // which tried to strike our positions", "as police tried to shoot it down"): part of that
    // event, not one of its own. (A main-clause attempt, "troops tried to storm the post", stays.)
    const tried = words[i - 2];
    if (tried && (tried.lemma === 'try' || tried.lemma === 'attempt')) {
      for (let k = i - 3; k >= Math.max(0, i - 6); k--) {
        const w = words[k]!;
        if (SCENE_SETTERS.has(w.lower)) return 'sense/reference';
        if (!(w.pos === 'AUX' || w.pos === 'ADV' || w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'PRON' || w.pos === 'DET')) break;
      }
    }
  }
  // A base-form verb under a demand or threat: "demanded that all forces withdraw".
  const head = words[i]!;
  if ((head.pos === 'VERB' || head.pos === 'NOUN') && head.lower === head.lemma) {
    for (let k = i - 1; k >= 1; k--) {
      if (words[k]!.lower === 'that' && phraseEndingBefore(words, k, senses.modalVerbs)) return 'sense/modal';
    }
  }
  const noun = nominal || head.pos === 'NOUN' || head.pos === 'PROPN';
  // A modal in the clause before an event noun: "could spill into wider fighting".
  if (noun) {
    for (let k = i - 1; k >= Math.max(0, i - 5) && !CLAUSE_STOP.has(words[k]!.lower); k--) {
      if (phraseAt(words, k, senses.modalAux) && words[k]!.pos === 'AUX') return 'sense/modal';
    }
  }
  // Denial: "denied that its forces had fired at Ganja", "denies shelling villages".
  for (let k = i - 1; k >= Math.max(0, i - 12) && !PUNCT_STOP.has(words[k]!.lower); k--) {
    if (senses.denialVerbs.has(words[k]!.lemma) && words[k]!.pos === 'VERB') {
      const next = words[k + 1]!;
      if (k + 1 === i || next.lower === 'that' || next.lower === 'having') return 'sense/denied';
      break;
    }
  }
  if (sentence.periods && t.def.event_type !== 'Protests') return 'sense/period';
  // Habit, not a happening: "skirmishes have always been a burden".
  for (let k = i - 1; k >= 0 && !CLAUSE_STOP.has(words[k]!.lower); k--) if (phraseAt(words, k, senses.habitual)) return 'sense/habitual';
  for (let k = i + 1; k < words.length && k < i + 6 && !CLAUSE_STOP.has(words[k]!.lower); k++) if (phraseAt(words, k, senses.habitual)) return 'sense/habitual';
  // "warnings that fighting in the city would...": a content clause of a warning or fear.
  if (noun && governedBy(words, i, senses.unrealBefore, (w) => w.pos === 'DET' || w.pos === 'ADJ' || w.lower === 'of' || w.lower === 'for' || w.lower === 'on' || w.lower === 'to' || w.lower === 'an' || w.lower === 'a' || QUOTE.has(w.lower) || w.lower === 'that', 4)) return 'sense/unreal';
  // "over a hundred attacks in 2022", "dozens of air strikes": a tally of many events.
  // "repeated Ukrainian drone raids", "a series of attacks": the plural is the noun phrase's last word.
  let last = i;
  while (last + 1 < words.length && words[last + 1]!.start < t.end) last++;
  if (noun && (head.lower !== head.lemma || words[last]!.lower !== words[last]!.lemma)) {
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      const w = words[k]!;
      const n = Number(w.lower.replace(/,/g, ''));
      if (senses.tallyWords.has(w.lower) || (w.pos === 'NUM' && (n >= 10 || w.lower === 'hundred' || w.lower === 'thousand'))) return 'sense/tally';
      if (!(w.pos === 'ADJ' || w.pos === 'DET' || w.pos === 'NUM' || w.pos === 'ADV' || w.pos === 'PROPN' || w.lower === 'of' || w.lower === 'than' || w.lower === 'over')) break;
    }
  }
  // "after weeks of fighting", "the scale of the fighting".
  if (noun) {
    let k = i - 1;
    while (k >= 0 && (words[k]!.pos === 'DET' || words[k]!.pos === 'ADJ')) k--;
    // (not a complex preposition of cause: "wounded as a result of the shelling" tells the shelling)
    if (k >= 1 && words[k]!.lower === 'of' && senses.measureNouns.has(words[k - 1]!.lemma) && !phraseEndingBefore(words, k + 1, senses.causePrepositions)) return 'sense/measure';
  }
  // "No attackers were reported killed or detained": a negated subject negates its predicate.
  if (!noun) {
    for (let k = i - 1; k >= 0 && !CLAUSE_STOP.has(words[k]!.lower) && !SUBORDINATE.has(words[k]!.lower); k--) {
      if (senses.subjectNegators.has(words[k]!.lower) && words[k]!.pos === 'DET') return 'sense/negated';
    }
  }
  // A condition opened earlier in the clause: "if they attack", "in case of an offensive".
  for (let k = i - 1; k >= 0 && !CLAUSE_STOP.has(words[k]!.lower); k--) {
    if (phraseAt(words, k, senses.conditional)) return 'sense/conditional';
  }
  // "During the 44-day war, thousands of soldiers were killed": a toll of a whole war.
  if (hit.trigger?.reference && sentence.war) return 'sense/aggregate';
  if (violent && sentence.exercise) return 'sense/exercise';
  if (violent && sentence.retrospective) return 'sense/retrospective';
  // "held X responsible for the shooting", "condemned the attack".
  if (hit.definite) {
    for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
      if (senses.referenceWords.has(words[k]!.lemma) || senses.referenceWords.has(words[k]!.lower)) return 'sense/reference';
      if (CLAUSE_STOP.has(words[k]!.lower)) break;
    }
  }
  // "almost twelve months after they took over a police base": an event months or years away
  // from the one the sentence reports.
  for (let k = i - 1; k >= 1 && !PUNCT_STOP.has(words[k]!.lower); k--) {
    if ((words[k]!.lower === 'after' || words[k]!.lower === 'before' || words[k]!.lower === 'since') && LONG_TIME.has(words[k - 1]!.lemma)) return 'sense/long-before';
  }
  // "The strike came hours after the truce", "The raids followed the missile": a definite event
  // noun whose predicate relates it to its context is the event told before.
  if (hit.definite && noun) {
    let e = i;
    while (e < words.length && words[e]!.start < t.end) e++;
    const p = words[e];
    if (p && p.pos === 'VERB' && senses.referencePredicates.has(p.lemma)) return 'sense/reference';
  }
  // "decried the move as a gross violation of the ceasefire", "called it an attack": a judgement
  // of something told, not an event of its own.
  if (noun) {
    let k = i - 1;
    while (k >= 0 && (words[k]!.pos === 'ADJ' || words[k]!.pos === 'DET' || words[k]!.pos === 'ADV')) k--;
    const it = k >= 0 && (words[k]!.lower === 'it' || words[k]!.lower === 'this' || words[k]!.lower === 'them');
    if (k >= 1 && (words[k]!.lower === 'as' || it)) {
      for (let j = k - 1; j >= Math.max(0, k - 8) && !CLAUSE_STOP.has(words[j]!.lower); j--) {
        if (words[j]!.pos === 'VERB' && senses.characterisingVerbs.has(words[j]!.lemma) && (!it || j === k - 1)) return 'sense/reference';
      }
    }
  }
  // "throughout the fighting", "during the clashes": the time frame of something else.
  // (so is a possessed event noun: "Following Hamas' attack on southern Israel on October 7, ...")
  if (noun && !hit.definite) {
    let k = i - 1;
    while (k >= 0 && (words[k]!.pos === 'ADJ' || words[k]!.pos === 'ADV')) k--;
    if (k >= 2 && /^['’]s?$/.test(words[k]!.lower) && words[k - 1]!.pos === 'PROPN') {
      let p = k - 2;
      while (p >= 0 && words[p]!.pos === 'PROPN') p--;
      if (p >= 0 && senses.framePrepositions.has(words[p]!.lower)) return 'sense/time-frame';
    }
  }
  if (hit.definite) {
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      if (senses.framePrepositions.has(words[k]!.lower)) return 'sense/time-frame';
      if (CLAUSE_STOP.has(words[k]!.lower) || words[k]!.pos === 'VERB') break;
    }
  }
  if (violent && !armedContext && sentence.sport && !sentence.weapons) return 'sense/sport';
  return null;
}

/**
 * Readings that drop a trigger because it refers to an event told elsewhere ("after the attack",
 * "claimed responsibility for the explosion", "the scale of the bombing"), not because it is
 * unreal: such a trigger is still a mention of that event (for an `event.mentions` list).
 */
export const REFERENCE_SENSES: ReadonlySet<string> = new Set(['sense/reference', 'sense/time-frame', 'sense/measure']);

/** Whether the sentence names a weapon or aircraft (an armed context of its own). */
export function namesWeapon(tokens: readonly Token[]): boolean {
  return readSentence(tokens).weapons;
}

/**
 * A definite event noun ("the shelling", "the clashes") in a sentence with no date of its own,
 * after the article already reported an event of its type: a reference back, not a new event.
 */
export function refersBack(t: TriggerHit, hasOwnDate: boolean, drafts: readonly Draft[], tokens: readonly Token[] = []): boolean {
  const hit = t as Partial<FrameHit>;
  // "As we reported earlier, ..." repeats a report the article already gave.
  const repeated = readSentence(tokens).reportedEarlier;
  if ((!hit.definite && !repeated) || hasOwnDate) return false;
  // Strategic developments and protests differ by sub-type (an agreement does not refer back to a mobilization).
  const violent = t.def.event_type === 'Battles' || t.def.event_type === 'Explosions/Remote violence' || t.def.event_type === 'Violence against civilians';
  // "the attack", "the raid": a definite generic attack noun is a hypernym of every violent event
  // ("Shells hit the market ... The attack was retaliation"), so it refers back to any of them.
  // A plural ("the ghastly attacks") may sum up several events: it keeps the type rule.
  const anyViolent = (hit.trigger?.reference ?? false) ||
    // (so is a light verb's definite attack noun, "carried out the strike": a battle/offensive hit
    // that opens with a verb is definite only through a light verb, match-frames.ts `lightDefinite`)
    (hit.definite === true && (hit.trigger?.nominal === true || hit.trigger?.frame === 'battle/offensive') && (hit.trigger?.frame === 'battle/attack' || hit.trigger?.frame === 'battle/offensive') && !/s$/i.test(t.text));
  const isViolent = (type: string): boolean => type === 'Battles' || type === 'Explosions/Remote violence' || type === 'Violence against civilians';
  return drafts.some((d) => !d.background && (anyViolent ? isViolent(d.event_type) : d.event_type === t.def.event_type && (violent || d.sub_event_type === t.def.sub_event_type)));
}
