/**
 * Who did what to whom in one sentence: picks actor1 (the agent) and actor2 (the target) of a
 * trigger from the actors named around it, with the rule that decided and a weight used when
 * several sentences of one event disagree.
 */
import type { ActorHit, ExtractContext } from './context.js';
import type { AttributionFrame } from './recognizers/attribution.js';
import type { SentenceView } from './sentences.js';
import { isShoutedPlace } from '../packs/actor-matcher.js';

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

const placePrepRe = /\b(?:in|into|inside|across|from|near|at|towards?|outside)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern|-eastern|-western)?\s+|central\s+)?$/i;
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
    const second = inBetween[1];
    const adjs = /between\s+(?:the\s+)?([A-Z][\w-]+)\s+and\s+(?:the\s+)?([A-Z][\w-]+)\s/.exec(after);
    if (first && second) {
      return {
        agent: { hit: first, weight: 0.5, accused: false, rule: 'roles/between' },
        target: { hit: second, weight: 0.5, accused: false, rule: 'roles/between' },
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
          agent: { hit: ha, weight: 0.5, accused: false, rule: 'roles/between-adjectives' },
          target: { hit: hb, weight: 0.5, accused: false, rule: 'roles/between-adjectives' },
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
      if (gap.length > 140 || boundaryRe.test(gap)) break;
      // "X said that ... " : X speaks, it does not act; skip speakers of a frame.
      if (frames.some((f) => f.claimant.start <= hit.start && f.claimant.end >= hit.end)) continue;
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
