/**
 * Where reports of one event disagree: who started it, how many died or were hurt, who holds a
 * place, and when it happened. Each value lists who says it: for who started it and who holds a
 * place, the claimants, else the outlet; for tolls and dates, the outlet, else the claimants;
 * "unknown outlet" when neither is known, never an article id (`report/source-label.ts`).
 */
import { reportSources } from '../report/source-label.js';
import type { Contradiction } from '../store/records.js';
import type { Report } from './report.js';

const claimantNames = (r: Report): string[] => r.event.claims.map((c) => c.claimant?.name).filter((n): n is string => Boolean(n));

/** The claimants of a report, else its outlet, else "unknown outlet". */
function claimantsOf(r: Report): string[] {
  const names = claimantNames(r);
  return names.length ? [...new Set(names)] : reportSources(r.article.outlet);
}

/** The outlet of a report, else its claimants, else "unknown outlet". */
const outletOf = (r: Report): string[] => reportSources(r.article.outlet, claimantNames(r));

class Tally {
  readonly values = new Map<string, { value: unknown; claimants: Set<string> }>();
  add(value: unknown, claimants: readonly string[]): void {
    const key = JSON.stringify(value);
    const slot = this.values.get(key) ?? { value, claimants: new Set<string>() };
    for (const c of claimants) slot.claimants.add(c);
    this.values.set(key, slot);
  }
  contradiction(field: string): Contradiction | null {
    if (this.values.size < 2) return null;
    const values = [...this.values.values()]
      .map((v) => ({ value: v.value, claimants: [...v.claimants].sort() }))
      .sort((a, b) => JSON.stringify(a.value).localeCompare(JSON.stringify(b.value)));
    return { field, values };
  }
}

/** The contradictions among `reports` (superseded reports already removed). */
export function findContradictions(reports: readonly Report[]): Contradiction[] {
  const initiator = new Tally();
  const fatalities = new Tally();
  const injured = new Tally();
  const dates = new Tally();
  const control = new Map<string, Tally>();
  for (const r of reports) {
    const e = r.event;
    // Who acted, as each report tells it, and who each accusation blames.
    const accusations = e.claims.filter((c) => c.stance === 'accuses' && c.accused?.side);
    const blamed = new Set(accusations.map((c) => c.claimant?.name));
    const tellers = claimantsOf(r).filter((c) => !blamed.has(c));
    if (e.actor1?.side && tellers.length) initiator.add(e.actor1.side, tellers);
    for (const c of accusations) initiator.add(c.accused!.side, c.claimant?.name ? [c.claimant.name] : reportSources(r.article.outlet));
    if (e.fatalities !== null) fatalities.add(e.fatalities, outletOf(r));
    if (e.injured !== null) injured.add(e.injured, outletOf(r));
    if (e.date) dates.add(e.date, outletOf(r));
    for (const c of e.control ?? []) {
      const t = control.get(c.place) ?? new Tally();
      t.add(c.holder, c.claimant?.name ? [c.claimant.name] : reportSources(r.article.outlet));
      control.set(c.place, t);
    }
  }
  const out: Contradiction[] = [];
  for (const [field, t] of [['actor1', initiator], ['fatalities', fatalities], ['injured', injured]] as const) {
    const c = t.contradiction(field);
    if (c) out.push(c);
  }
  for (const place of [...control.keys()].sort()) {
    const c = control.get(place)!.contradiction(`control:${place}`);
    if (c) out.push(c);
  }
  // Dates a day apart are one episode told from two ends; say so only when reports disagree more.
  const d = dates.contradiction('date');
  if (d) {
    const days = d.values.map((v) => Date.parse(String(v.value)));
    if (Math.max(...days) - Math.min(...days) > 86_400_000) out.push(d);
  }
  return out;
}
