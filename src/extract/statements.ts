/**
 * Statements: calls, demands, threats, accusations, denials, confirmations and announcements
 * that are verbal acts rather than violent events (event-model.md "Statement").
 */
import type { SentenceFacts } from './build-drafts.js';
import { toActor } from '../packs/actor-matcher.js';
import type { ExtractContext } from './context.js';
import type { Statement, StatementType } from '../model/event.js';

const priority: StatementType[] = ['threaten', 'demand', 'call', 'accuse', 'deny', 'confirm', 'announce'];

/** One statement per sentence with a speaker and a statement cue; `eventOf` links the sentence's event. */
export function findStatements(
  facts: readonly SentenceFacts[],
  ctx: ExtractContext,
  dateOf: (f: SentenceFacts) => string | null,
  eventOf: (f: SentenceFacts) => string | null,
): Statement[] {
  const out: Statement[] = [];
  let lastSpeaker: Statement['speaker'] = null;
  for (const f of facts) {
    if (f.s.kind === 'title' || f.s.kind === 'caption' || f.s.kind === 'heading') continue;
    const types = ctx.lexicon.statementRes.filter((r) => r.re.test(f.s.text)).map((r) => r.type as StatementType);
    if (f.claims.some((c) => c.stance === 'accuses')) types.push('accuse');
    if (f.claims.some((c) => c.stance === 'denies')) types.push('deny');
    const type = priority.find((t) => types.includes(t));
    if (!type) continue;
    const claim = f.claims[0];
    const subject = f.actors.find((a) => a.entry.kind !== 'media');
    let speaker = claim?.claimant ?? (subject ? toActor(subject.entry, subject) : null);
    // Quoted speech continues the last speaker ("– We ask the parties...").
    if (!speaker && /^[–—-]|^[“"]/.test(f.s.text.trim())) speaker = lastSpeaker;
    if (!speaker) continue;
    lastSpeaker = speaker;
    const accused = f.claims.find((c) => c.accused)?.accused ?? null;
    const targetHit = f.actors.find((a) => a.entry.side && a.entry.side !== speaker!.side && a.entry.kind !== 'media');
    out.push({
      id: `s${out.length + 1}`,
      type,
      speaker,
      target: accused ?? (targetHit ? toActor(targetHit.entry, targetHit) : null),
      date: dateOf(f),
      about_event: eventOf(f),
      evidence: { start: f.s.start, end: f.s.end, text: f.s.text },
    });
  }
  return out;
}
