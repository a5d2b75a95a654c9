/**
 * Finds event triggers by matching the frames of `data/frames/` over the article's wink-nlp
 * tokens: lemma and part of speech rather than inflected regular expressions. Where matches
 * overlap the longest is kept (strong over weak). Local readings are settled here: a generic
 * attack word takes the sub-type of the instrument named next to it ("attacked ... with drones"),
 * a word that only means an event with an instrument ("hit") needs one, and an event noun used as
 * the modifier of another noun ("attack helicopter", "riot police") is no event.
 */
import type { TriggerHit } from './drafts.js';
import type { Alternative, Element, FrameTrigger, Frames, PosClass, TriggerKind } from './frames.js';
import type { TextAnalysis, Token } from '../nlp/analyze-text.js';
import { roleLexicon } from '../syntax/role-lexicon.js';

/** A word as the frames see it: tokens joined across hyphens ("cease-fire", "air-strike"). */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
  readonly lemma: string;
  readonly pos: Token['pos'];
  /** Index of the first token. */
  readonly token: number;
}

const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'since', 'because', 'although', 'while', 'when', 'where', 'after', 'before', 'until', 'unless']);
const PATIENT_VERBS = new Set(['destroy', 'damage', 'hit', 'strike', 'target', 'attack', 'kill', 'wound', 'injure', 'pound', 'bomb']);
const CLAUSE_END = new Set(['.', '!', '?', ';', ':']);
/** Words that open the clause of a verb's subject ("... after a drone targeted"). */
const SUBJECT_STOP = new Set([',', 'after', 'when', 'while', 'as', 'because', 'before', 'since', 'until', 'and', 'but', 'that', 'which', 'where', 'once']);
const HARD_STOP = new Set(['.', '!', '?', ';', ':', '(', ')', '[', ']', '—', '–']);

/** The words of a token run: a hyphen with no space on either side joins its neighbours. */
export function wordsOf(tokens: readonly Token[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let lower = t.lower;
    let lemma = t.lemma;
    let end = t.end;
    let pos = t.pos;
    let j = i;
    while (j + 2 < tokens.length && tokens[j + 1]!.text === '-' && tokens[j + 1]!.start === end && tokens[j + 2]!.start === tokens[j + 1]!.end && /\w/.test(tokens[j + 2]!.text)) {
      const next = tokens[j + 2]!;
      lemma = `${lower}-${next.lemma}`;
      lower = `${lower}-${next.lower}`;
      end = next.end;
      pos = next.pos;
      j += 2;
    }
    out.push({ start: t.start, end, lower, lemma, pos, token: t.index });
    i = j;
  }
  return out;
}

let pastForms: ReadonlySet<string> = new Set();

function posOk(w: Word, want: PosClass | null, prev?: Word): boolean {
  if (want === null) return true;
  switch (want) {
    case 'V':
      // The tagger reads some participles as adjectives or nouns ("abducted", "had shot").
      return w.pos === 'VERB' || w.pos === 'AUX' ||
        ((w.pos === 'ADJ' || w.pos === 'NOUN' || w.pos === 'PROPN') && (/(?:ed|en|wn)$/.test(w.lower) || prev?.pos === 'AUX' || pastForms.has(w.lower)));
    case 'N':
      // Sentence-initial capitals come out as proper nouns; gerunds as verbs ("Shelling of the town").
      return w.pos === 'NOUN' || w.pos === 'PROPN' || (w.lower.endsWith('ing') && (w.pos === 'VERB' || w.pos === 'ADJ'));
    case 'A':
      return w.pos === 'ADJ' || w.pos === 'VERB';
    case 'P':
      return w.pos === 'ADP' || w.pos === 'PART' || w.pos === 'ADV';
  }
}

function wordIs(w: Word, set: ReadonlySet<string>, byLemma = true): boolean {
  return set.has(w.lower) || (byLemma && set.has(w.lemma)) || (w.lower.includes('-') && set.has(w.lower.replace(/-/g, '')));
}

/** The end positions (exclusive) at which `alt` matches from word `i`. */
function altEnd(words: readonly Word[], i: number, alt: Alternative): number {
  let k = i;
  for (const set of alt.words) {
    const w = words[k];
    if (!w || !wordIs(w, set, alt.byLemma)) return -1;
    k++;
  }
  // The part of speech is the head's (the last word's).
  return posOk(words[k - 1]!, alt.pos, words[k - 2]) ? k : -1;
}

function matchFrom(words: readonly Word[], elements: readonly Element[], e: number, i: number, limit: number): number {
  if (e === elements.length) return i;
  const el = elements[e]!;
  if (el.kind === 'gap') {
    for (let skip = 0; skip <= el.max; skip++) {
      const end = matchFrom(words, elements, e + 1, i + skip, limit);
      if (end >= 0) return end;
      const w = words[i + skip];
      // A gap stays in its clause: not over a comma, a subordinator or a relative ("since it was").
      // Nor over a verb of speaking: "the air force says air defences destroyed" is two clauses.
      if (!w || i + skip >= limit || HARD_STOP.has(w.lower) || w.lower === ',' || w.pos === 'SCONJ' || RELATIVE.has(w.lower) || (w.pos === 'VERB' && roleLexicon().speechVerbs.has(w.lemma))) return -1;
    }
    return -1;
  }
  if (i < limit) {
    for (const alt of el.alternatives) {
      const end = altEnd(words, i, alt);
      if (end >= 0 && end <= limit) {
        const rest = matchFrom(words, elements, e + 1, end, limit);
        if (rest >= 0) return rest;
      }
    }
  }
  return el.optional ? matchFrom(words, elements, e + 1, i, limit) : -1;
}

/** Every first word of a class's alternatives: a word outside it starts none of them (a fast skip). */
const firstWords = new WeakMap<readonly Alternative[], ReadonlySet<string> | null>();

/** Whether a class word occurs in `words[from, to)`. */
function classIn(words: readonly Word[], from: number, to: number, cls: readonly Alternative[] | undefined): boolean {
  if (!cls) return false;
  let first = firstWords.get(cls);
  if (first === undefined) firstWords.set(cls, (first = cls.every((a) => a.words[0]) ? new Set(cls.flatMap((a) => [...a.words[0]!])) : null));
  for (let i = Math.max(0, from); i < Math.min(words.length, to); i++) {
    if (first && !wordIs(words[i]!, first)) continue;
    for (const alt of cls) if (altEnd(words, i, alt) >= 0) return true;
  }
  return false;
}

/** The clause-ish window around a match: stops at hard punctuation. */
function window(words: readonly Word[], start: number, end: number, before: number, after: number, lo: number, hi: number): [number, number] {
  let a = start;
  while (a > lo && start - a < before && !HARD_STOP.has(words[a - 1]!.lower)) a--;
  let b = end;
  while (b < hi && b - end < after && !HARD_STOP.has(words[b]!.lower)) b++;
  return [a, b];
}

/** Instrument classes in order of precedence, with the frame each moves a generic trigger to. */
const INSTRUMENTS: readonly (readonly [string, string])[] = [
  ['suicide', 'remote/suicide'],
  ['explosive', 'remote/explosive'],
  ['aircraft', 'remote/air'],
  ['munition', 'remote/shelling'],
  ['bombardment', 'remote/shelling'],
];

/**
 * The instrument a strike verb's subject names ("a drone operated by the RSF targeted a
 * gathering"): the first noun of the verb's clause, when only its modifiers stand before the verb.
 */
function subjectInstrument(words: readonly Word[], i: number, lo: number, frames: Frames): readonly [string, string] | undefined {
  let subjectStart = i;
  while (subjectStart > lo && !CLAUSE_END.has(words[subjectStart - 1]!.lower) && !SUBJECT_STOP.has(words[subjectStart - 1]!.lower)) subjectStart--;
  const subjectNoun = words.slice(subjectStart, i).findIndex((w) => w.pos === 'NOUN');
  if (subjectNoun < 0) return undefined;
  const at = subjectStart + subjectNoun;
  const finiteBetween = words.slice(at + 1, i).some((w) => (w.pos === 'VERB' || w.pos === 'AUX') && !/(?:ed|en|ing)$/.test(w.lower) && w.lemma !== 'be' && w.lemma !== 'have');
  return finiteBetween ? undefined : INSTRUMENTS.find(([cls]) => classIn(words, at, at + 1, frames.classes.get(cls)));
}

/** Nouns a trigger noun may precede without being their modifier. */
function freeAfter(w: Word | undefined, frames: Frames): boolean {
  if (!w || (w.pos !== 'NOUN')) return true;
  if (classIn([w], 0, 1, frames.classes.get('time_noun'))) return true;
  // "shelling attacks", "strike operations": another event noun.
  return frames.eventNouns.has(w.lower) || frames.eventNouns.has(w.lemma) || classIn([w], 0, 1, frames.classes.get('attack_noun'));
}

export interface FrameHit extends TriggerHit {
  readonly def: TriggerKind;
  /** The pattern that matched. */
  readonly trigger: FrameTrigger;
  /** Index of the first word of the match in the article's words. */
  readonly word: number;
  /** The match reads as a definite noun phrase ("the shelling", "this attack"). */
  readonly definite: boolean;
  /** Index of the sentence (in the `bounds` given) that holds the match. */
  readonly sentence: number;
  /** Rules that shaped the reading (refinement), for `event.rules`. */
  readonly notes: readonly string[];
}

const TOLL_FRAMES = new Set(['vac/attack', 'battle/kill', 'battle/killed', 'battle/toll']);
const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'such']);
const POSSESSIVE = new Set(['its', 'their', 'his', 'her']);

/**
 * The triggers of the text, matched sentence by sentence (`bounds`: the sentences' character
 * ranges) over the tokens of `analysis`.
 */
export function findFrameTriggers(text: string, analysis: TextAnalysis, frames: Frames, bounds: readonly { start: number; end: number }[]): FrameHit[] {
  const words = wordsOf(analysis.tokens);
  pastForms = frames.pastForms;
  const all: FrameHit[] = [];
  let w = 0;
  for (let si = 0; si < bounds.length; si++) {
    const s = bounds[si]!;
    while (w < words.length && words[w]!.start < s.start) w++;
    const lo = w;
    let hi = lo;
    while (hi < words.length && words[hi]!.end <= s.end) hi++;
    for (let i = lo; i < hi; i++) {
      const word = words[i]!;
      if (!frames.byFirst.has(word.lower) && !frames.byFirst.has(word.lemma) && !word.lower.includes('-')) continue;
      const candidates = new Set([...(frames.byFirst.get(word.lower) ?? []), ...(frames.byFirst.get(word.lemma) ?? [])]);
      if (word.lower.includes('-')) for (const t of frames.byFirst.get(word.lower.replace(/-/g, '')) ?? []) candidates.add(t);
      for (const t of candidates) {
        const end = matchFrom(words, t.elements, 0, i, hi);
        if (end < 0) continue;
        const hit = readHit(text, words, frames, t, i, end, lo, hi, si);
        if (hit) all.push(hit);
      }
    }
    w = hi;
  }
  all.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start) || Number(a.def.weak) - Number(b.def.weak));
  const kept: FrameHit[] = [];
  for (const t of all) {
    const clash = kept.findIndex((k) => k.start < t.end && t.start < k.end);
    if (clash < 0) kept.push(t);
    else {
      const k = kept[clash]!;
      // A set phrase cancels what it covers, and the light-verb construction whose head it ends in
      // ("launched a fierce marketing offensive").
      // A toll ("killed one civilian") never displaces the attack that shares its verb ("airstrikes killed").
      const toll = (h: FrameHit): boolean => TOLL_FRAMES.has(h.trigger.frame);
      const better = (t.trigger.block && !k.trigger.block && (t.end - t.start >= k.end - k.start || t.end === k.end)) ||
        (!k.trigger.block && toll(k) && !toll(t) && VIOLENT.has(t.def.event_type)) ||
        (!k.trigger.block && !(toll(t) && !toll(k) && VIOLENT.has(k.def.event_type)) &&
          ((k.def.weak && !t.def.weak) || (k.def.weak === t.def.weak && t.end - t.start > k.end - k.start)));
      if (better) kept[clash] = t;
    }
  }
  const out = kept.filter((k) => !k.trigger.block);
  // "Five civilians were killed when shells hit their home": the killing is the toll of the attack
  // the sentence reports, not a second event.
  // Beside a generic battle word, a killing of civilians says what the attack was ("killed 20
  // civilians in an attack"): the battle reading goes.
  const sameSentence = (k: FrameHit, pred: (o: FrameHit) => boolean): boolean => out.some((o) => o !== k && o.sentence === k.sentence && pred(o));
  const civilianToll = (o: FrameHit): boolean => o.trigger.frame === 'vac/attack';
  const genericBattle = (o: FrameHit): boolean => o.def.event_type === 'Battles' && !o.def.territory && !o.def.violation;
  // "Car bombs ripped through a base ... in an attack": the attack noun is the bombing itself.
  const genericAttackNoun = (o: FrameHit): boolean => (o.trigger.frame === 'battle/attack' || o.trigger.frame === 'battle/offensive') && o.def.event_type === 'Battles' && o.trigger.nominal;
  // "arrested 12 members in a dawn raid": the raid is the arrest.
  const arrest = (o: FrameHit): boolean => o.trigger.frame === 'strategic/arrest' || o.trigger.frame === 'vac/abduction';
  return out
    .filter((k) => !(genericAttackNoun(k) && sameSentence(k, arrest)))
    .filter((k) => !(genericBattle(k) && sameSentence(k, civilianToll)))
    .filter((k) => !(genericAttackNoun(k) && sameSentence(k, (o) => o.def.event_type === 'Explosions/Remote violence')))
    .filter((k) => !TOLL_FRAMES.has(k.trigger.frame) || !sameSentence(k, (o) => o.def.event_type === 'Explosions/Remote violence' || (VIOLENT.has(o.def.event_type) && !TOLL_FRAMES.has(o.trigger.frame) && !(genericBattle(o) && civilianToll(k)))))
    .sort((a, b) => a.start - b.start);
}

function readHit(text: string, words: readonly Word[], frames: Frames, t: FrameTrigger, i: number, end: number, lo: number, hi: number, sentence: number): FrameHit | null {
  const single = end - i === 1;
  const head = words[end - 1]!;
  // "attack helicopter", "riot police", "shell company": a noun that modifies another noun.
  if (single && (head.pos === 'NOUN' || head.pos === 'PROPN') && !freeAfter(words[end], frames)) return null;
  const before = words[i - 1];
  // "detained activists", "the captured soldiers": a participle modifying a noun is a state.
  if (single && (t.elements[0] as { alternatives: readonly { pos: string | null }[] }).alternatives.every((a) => a.pos === 'V') &&
    /(?:ed|en|wn)$/.test(head.lower) && (!before || ['DET', 'ADJ', 'ADP', 'CCONJ', 'NUM', 'VERB'].includes(before.pos)) && words[end]?.pos === 'NOUN' && !freeAfter(words[end], frames)) return null;
  // "fighting spirit", "for unity and fighting spirit": an -ing form modifying a noun.
  // (also after a noun or a possessive: "infantry fighting vehicles", "Britain's principal fighting force")
  if (single && head.lower.endsWith('ing') && (!before || ['DET', 'ADJ', 'ADP', 'CCONJ', 'NOUN', 'PART'].includes(before.pos)) && !freeAfter(words[end], frames)) return null;
  // "The aircraft were destroyed", "two drones were hit": an aircraft that undergoes the act is its
  // target (a loss or an interception told elsewhere), not the platform of a strike. Passive
  // "fired"/"launched" keep the aircraft as the instrument ("drones were launched at the city").
  if (t.id === 'remote/air' && !t.nominal && end - i >= 3 && head.pos === 'VERB' && PATIENT_VERBS.has(head.lemma) &&
    words[end - 2]!.lemma === 'be' && classIn(words, i, i + 1, frames.classes.get('aircraft'))) return null;
  let def: TriggerKind = t;
  const notes: string[] = [];
  if (t.refine || t.needsInstrument) {
    const [a, b] = window(words, i, end, t.needsInstrument ? 10 : 6, 8, lo, hi);
    // "Smerch rockets hit Hadrut; both strikes injured civilians": a generic strike noun whose
    // clause names no instrument refers to the one instrument class its sentence names (a verb
    // has its own arguments: "accused X of striking" is another attack).
    const inSentence = INSTRUMENTS.filter(([cls]) => classIn(words, lo, hi, frames.classes.get(cls)));
    // "a suicide drone" is a loitering munition: a drone strike, not a suicide bombing
    const suicideDrone = (from: number, to: number) => words.slice(from, to).some((w, k) => w.lower === 'suicide' && classIn(words, from + k + 1, from + k + 2, frames.classes.get('aircraft')));
    const found = INSTRUMENTS.find(([cls]) => classIn(words, a, b, frames.classes.get(cls)) && !(cls === 'suicide' && suicideDrone(a, b))) ??
      (!t.nominal && words[i]!.pos === 'VERB' ? subjectInstrument(words, i, lo, frames) : undefined) ??
      (t.refine && t.nominal && !words[i]!.lower.endsWith('ing') && t.id === 'remote/air' && inSentence.length === 1 ? inSentence[0] : undefined);
    // "Gunmen struck the capital": a strike verb of irregular ground fighters with no instrument
    // in its sentence is an attack on the ground.
    let clause = i;
    while (clause > lo && !CLAUSE_END.has(words[clause - 1]!.lower)) clause--;
    const groundAttack = !found && t.refine && t.id === 'remote/air' && !t.nominal && inSentence.length === 0 &&
      classIn(words, clause, i, frames.classes.get('ground_fighter'));
    const [na, nb] = t.instrumentBefore ? [a, i] : [a, b];
    if (t.needsInstrument && !INSTRUMENTS.some(([cls]) => (t.instruments === null || t.instruments.includes(cls)) && classIn(words, na, nb, frames.classes.get(cls)))) return null;
    if (found && t.refine && found[1] !== t.id) {
      const target = frames.kinds.get(found[1]);
      if (target) {
        def = { ...target, armed: false, weak: t.weak };
        notes.push(`extract/refine/${found[0]}`);
      }
    }
    const attack = groundAttack ? frames.kinds.get('battle/attack') : undefined;
    if (attack) {
      def = { ...attack, armed: t.armed, weak: t.weak };
      notes.push('extract/refine/ground-fighter');
    }
  }
  const prev = words[i - 1];
  const prev2 = words[i - 2];
  const determiner = (w: Word | undefined): boolean => Boolean(w && DEFINITE.has(w.lower) && (w.pos === 'DET' || POSSESSIVE.has(w.lower)));
  // "the shelling", "the Homs attack", "the ceasefire agreed in Moscow" (a noun-first construction).
  const nounFirst = t.nominal || words[i]!.pos === 'NOUN';
  // "carried out the strike that killed X", "conducted this raid": a light verb's definite event
  // noun is as definite as the noun alone.
  const lightDefinite = !nounFirst && roleLexicon().lightVerbs.has(words[i]!.lemma) && (() => {
    for (let k = i + 1; k < end && k <= i + 3; k++) if (DEFINITE.has(words[k]!.lower) && words[k]!.pos === 'DET') return true;
    return false;
  })();
  const definite = t.reference || lightDefinite || (nounFirst && (determiner(prev) || (determiner(prev2) && ['ADJ', 'PROPN', 'NOUN', 'NUM'].includes(prev!.pos))));
  const start = words[i]!.start;
  const stop = words[end - 1]!.end;
  return { start, end: stop, text: text.slice(start, stop), def, trigger: t, word: i, sentence, definite, notes };
}
