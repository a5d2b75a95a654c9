/**
 * Where reports of one event disagree: who started it, how many died or were hurt, who holds a
 * place, and when it happened. Each value lists who says it (claimants, else the outlet).
 */
import type { Contradiction } from '../store/records.js';
import type { Report } from './report.js';

function claimantsOf(r: Report): string[] {
  const names = r.event.claims.map((c) => c.claimant?.name).filter((n): n is string => Boolean(n));
  return names.length ? [...new Set(names)] : [r.article.outlet ?? r.article.id];
}

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
    for (const c of accusations) initiator.add(c.accused!.side, [c.claimant?.name ?? r.article.outlet ?? r.article.id]);
    if (e.fatalities !== null) fatalities.add(e.fatalities, [r.article.outlet ?? r.article.id]);
    if (e.injured !== null) injured.add(e.injured, [r.article.outlet ?? r.article.id]);
    if (e.date) dates.add(e.date, [r.article.outlet ?? r.article.id]);
    for (const c of e.control ?? []) {
      const t = control.get(c.place) ?? new Tally();
      t.add(c.holder, [c.claimant?.name ?? r.article.outlet ?? r.article.id]);
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
