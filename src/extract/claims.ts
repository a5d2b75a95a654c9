/**
 * Turns attribution frames into claims: resolves the claimant phrase to an actor ("the ministry"
 * and "we" to the last ministry or speaker named), decides hedging, and finds the accused side.
 */
import type { ActorHit, ExtractContext } from './context.js';
import type { AttributionFrame } from './recognizers/attribution.js';
import type { SentenceView } from './sentences.js';
import type { Actor, Claim } from '../model/event.js';
import { toActor } from '../packs/actor-matcher.js';
import { isShoutedPlace } from '../packs/actor-matcher.js';

const anaphoricClaimantRe = /^(?:the\s+)?(?:ministry|military|department|statement|report|agency|office|presidency|government|army|side|officials?|spokes(?:man|woman|person)|we|they|it|he|she)$/i;

/** Keeps track of who spoke last, to resolve "the ministry said" and "we". */
export class SpeakerMemory {
  private last: ActorHit | null = null;
  remember(hit: ActorHit): void {
    if (hit.entry.kind !== 'media' || !this.last) this.last = hit;
  }
  recall(): ActorHit | null {
    return this.last;
  }
}

/** Resolves the claimant phrase of a frame to an actor hit, or a side-only actor, or null. */
export function resolveClaimant(
  frame: AttributionFrame,
  actors: readonly ActorHit[],
  ctx: ExtractContext,
  memory: SpeakerMemory,
): Actor | null {
  const inside = actors.filter((a) => a.start >= frame.claimant.start && a.end <= frame.claimant.end);
  const hit = inside[inside.length - 1];
  if (hit) {
    memory.remember(hit);
    return toActor(hit.entry, hit);
  }
  const phrase = frame.claimant.text.trim();
  // "The separatists, who have held the enclave since 1994, announced": the subject before the clause.
  if (/^(?:who|which|for its part|its part|for their part)\b/i.test(phrase) || !phrase) {
    const subject = [...actors].reverse().find((a) => a.end <= frame.claimant.start && a.entry.kind !== 'media' && !isShoutedPlace(a));
    if (subject) {
      memory.remember(subject);
      return toActor(subject.entry, subject);
    }
  }
  if (anaphoricClaimantRe.test(phrase)) {
    const last = memory.recall();
    if (last) return toActor(last.entry, { start: frame.claimant.start, end: frame.claimant.end, surface: phrase });
  }
  // "Armenian sources", "pro-Armenian sources", "Azerbaijani officials": a side by its adjective.
  for (const word of phrase.split(/[\s/]+/)) {
    const bare = word.replace(/^pro-/i, '');
    const side = /^[A-Z]/.test(bare) ? ctx.sideOfAdjective(bare) : null;
    if (side) {
      return { name: phrase.replace(/^the\s+/i, ''), side, country: null, inter: null, source_text: phrase, span: { ...frame.claimant } };
    }
  }
  // A name the packs do not know ("Reuters", "Human Rights Watch"): every word capitalised, and
  // not a sentence opening such as "This is" or "Situation in the area".
  if (/^(?:the\s+)?(?:[A-Z][\w’'&.-]*\s?){1,5}$/.test(phrase) && !/^(?:This|That|It|There|These|Those|They|We|He|She|I)\b/.test(phrase)) {
    return { name: phrase.replace(/^the\s+/i, ''), side: null, country: null, inter: null, source_text: phrase, span: { ...frame.claimant } };
  }
  return null;
}

/** Claims made in one sentence, one per frame. */
export function claimsOfSentence(
  s: SentenceView,
  frames: readonly AttributionFrame[],
  actors: readonly ActorHit[],
  ctx: ExtractContext,
  memory: SpeakerMemory,
): Claim[] {
  const hedgedSentence = ctx.lexicon.hedgeRe.test(s.text);
  const out: Claim[] = [];
  for (const f of frames) {
    const claimant = resolveClaimant(f, actors, ctx, memory);
    let accused: Actor | null = null;
    if (f.stance === 'accuses') {
      const hit = actors.find((a) => a.start >= f.end && a.entry.kind !== 'media');
      if (hit) accused = toActor(hit.entry, hit);
      else {
        const m = /^\s*(?:the\s+)?([A-Z][\w-]+)/.exec(s.text.slice(f.end - s.start));
        const side = m ? ctx.sideOfAdjective(m[1]!) : null;
        const entry = side ? ctx.forcesOfSide(side) : null;
        if (entry) accused = toActor(entry);
      }
    }
    out.push({
      claimant,
      stance: f.stance,
      hedged: f.hedgedVerb || hedgedSentence,
      evidence: { start: s.start, end: s.end, text: s.text },
      ...(f.stance === 'accuses' ? { accused } : {}),
    });
  }
  return out;
}
