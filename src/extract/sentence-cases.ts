/**
 * Checks extraction results against the hand-written sentence cases in `test/eval/sentences.json`
 * (used by the test suite and by `npm run eval`).
 */
import type { ArticleEvent } from '../model/event.js';

export interface ExpectedEvent {
  readonly event_type: string;
  readonly sub_event_type?: string;
  readonly date?: string;
  readonly actor1_side?: string | null;
  readonly actor2_side?: string | null;
  readonly location?: string;
  readonly fatalities?: number | null;
  readonly injured?: number | null;
  readonly ceasefire_violation?: boolean;
  readonly claimant_sides?: readonly string[];
}

export interface SentenceCase {
  readonly id: string;
  readonly published: string;
  readonly text: string;
  readonly expect: readonly ExpectedEvent[];
}

/** The fields of `got` that differ from `want` (empty when it matches). */
export function mismatches(got: ArticleEvent, want: ExpectedEvent): string[] {
  const out: string[] = [];
  const check = (field: string, ok: boolean, value: unknown) => {
    if (!ok) out.push(`${field}=${JSON.stringify(value)}`);
  };
  check('event_type', got.event_type === want.event_type, got.event_type);
  if (want.sub_event_type !== undefined) check('sub_event_type', got.sub_event_type === want.sub_event_type, got.sub_event_type);
  if (want.date !== undefined) check('date', got.date === want.date, got.date);
  if (want.actor1_side !== undefined && want.actor1_side !== null) check('actor1_side', got.actor1?.side === want.actor1_side, got.actor1?.side);
  if (want.actor2_side !== undefined && want.actor2_side !== null) check('actor2_side', got.actor2?.side === want.actor2_side, got.actor2?.side);
  if (want.location !== undefined) {
    const names = [got.location?.name, got.location?.source_text].map((n) => n?.toLowerCase());
    check('location', names.includes(want.location.toLowerCase()), got.location?.name);
  }
  if (want.fatalities !== undefined) check('fatalities', got.fatalities === want.fatalities, got.fatalities);
  if (want.injured !== undefined) check('injured', got.injured === want.injured, got.injured);
  if (want.ceasefire_violation !== undefined) check('ceasefire_violation', got.ceasefire_violation === want.ceasefire_violation, got.ceasefire_violation);
  if (want.claimant_sides) {
    const sides = new Set(got.claims.map((c) => c.claimant?.side));
    check('claimants', want.claimant_sides.every((s) => sides.has(s)), [...sides]);
  }
  return out;
}

/** Pairs each expected event with the news event that matches it best; reports what is off. */
export function checkCase(events: readonly ArticleEvent[], c: SentenceCase): string[] {
  const news = events.filter((e) => !e.background);
  const problems: string[] = [];
  const used = new Set<ArticleEvent>();
  for (const want of c.expect) {
    const candidates = news.filter((e) => e.event_type === want.event_type && !used.has(e));
    if (!candidates.length) {
      problems.push(`missing ${want.event_type}`);
      continue;
    }
    const best = candidates.map((e) => ({ e, m: mismatches(e, want) })).sort((a, b) => a.m.length - b.m.length)[0]!;
    used.add(best.e);
    if (best.m.length) problems.push(`${want.event_type}: ${best.m.join(' ')}`);
  }
  for (const e of news) if (!used.has(e)) problems.push(`unexpected ${e.event_type}/${e.sub_event_type} from "${e.evidence[0]?.text ?? ''}"`);
  return problems;
}
