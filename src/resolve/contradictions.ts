/**
 * Where reports of one event disagree: who started it, how many died or were hurt, who holds a
 * place, and when it happened. Each value lists who says it: for who started it and who holds a
 * place, the claimants, else the outlet; for tolls and dates, the outlet, else the claimants;
 * "unknown outlet" when neither is known, never an article id (`report/source-label.ts`).
 */
import { reportSources } from '../report/source-label.js';
import type { TalliesJson, TallyEntries } from '../store/event-summary.js';
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
  toJSON(): TallyEntries {
    return [...this.values.entries()].map(([k, v]) => [k, v.value, [...v.claimants]] as const);
  }
  static from(entries: TallyEntries): Tally {
    const t = new Tally();
    for (const [k, value, claimants] of entries) t.values.set(k, { value, claimants: new Set(claimants) });
    return t;
  }
}

/**
 * Who says what about each disputed field, over the reports added so far. Order-free (sets of
 * claimants per value), so a report can be added to the tallies of an event without reading the
 * event's other reports (`src/store/event-summary.ts`).
 */
export class Tallies {
  readonly initiator: Tally;
  readonly fatalities: Tally;
  readonly injured: Tally;
  readonly dates: Tally;
  readonly control: Map<string, Tally>;
  constructor(json?: TalliesJson) {
    this.initiator = Tally.from(json?.initiator ?? []);
    this.fatalities = Tally.from(json?.fatalities ?? []);
    this.injured = Tally.from(json?.injured ?? []);
    this.dates = Tally.from(json?.dates ?? []);
    this.control = new Map((json?.control ?? []).map(([place, entries]) => [place, Tally.from(entries)]));
  }
  add(r: Report): void {
    const e = r.event;
    // Who acted, as each report tells it, and who each accusation blames.
    const accusations = e.claims.filter((c) => c.stance === 'accuses' && c.accused?.side);
    const blamed = new Set(accusations.map((c) => c.claimant?.name));
    const tellers = claimantsOf(r).filter((c) => !blamed.has(c));
    if (e.actor1?.side && tellers.length) this.initiator.add(e.actor1.side, tellers);
    for (const c of accusations) this.initiator.add(c.accused!.side, c.claimant?.name ? [c.claimant.name] : reportSources(r.article.outlet));
    if (e.fatalities !== null) this.fatalities.add(e.fatalities, outletOf(r));
    if (e.injured !== null) this.injured.add(e.injured, outletOf(r));
    if (e.date) this.dates.add(e.date, outletOf(r));
    for (const c of e.control ?? []) {
      const t = this.control.get(c.place) ?? new Tally();
      t.add(c.holder, c.claimant?.name ? [c.claimant.name] : reportSources(r.article.outlet));
      this.control.set(c.place, t);
    }
  }
  contradictions(): Contradiction[] {
    const out: Contradiction[] = [];
    for (const [field, t] of [['actor1', this.initiator], ['fatalities', this.fatalities], ['injured', this.injured]] as const) {
      const c = t.contradiction(field);
      if (c) out.push(c);
    }
    for (const place of [...this.control.keys()].sort()) {
      const c = this.control.get(place)!.contradiction(`control:${place}`);
      if (c) out.push(c);
    }
    // Dates a day apart are one episode told from two ends; say so only when reports disagree more.
    const d = this.dates.contradiction('date');
    if (d) {
      const days = d.values.map((v) => Date.parse(String(v.value)));
      if (Math.max(...days) - Math.min(...days) > 86_400_000) out.push(d);
    }
    return out;
  }
  toJSON(): TalliesJson {
    return {
      initiator: this.initiator.toJSON(),
      fatalities: this.fatalities.toJSON(),
      injured: this.injured.toJSON(),
      dates: this.dates.toJSON(),
      control: [...this.control.entries()].map(([place, t]) => [place, t.toJSON()] as const),
    };
  }
}

/** The contradictions among `reports` (superseded reports already removed). */
export function findContradictions(reports: readonly Report[]): Contradiction[] {
  const tallies = new Tallies();
  for (const r of reports) tallies.add(r);
  return tallies.contradictions();
}
