/**
 * Which actor a noun phrase names: an actor of the packs inside it (the one on its head first),
 * a demonym among its modifiers ("an Azerbaijani combat drone"), the owner of a compound
 * ("the Hamas-run ministry"), or, for pronouns ("it", "its forces") and definite descriptions
 * ("the group", "the militants", "the army"), the last compatible actor named before it (simple
 * coreference); heads of the civilian class ("homes", "a school") name civilians.
 */
import type { ActorHit, ExtractContext } from '../extract/context.js';
import type { ActorEntry } from '../packs/types.js';
import type { NounPhrase, SentenceSyntax } from './clauses.js';
import type { RoleLexicon } from './role-lexicon.js';

export type PhraseVia = 'name' | 'demonym' | 'owner' | 'pronoun' | 'speaker' | 'definite' | 'civilians' | 'place-country';

export interface PhraseActor {
  readonly hit: ActorHit;
  readonly via: PhraseVia;
}

export interface CorefEnv {
  /** The speaker of the reported speech the phrase stands in ("Hamas said it had fired"). */
  readonly speaker: ActorHit | null;
  /** Actors named before the phrase (earlier sentences, then this one), most recent last. */
  readonly recent: readonly ActorHit[];
  /** The topic (first actor named) of the previous sentences, most recent last: what "it" and "they" point back to first. */
  readonly topics?: readonly ActorHit[];
  /** The country whose civilians a civilian target belongs to, when known. */
  readonly civilianCountry: string | null;
  /** The country of the place the sentence names, for an owner-less "army positions", "the troops". */
  readonly placeCountry: string | null;
}

const PLACE_PREPS = new Set(['in', 'at', 'near', 'into', 'across', 'inside', 'outside', 'toward', 'towards', 'around', 'along', 'within', 'over']);
const FIGHTING = new Set(['state-forces', 'armed-group', 'peacekeepers']);
const SPEAKING = new Set(['ministry', 'government', 'person', 'state-forces', 'armed-group', 'international', 'peacekeepers']);

function synthetic(entry: ActorEntry | null, start: number, end: number, surface: string): ActorHit | null {
  return entry ? { start, end, surface, entry } : null;
}

/** An actor hit the phrase contains: the one over its head, else the last outside the possessor, else the possessor's. */
function namedInside(np: NounPhrase, syn: SentenceSyntax, actors: readonly ActorHit[]): ActorHit | null {
  const inside = actors.filter((a) => a.start >= np.start && a.end <= np.end);
  if (!inside.length) {
    // An actor name longer than the chunk ("Rapid Support Forces" split by the tagger) still counts when it covers the head.
    const head = syn.tokens[np.head]!;
    return actors.find((a) => a.start <= head.start && a.end >= head.end) ?? null;
  }
  const head = syn.tokens[np.head]!;
  const onHead = inside.find((a) => a.start <= head.start && a.end >= head.end);
  if (onHead) return onHead;
  const possEnd = np.possessorEnd !== null ? syn.tokens[np.possessorEnd - 1]!.end : np.start;
  const body = inside.filter((a) => a.start >= possEnd);
  return body[body.length - 1] ?? inside[inside.length - 1]!;
}

/** The side a demonym or a "<name>-run" compound among the phrase's modifiers names. */
function demonymInside(np: NounPhrase, syn: SentenceSyntax, ctx: ExtractContext, lex: RoleLexicon, actors: readonly ActorHit[]): PhraseActor | null {
  const t = syn.tokens;
  for (let k = np.first; k <= np.last; k++) {
    const tok = t[k]!;
    // "Hamas-run", "Houthi-led": the owner of the compound.
    const hy = t[k + 1];
    const suffix = t[k + 2];
    const compound = hy && suffix && /^[-‐]$/.test(hy.text) && hy.start === tok.end && suffix.start === hy.end;
    // "Russian-brokered", "Iran-backed": the first word names a third party, not the phrase's actor.
    if (compound && !lex.ownerSuffixes.has(suffix.lemma) && (suffix.pos === 'VERB' || lex.mediationVerbs.has(suffix.lemma))) {
      k += 2;
      continue;
    }
    if (compound && lex.ownerSuffixes.has(suffix.lemma)) {
      const named = actors.find((a) => a.start <= tok.start && a.end >= tok.end);
      if (named) return { hit: named, via: 'owner' };
      const side = ctx.sideOfAdjective(tok.text);
      const hit = side ? synthetic(ctx.forcesOfSide(side), tok.start, suffix.end, `${tok.text}-${suffix.text}`) : null;
      if (hit) return { hit, via: 'owner' };
      continue;
    }
    if (!/^[A-Z]/.test(tok.text) || !(tok.pos === 'PROPN' || tok.pos === 'ADJ' || tok.pos === 'NOUN')) continue;
    // A word after a possessive mark is a modifier of the possessed noun, the possessor names the owner.
    const side = ctx.sideOfAdjective(tok.text) ?? ctx.sideOfAdjective(tok.text.replace(/^pro-/i, ''));
    if (side && !/^pro-/i.test(tok.text)) {
      const hit = synthetic(ctx.forcesOfSide(side), tok.start, tok.end, tok.text);
      if (hit) return { hit, via: 'demonym' };
    }
  }
  return null;
}

/** The side of the state (government, ministry or forces) named most often among `hits`; ties go to the latest. */
function mostNamedState(hits: readonly ActorHit[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const h of hits) {
    const side = h.entry.side;
    if (!side || !h.entry.country || side !== h.entry.country) continue;
    if (!(h.entry.kind === 'government' || h.entry.kind === 'ministry' || h.entry.kind === 'state-forces')) continue;
    const n = (counts.get(side) ?? 0) + 1;
    counts.set(side, n);
    if (!best || n >= counts.get(best)!) best = side;
  }
  return best;
}

function lastOf(recent: readonly ActorHit[], ok: (a: ActorHit) => boolean): ActorHit | null {
  for (let i = recent.length - 1; i >= 0; i--) if (ok(recent[i]!)) return recent[i]!;
  return null;
}

/** The actor a noun phrase names, by name, demonym, coreference or class; null when none. */
export function actorOfPhrase(
  np: NounPhrase,
  syn: SentenceSyntax,
  actors: readonly ActorHit[],
  ctx: ExtractContext,
  lex: RoleLexicon,
  env: CorefEnv,
): PhraseActor | null {
  const t = syn.tokens;
  const head = t[np.head]!;
  const named = namedInside(np, syn, actors);
  if (named) return { hit: named, via: 'name' };
  const dem = demonymInside(np, syn, ctx, lex, actors);
  if (dem) return dem;
  // Antecedents: actors named before the phrase, except those of this sentence that stand in a
  // place phrase ("in Israel's north", "near Russia's border"), which pronouns rarely point back to.
  const sentStart = t[0]?.start ?? 0;
  const inPlacePhrase = (a: ActorHit) => {
    if (a.start < sentStart) return false;
    const k = t.findIndex((x) => x.start >= a.start);
    const idx = k >= 0 ? syn.npOf[k]! : -1;
    const prep = idx >= 0 ? syn.nps[idx]!.prep : null;
    return prep !== null && PLACE_PREPS.has(prep);
  };
  const recentBefore = env.recent.filter((a) => a.end <= np.start && !inPlacePhrase(a));
  const civilian =
    lex.civilianTargets.has(head.lemma) || t.slice(np.first, np.head).some((x) => lex.civilianModifiers.has(x.lemma) || lex.civilianModifiers.has(x.lower));
  const surface = () => t.slice(np.first, np.last + 1).map((x) => x.text).join(' ');
  const civilians = (): PhraseActor | null => {
    // (a civilian target is civilian where no country's civilians are known: a ship at sea)
    const hit = synthetic((env.civilianCountry ? ctx.civiliansOf(env.civilianCountry) : null) ?? ctx.civiliansOf(null), np.start, np.end, surface());
    return hit ? { hit, via: 'civilians' } : null;
  };
  // "their home", "its hospital": civilians, whoever owns them.
  if (civilian && np.possessive) return civilians();
  const pron = np.pronoun ?? np.possessive;
  if (pron) {
    if (/^(?:he|she|him|her|his|i|me|my|you|your)$/.test(pron) && !np.possessive) return null;
    const fromSpeaker = env.speaker && (np.possessive || pron !== 'them') ? env.speaker : null;
    const compatible = (a: ActorHit) => SPEAKING.has(a.entry.kind) && a.entry.kind !== 'person';
    // The topic of the sentence before, else the last actor named.
    const topic = env.topics?.length ? env.topics[env.topics.length - 1]! : null;
    // Inside the sentence only its own topic (its first actor, before any verb) is a candidate:
    // "Its fighters attacked Israeli troops, it said" does not make the troops the speaker.
    const firstVerb = syn.verbs[0] ? t[syn.verbs[0].first]!.start : Infinity;
    const inSentence = recentBefore.find((a) => a.start >= sentStart && a.end <= firstVerb && compatible(a)) ?? null;
    const hit = fromSpeaker ?? inSentence ?? (topic && compatible(topic) ? topic : null) ?? lastOf(recentBefore, compatible);
    if (!hit) return null;
    return { hit: { start: np.start, end: np.end, surface: t.slice(np.first, np.last + 1).map((x) => x.text).join(' '), entry: hit.entry }, via: fromSpeaker ? 'speaker' : 'pronoun' };
  }
  if (np.det === 'the' || np.det === 'this' || np.det === 'these') {
    let ok: ((a: ActorHit) => boolean) | null = null;
    if (lex.groupNouns.has(head.lemma)) ok = (a) => a.entry.kind === 'armed-group';
    else if (/^(?:army|military|navy|airforce)$/.test(head.lemma)) {
      // "the army", "the military": a state's forces, never an armed group named before.
      ok = (a) => a.entry.kind === 'state-forces' || a.entry.kind === 'government' || a.entry.kind === 'ministry';
    } else if (lex.forceNouns.has(head.lemma)) ok = (a) => FIGHTING.has(a.entry.kind) || a.entry.kind === 'government' || a.entry.kind === 'ministry';
    // ("the centre of Sumy" is a part of a town, not the press centre)
    else if (lex.institutionNouns.has(head.lemma) && !(lex.settlementTargets.has(head.lemma) && t[np.last + 1]?.lower === 'of')) ok = (a) => a.entry.kind === 'ministry' || a.entry.kind === 'government';
    if (ok) {
      let hit = (env.speaker && ok(env.speaker) ? env.speaker : null) ?? null;
      // "the army", "the military": the forces named before, else those of the country the text is
      // in, and only then a state's government named before.
      if (!hit && /^(?:army|military|navy|airforce)$/.test(head.lemma)) {
        hit = lastOf(recentBefore, (a) => a.entry.kind === 'state-forces');
        // Else the state the text has named most often so far (ties: the latest), else where it is.
        const state = hit ? null : mostNamedState(recentBefore) ?? env.placeCountry;
        const local = state ? ctx.forcesOfSide(state) : null;
        if (local) hit = { start: np.start, end: np.end, surface: surface(), entry: local };
      }
      hit ??= lastOf(recentBefore, ok);
      if (hit) return { hit: { start: np.start, end: np.end, surface: t.slice(np.first, np.last + 1).map((x) => x.text).join(' '), entry: hit.entry }, via: 'definite' };
    }
  }
  if (civilian) return civilians();
  // "army positions", "the troops" with no owner named: the forces of the country the place is in.
  const stateWords = t.slice(np.first, np.head + 1).filter((x) => x.lemma === 'army' || x.lemma === 'military' || x.lemma === 'government' || x.lemma === 'troop' || x.lemma === 'soldier');
  if (stateWords.length && !np.possessive && env.placeCountry) {
    const hit = synthetic(ctx.forcesOfSide(env.placeCountry), np.start, np.end, surface());
    if (hit) return { hit, via: 'place-country' };
  }
  return null;
}

/**
 * An actor named only as the first half of a compound that names a third party: "the Iran-backed
 * group", "a Russian-brokered truce", "Turkish-supplied drones" (not owners: "Hamas-run", "Houthi-led").
 * `text` is the text the hit's offsets point into, from `offset`.
 */
export function isThirdPartyModifier(hit: { start: number; end: number }, text: string, lex: RoleLexicon, offset = 0): boolean {
  const m = /^[-‐]([a-z]+)\b/.exec(text.slice(hit.end - offset, hit.end - offset + 24));
  if (!m) return false;
  const word = m[1]!;
  if (lex.ownerSuffixes.has(word)) return false;
  return /(?:ed|en)$/.test(word) || lex.mediationVerbs.has(word);
}

/** True when the phrase's head names the enemy ("enemy positions", "the adversary"). */
export function namesEnemy(np: NounPhrase, syn: SentenceSyntax, lex: RoleLexicon): boolean {
  return syn.tokens.slice(np.first, np.last + 1).some((x) => lex.enemyNouns.has(x.lemma));
}
