/**
 * Who did what to whom in one sentence: picks actor1 (the agent) and actor2 (the target) of a
 * trigger from the actors named around it, with the rule that decided and a weight used when
 * several sentences of one event disagree.
 */
import type { ActorHit, ExtractContext } from './context.js';
import type { AttributionFrame } from './recognizers/attribution.js';
import type { SentenceView } from './sentences.js';
import { isShoutedPlace } from '../packs/actor-matcher.js';
import type { SentenceSyntax } from '../syntax/clauses.js';
import { speechFrames, triggerArguments, type Argument } from '../syntax/arguments.js';
import { actorOfPhrase, isThirdPartyModifier, namesEnemy, type CorefEnv } from '../syntax/phrase-actors.js';
import { roleLexicon } from '../syntax/role-lexicon.js';
import { opponentOf } from './merge-drafts.js';

export interface RoleFill {
  /** The actor hit, or a synthetic hit for a demonym ("Azerbaijani drone strikes"). */
  readonly hit: ActorHit;
  /** 1 for direct evidence (agent of the verb), 0.5 for order only ("between X and Y"). */
  readonly weight: number;
  /** The claimant of the sentence blames this actor (weaker evidence of who acted). */
  readonly accused: boolean;
  readonly rule: string;
}

export interface Roles {
  readonly agent: RoleFill | null;
  readonly target: RoleFill | null;
}

/** A compass word ("southern", "south-western", "northeast", "central"). */
export const COMPASS_WORD = String.raw`(?:(?:north|south)-?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern|-eastern|-western)?|central)`;
/** An optional compass word before a place name, with its space. */
export const COMPASS_PART = String.raw`(?:${COMPASS_WORD}\s+)?`;
const placePrepRe = new RegExp(String.raw`\b(?:(?:in|into|inside|across|from|near|at|towards?|outside)\s+(?:the\s+)?${COMPASS_PART}|(?:territory|soil|airspace)\s+of\s+(?:the\s+)?)$`, 'i');
/** A relative clause opened after a comma and not yet closed ("..., where the peacekeepers are"). */
const RELATIVE_OPEN = /,\s*(?:where|which|who|whom|whose)\b[^,]*$/i;
const RELATIVE_CLOSED = /,\s*(?:where|which|who|whom|whose)\b[^,;]*,/gi;
const passiveRe = /\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+|already\s+|also\s+|later\s+)?$/i;
const boundaryRe = /;|\bwhile\b|\bbut\b|\bwhereas\b|\bafter\b|\bbecause\b|\bwho\b|\bwhich\b/i;
const pronounRe = /\b(they|we|it)\s+(?:\w+\s+){0,3}$/i;
const adjectiveRe = /([A-Z][\w-]+)(?:\s?\/\s?([A-Z][\w-]+))?\s*$/;
const targetAdjCache = new Map<string, RegExp>();

/** "<det> <Demonym>[/<Demonym>] [adjective] <target noun>" right after a trigger. */
function targetAdjRe(targetNouns: string): RegExp {
  let re = targetAdjCache.get(targetNouns);
  if (!re) {
    re = new RegExp(
      String.raw`^\s*(?:the\s+|its\s+|their\s+|\w+\s+){0,2}?([A-Z][\w-]+)(?:\s?\/\s?([A-Z][\w-]+))?\s+(?:[a-z-]+\s+)?${targetNouns}(?![\w-])`,
    );
    targetAdjCache.set(targetNouns, re);
  }
  return re;
}

function synthetic(ctx: ExtractContext, side: string, start: number, end: number, surface: string): ActorHit | null {
  const entry = ctx.forcesOfSide(side);
  return entry ? { start, end, surface, entry } : null;
}

function inFrames(hit: { start: number; end: number }, frames: readonly AttributionFrame[]): AttributionFrame | undefined {
  return frames.find((f) => hit.start >= f.claimant.start && hit.end <= f.claimant.end);
}

/** What the clause analysis of the sentence tells about the trigger, besides the word order. */
export interface SyntaxInput {
  readonly syn: SentenceSyntax;
  /** Actors named in the earlier sentences of the article, most recent last (for coreference). */
  readonly recent: readonly ActorHit[];
  /** The first actor of each earlier sentence, most recent last (antecedents of "it", "they"). */
  readonly topics?: readonly ActorHit[];
  /** Country whose civilians a civilian target stands for. */
  readonly civilianCountry: string | null;
  /** The country the sentence's place is in, else the one the article has named most so far. */
  readonly placeCountry?: string | null;
  /** The event is a remote attack (shelling, air or missile strike): a settlement hit is civilians. */
  readonly remote?: boolean;
  /** Settlements named in the sentence (character spans). */
  readonly settlements?: readonly { start: number; end: number }[];
  /** Side of the combatants the sentence says were killed or hurt ("killing two Hezbollah fighters"), if any. */
  readonly victimSide?: string | null;
  /** Side of the sentence's (or its paragraph's) claimant: whom "the enemy" is the enemy of. */
  readonly speakerSide?: string | null;
  /** Character spans of the victims the sentence counts ("Two policemen were martyred"): never the attacker. */
  readonly victims?: readonly { start: number; end: number }[];
  /** The sentence counts dead or hurt who are people, not combatants ("killing 15 people"). */
  readonly peopleHit?: boolean;
}

/** A datelined capital ("YEREVAN, (BM) –", "PORT SUDAN —") names where the report was filed. */
function isDateline(a: ActorHit, s: SentenceView): boolean {
  if (a.surface !== a.surface.toUpperCase() || !/[A-Z]{2}/.test(a.surface)) return false;
  const lead = s.text.slice(0, a.end - s.start);
  const next = s.text.slice(a.end - s.start, a.end - s.start + 4);
  return /^[A-Z\s.,/'’()-]*$/.test(lead) && /^\s*(?:[,(/—–-]|$)/.test(next);
}

/**
 * Roles from the clause analysis: the first agent and target candidates of the trigger's frame
 * that name an actor (rule `roles/syntax/...`, with `+pronoun`, `+speaker`, `+definite`,
 * `+demonym`, `+civilians` when reached through coreference or a word class).
 */
function syntaxRoles(
  s: SentenceView,
  tStart: number,
  tEnd: number,
  usable: readonly ActorHit[],
  actors: readonly ActorHit[],
  ctx: ExtractContext,
  input: SyntaxInput,
  isAccused: (hit: ActorHit) => boolean,
): { kind: 'verbal' | 'nominal' | 'none'; passive: boolean; agent: RoleFill | null; target: RoleFill | null; enemyTarget: boolean; hasPatients: boolean } {
  const lex = roleLexicon();
  const { syn } = input;
  const args = triggerArguments(syn, tStart, tEnd, lex);
  if (args.kind === 'none') return { kind: 'none', passive: false, agent: null, target: null, enemyTarget: false, hasPatients: false };
  const firstTok = syn.tokens.findIndex((t) => t.start >= tStart);
  // Reported speech around the trigger: its speaker is who "it", "its forces", "we" stand for.
  const frame = speechFrames(syn, lex).find((f) => firstTok >= f.contentFirst && firstTok <= f.contentLast && f.speaker);
  const recent = [...input.recent, ...usable.filter((a) => a.end <= tStart)];
  let speaker: ActorHit | null = null;
  if (frame?.speaker) {
    const speakers = actors.filter((a) => a.entry.kind !== 'media' && !isDateline(a, s) && !isThirdPartyModifier(a, s.text, lex, s.start));
    const sp = actorOfPhrase(frame.speaker, syn, speakers, ctx, lex, { speaker: null, recent: [...input.recent, ...usable.filter((a) => a.end <= frame.speaker!.start)], topics: input.topics ?? [], civilianCountry: null, placeCountry: null });
    speaker = sp && sp.via !== 'civilians' ? sp.hit : null;
  }
  const env: { -readonly [K in keyof CorefEnv]: CorefEnv[K] } = { speaker, recent, topics: input.topics ?? [], civilianCountry: input.civilianCountry, placeCountry: input.placeCountry ?? input.civilianCountry };
  const speakerPhrase = frame?.speaker ?? null;
  const pick = (cands: readonly Argument[], not: ActorHit | null, asAgent = false): RoleFill | null => {
    for (const c of cands) {
      if (speakerPhrase && c.np.start === speakerPhrase.start) continue;
      const r = actorOfPhrase(c.np, syn, usable, ctx, lex, env);
      // Civilians are what is hit, never by class the attacker ("a car carrying police came under fire").
      if (!r || (asAgent && r.via === 'civilians')) continue;
      // A pre-modifier acts only when it names someone ("Azerbaijani shelling", "Hamas attack"), not
      // when it classifies the event ("full military mobilization", "army exercise").
      if (c.rule === 'syntax/premodifier' && r.via === 'place-country') continue;
      if (not && (r.hit === not || (r.hit.entry.side && r.hit.entry.side === not.entry.side))) continue;
      const rule = `roles/${c.rule}${r.via === 'name' ? '' : `+${r.via}`}`;
      return { hit: r.hit, weight: 1, accused: isAccused(r.hit), rule };
    }
    return null;
  };
  let agent = pick(args.agents.filter((c) => !namesEnemy(c.np, syn, lex)), null, true);
  // "The enemy fired": the claimant's enemy, when it is known who speaks.
  const enemyOfSpeaker = input.speakerSide ? opponentOf(input.speakerSide, ctx) : null;
  const enemyAgent = args.agents.find((c) => namesEnemy(c.np, syn, lex));
  if (!agent && enemyAgent && enemyOfSpeaker && args.agents.indexOf(enemyAgent) === 0) {
    const entry = ctx.forcesOfSide(enemyOfSpeaker);
    if (entry) agent = { hit: { start: enemyAgent.np.start, end: enemyAgent.np.end, surface: 'enemy', entry }, weight: 1, accused: false, rule: `roles/${enemyAgent.rule}+enemy` };
  }
  // Civilians of the place named, else of the side the agent fights.
  const agentSide = agent?.hit.entry.side ?? null;
  const civilianCountry = input.civilianCountry ?? (agentSide ? opponentOf(agentSide, ctx) : null) ?? input.placeCountry ?? null;
  env.civilianCountry = civilianCountry;
  // "destroyed enemy tanks", "an enemy column was destroyed": the enemy of the agent, else of the claimant.
  const enemyPatient = args.patients.find((c) => namesEnemy(c.np, syn, lex));
  const ownSide = agentSide ?? input.speakerSide ?? null;
  const enemySide = enemyPatient && ownSide ? opponentOf(ownSide, ctx) : null;
  const enemyEntry = enemySide ? ctx.forcesOfSide(enemySide) : null;
  // "shelled the town", "missiles hit central Sumy", "striking one of its cities": a remote attack
  // on a settlement hits civilians. The settlement is the head of a direct object, a target phrase
  // or the passive subject ("the town of X"), not a name inside another phrase ("Aleppo airport")
  // nor the complement of an origin ("from the direction of Sotk").
  const headTok = (c: Argument) => syn.tokens[c.np.head]!;
  const isSettlement = (c: Argument) => c.rule !== 'syntax/object-of' &&
    (lex.settlementTargets.has(headTok(c).lemma) || (input.settlements ?? []).some((p) => p.start <= headTok(c).start && p.end >= headTok(c).end));
  const settlementFill = (c: Argument): RoleFill | null => {
    const entry = (input.remote || (input.peopleHit && !input.victimSide)) && civilianCountry ? ctx.civiliansOf(civilianCountry) : null;
    return entry ? { hit: { start: c.np.start, end: c.np.end, surface: s.text.slice(c.np.start - s.start, c.np.end - s.start), entry }, weight: 1, accused: false, rule: `roles/${c.rule}+settlement` } : null;
  };
  const ownedSettlement = args.patients.find((c) => c.np.possessive && lex.settlementTargets.has(headTok(c).lemma));
  let target = enemyPatient && enemyEntry
    ? { hit: { start: enemyPatient.np.start, end: enemyPatient.np.end, surface: s.text.slice(enemyPatient.np.start - s.start, enemyPatient.np.end - s.start), entry: enemyEntry }, weight: 1, accused: false, rule: `roles/${enemyPatient.rule}+enemy` }
    : (ownedSettlement ? settlementFill(ownedSettlement) : null) ?? pick(args.patients.filter((c) => !namesEnemy(c.np, syn, lex)), agent?.hit ?? null);
  // (a ground raid on a village that kills people hits civilians too: "raided a village, killing 15 people")
  if (!target && (input.remote || (input.peopleHit && !input.victimSide)) && civilianCountry) {
    const onSettlement = args.patients.find(isSettlement);
    if (onSettlement) target = settlementFill(onSettlement);
  }
  const enemyTarget = Boolean(enemyPatient) && (!target || target.rule.endsWith('+enemy'));
  return { kind: args.kind, passive: args.passive, agent, target, enemyTarget, hasPatients: args.patients.length > 0 };
}

/**
 * Assigns roles for the trigger at `[tStart, tEnd)` in sentence `s`.
 * `previousTopic` is the first actor of the previous sentence, for "they"/"it".
 */
export function assignRoles(
  s: SentenceView,
  tStart: number,
  tEnd: number,
  actors: readonly ActorHit[],
  frames: readonly AttributionFrame[],
  ctx: ExtractContext,
  previousTopic: ActorHit | null,
  targetNouns: string,
  input: SyntaxInput | null = null,
): Roles {
  const legacy = wordOrderRoles(s, tStart, tEnd, actors, frames, ctx, previousTopic, targetNouns);
  // No clause analysis (a sentence too long to analyse) or "fighting between X and Y": word order.
  if (!input || input.syn.tokens.length === 0 || legacy.agent?.rule.startsWith('roles/between')) return legacy;
  const usable = actors.filter((a) => !inFrames(a, frames) && a.entry.kind !== 'media' && !isDateline(a, s) && !asPlaceIn(a, s) && !isThirdPartyModifier(a, s.text, roleLexicon(), s.start));
  const accusing = frames.find((f) => f.stance === 'accuses' && f.end <= tStart);
  const isAccused = (hit: ActorHit) => Boolean(accusing && hit.start >= accusing.end);
  const syn = syntaxRoles(s, tStart, tEnd, usable, actors, ctx, input, isAccused);
  if (syn.kind === 'none') return legacy;
  let agent = syn.agent;
  let target = syn.target;
  // Nothing from the clause: the word-order reading, unless it contradicts the clause (a passive
  // without a by-agent has no agent in this sentence; the syntax target is never the agent).
  // The word-order agent only from the trigger's own clause ("One man, X, died when shells fell": X is no agent).
  const clauseOfChar = (at: number) => {
    const k = input.syn.tokens.findIndex((tk) => tk.end > at);
    return k >= 0 ? input.syn.clauseOf[k] : -1;
  };
  const sameClause = (h: ActorHit) => clauseOfChar(h.start) === clauseOfChar(tStart);
  // Nor a word inside a place name ("Drones hit Port Sudan").
  const legacyOk = (h: ActorHit) => sameClause(h) && !(input.settlements ?? []).some((p) => h.start >= p.start && h.end <= p.end) &&
    !(input.victims ?? []).some((v) => h.start >= v.start && h.end <= v.end);
  if (!agent && legacy.agent && legacyOk(legacy.agent.hit) && !(syn.passive && legacy.agent.rule === 'roles/subject') && legacy.agent.hit.entry.side !== target?.hit.entry.side) agent = legacy.agent;
  const inAnyFrame = (h: ActorHit) => frames.some((f) => h.start >= f.start && h.end <= f.end);
  if (!target && legacy.target && !inAnyFrame(legacy.target.hit) && legacy.target.hit.entry.side !== agent?.hit.entry.side && !(legacy.target.rule === 'roles/passive-subject' && !syn.passive)) target = legacy.target;
  if ((!target || (target.rule.endsWith('+enemy') && !agent)) && syn.enemyTarget) {
    // "destroyed enemy tanks": the enemy of the agent, or of the claimant, who then acted himself.
    const own = agent?.hit.entry.side ?? input.speakerSide ?? null;
    const other = own ? opponentOf(own, ctx) : null;
    const entry = other ? ctx.forcesOfSide(other) : null;
    if (entry) target = { hit: { start: tStart, end: tEnd, surface: 'enemy', entry }, weight: 1, accused: false, rule: 'roles/syntax/enemy' };
    const ownEntry = !agent && own ? ctx.forcesOfSide(own) : null;
    if (ownEntry) agent = { hit: { start: tStart, end: tEnd, surface: 'claimant', entry: ownEntry }, weight: 0.5, accused: false, rule: 'roles/syntax/enemy-of-claimant' };
  }
  // "hit a car, killing two Hezbollah fighters": the victims say whose the car was.
  if (target && input.victimSide && (target.rule.endsWith('+civilians') || target.rule.endsWith('+settlement')) && input.victimSide !== agent?.hit.entry.side) {
    const entry = ctx.forcesOfSide(input.victimSide);
    if (entry) target = { ...target, hit: { ...target.hit, entry }, rule: target.rule.replace(/\+(?:civilians|settlement)$/, '+victims') };
  }
  if (agent && target && agent.hit.entry.side && agent.hit.entry.side === target.hit.entry.side) target = null;
  return { agent, target };
}

function asPlaceIn(a: ActorHit, s: SentenceView): boolean {
  return a.entry.kind === 'government' && placePrepRe.test(s.text.slice(Math.max(0, a.start - s.start - 30), a.start - s.start));
}

/** The word-order reading: nearest actor before the trigger as agent, first after as target. */
function wordOrderRoles(
  s: SentenceView,
  tStart: number,
  tEnd: number,
  actors: readonly ActorHit[],
  frames: readonly AttributionFrame[],
  ctx: ExtractContext,
  previousTopic: ActorHit | null,
  targetNouns: string,
): Roles {
  const before = s.text.slice(0, tStart - s.start);
  const after = s.text.slice(tEnd - s.start);
  // Datelines ("YEREVAN, (BM) –") name where the report was filed, not who acted.
  // A country or capital after "in"/"near" is a place ("in southern Lebanon"), not a party.
  const asPlace = (a: ActorHit) =>
    a.entry.kind === 'government' && placePrepRe.test(s.text.slice(Math.max(0, a.start - s.start - 30), a.start - s.start));
  const usable = actors.filter((a) => !inFrames(a, frames) && a.entry.kind !== 'media' && !isShoutedPlace(a) && !asPlace(a));
  const accusing = frames.find((f) => f.stance === 'accuses' && f.end <= tStart);
  const isAccused = (hit: ActorHit) => Boolean(accusing && hit.start >= accusing.end);

  // "fighting between X and Y"
  const between = /^\s*(?:\w+\s+){0,4}between\s/i.exec(after);
  if (between) {
    const inBetween = usable.filter((a) => a.start >= tEnd && a.start <= tEnd + between[0].length + 60);
    const first = inBetween[0];
    // (the other party, past the first's own acronym: "between the Armed Forces of the DRC (FARDC) and M23")
    const second = inBetween.slice(1).find((a) => a.entry.side !== first?.entry.side) ?? inBetween[1];
    const adjs = /between\s+(?:the\s+)?([A-Z][\w-]+)\s+and\s+(?:the\s+)?([A-Z][\w-]+)\s/.exec(after);
    if (first && second) {
      return {
        // (a symmetric telling gives its order no weight against a telling of who attacked whom)
        agent: { hit: first, weight: 0.3, accused: false, rule: 'roles/between' },
        target: { hit: second, weight: 0.3, accused: false, rule: 'roles/between' },
      };
    }
    if (adjs) {
      const off = tEnd + (adjs.index ?? 0);
      const a = ctx.sideOfAdjective(adjs[1]!);
      const b = ctx.sideOfAdjective(adjs[2]!);
      const aStart = off + adjs[0].indexOf(adjs[1]!);
      const bStart = off + adjs[0].lastIndexOf(adjs[2]!);
      const ha = a ? synthetic(ctx, a, aStart, aStart + adjs[1]!.length, adjs[1]!) : null;
      const hb = b ? synthetic(ctx, b, bStart, bStart + adjs[2]!.length, adjs[2]!) : null;
      if (ha && hb) {
        return {
          agent: { hit: ha, weight: 0.3, accused: false, rule: 'roles/between-adjectives' },
          target: { hit: hb, weight: 0.3, accused: false, rule: 'roles/between-adjectives' },
        };
      }
    }
  }

  let agent: RoleFill | null = null;
  let target: RoleFill | null = null;
  const passive = passiveRe.test(before);
  if (passive) {
    const by = /^\s*(?:\w+\s+){0,3}?by\s/i.exec(after);
    if (by) {
      const hit = usable.find((a) => a.start >= tEnd && a.start <= tEnd + by[0].length + 4);
      if (hit) agent = { hit, weight: 1, accused: isAccused(hit), rule: 'roles/passive-by' };
    }
    const patient = [...usable].reverse().find((a) => a.end <= tStart && !boundaryRe.test(s.text.slice(a.end - s.start, tStart - s.start)));
    if (patient) target = { hit: patient, weight: 1, accused: false, rule: 'roles/passive-subject' };
    return { agent, target };
  }

  // Demonym right before the trigger: "Azerbaijani drone strikes".
  const adj = adjectiveRe.exec(before);
  if (adj && before.length - adj[0].length >= 0 && /\s?$/.test(before)) {
    const side = ctx.sideOfAdjective(adj[1]!);
    const start = s.start + (adj.index ?? 0);
    const hit = side ? synthetic(ctx, side, start, start + adj[0].trimEnd().length, adj[0].trimEnd()) : null;
    if (hit && !usable.some((a) => a.end === tStart || (a.start <= start && a.end >= start + 1))) {
      agent = { hit, weight: 1, accused: false, rule: 'roles/adjective-agent' };
    }
  }

  if (!agent) {
    const candidates = usable.filter((a) => a.end <= tStart);
    for (let i = candidates.length - 1; i >= 0; i--) {
      const hit = candidates[i]!;
      const gap = s.text.slice(hit.end - s.start, tStart - s.start);
      // (a relative clause closed inside the gap is no boundary: "X, which ..., attacked")
      const main = gap.replace(RELATIVE_CLOSED, ',');
      if (main.length > 140 || boundaryRe.test(main)) break;
      // "X said that ... " : X speaks, it does not act; skip speakers of a frame.
      if (frames.some((f) => f.claimant.start <= hit.start && f.claimant.end >= hit.end)) continue;
      // "members of X in the territory of Azerbaijan, where the Russian peacekeepers are deployed,
      // subjected to fire": an actor inside a relative clause closed before the trigger is not its subject.
      if (RELATIVE_OPEN.test(s.text.slice(0, hit.start - s.start)) && gap.includes(',')) continue;
      agent = { hit, weight: 1, accused: isAccused(hit), rule: 'roles/subject' };
      break;
    }
  }
  if (!agent && previousTopic) {
    const pro = pronounRe.exec(before);
    if (pro) {
      const between = before.slice((pro.index ?? 0) + pro[1]!.length).toLowerCase();
      const speaks = between.split(/\s+/).some((w) => ctx.lexicon.stanceOf.has(w));
      if (!speaks) {
        agent = { hit: previousTopic, weight: 1, accused: false, rule: 'roles/pronoun' };
      }
    }
  }

  // Target: the first actor after the trigger, or "<Demonym> positions/helicopters".
  const targetHit = usable.find((a) => a.start >= tEnd && a.start - tEnd <= 80 && a !== agent?.hit);
  if (targetHit) target = { hit: targetHit, weight: 1, accused: false, rule: 'roles/object' };
  else {
    // The target noun may sit inside the trigger itself ("attacked Israeli positions").
    const verbEnd = tStart + (/^\S+/.exec(s.text.slice(tStart - s.start))?.[0].length ?? 0);
    const t = targetAdjRe(targetNouns).exec(after) ?? targetAdjRe(targetNouns).exec(s.text.slice(verbEnd - s.start));
    const tOffset = targetAdjRe(targetNouns).exec(after) ? tEnd : verbEnd;
    if (t) {
      const side = ctx.sideOfAdjective(t[1]!);
      const lead = t[0].length - t[0].trimStart().length;
      const start = tOffset + (t.index ?? 0) + lead;
      const hit = side ? synthetic(ctx, side, start, start + t[0].trim().length, t[0].trim()) : null;
      if (hit) target = { hit, weight: 1, accused: false, rule: 'roles/adjective-target' };
    }
  }
  if (agent && target && agent.hit.entry.side && agent.hit.entry.side === target.hit.entry.side) target = null;
  return { agent, target };
}
