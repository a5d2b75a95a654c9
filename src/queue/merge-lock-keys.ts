/**
 * Which merge neighbourhoods an article touches, for the advisory locks that serialize merges
 * (see `PostgresStore.lockMerge`). Two workers merging reports of the same event, or rewriting
 * the same stories, must take a common key; workers on unrelated theatres or on periods weeks
 * apart should not wait for each other.
 */
import { dayNumber } from '../model/calendar.js';
import type { ExtractionResult } from '../model/extraction.js';

/** A theatre as far as locking is concerned: its id and the countries (ISO alpha-3) it covers. */
export interface LockTheatre {
  readonly id: string;
  readonly countries: readonly string[];
}

/** One advisory lock: exclusive unless `shared`. */
export interface MergeLock {
  readonly key: string;
  readonly shared: boolean;
}

/**
 * Returns the locks for one article's extraction, in the order to take them. `fresh`: the article
 * is not stored yet, so it has no earlier merged events to leave.
 */
export type MergeLockKeys = (result: ExtractionResult, options?: { readonly fresh?: boolean }) => readonly MergeLock[];

/**
 * How many weeks on each side of an event's week its merge may read or rewrite: coreference
 * reaches a few days, story recomputation a week (`REACH_DAYS`) from the changed events, so two
 * articles whose writes can overlap have event dates at most two weeks apart, and their week
 * ranges (±2 weeks) then always share a week.
 */
export const LOCK_WEEKS = 2;

/**
 * Locks by theatre and week. For every theatre whose countries include a side or location
 * country of one of the article's events: the theatre key `theatre:<id>` shared, then one
 * exclusive key per week `theatre:<id>:w<n>` from LOCK_WEEKS before the first event week to
 * LOCK_WEEKS after the last. An article with an undated event of a theatre holds that theatre
 * exclusively (its merge is not bounded in time). An article that names no theatre country (no
 * events, or only countries outside every theatre) holds every theatre key plus `other`
 * exclusively: its update may remove reports from merged events anywhere.
 *
 * Background events (the history an article recalls: 'the war began on 7 October 2023') are
 * never merged, so those of a `fresh` article take no key when it has any other event: a recalled
 * date a year back would otherwise lock every week since, and a recalled country another theatre.
 * (An update keeps them: its earlier version may have told the same event as news.)
 *
 * Order: all theatre-level keys (sorted), then all week keys (sorted by theatre and week), so
 * every worker takes them in one global order and none can deadlock.
 *
 * @example
 * ```ts
 * const keys = theatreLockKeys([{ id: 'nagorno-karabakh', countries: ['ARM', 'AZE'] }]);
 * keys(result); // [{ key: 'theatre:nagorno-karabakh', shared: true }, { key: 'theatre:nagorno-karabakh:w2680', shared: false }, ...]
 * ```
 */
export function theatreLockKeys(theatres: readonly LockTheatre[]): MergeLockKeys {
  const byCountry = new Map<string, string[]>();
  for (const t of theatres) {
    for (const c of t.countries) byCountry.set(c, [...(byCountry.get(c) ?? []), t.id]);
  }
  const everything: MergeLock[] = [...new Set(theatres.map((t) => `theatre:${t.id}`)), 'other'].sort().map((key) => ({ key, shared: false }));
  return (result, options = {}) => {
    // theatre id → week range of its events, or null when one of them is undated
    const weeks = new Map<string, { from: number; to: number } | null>();
    const told = options.fresh === true && result.events.some((e) => !e.background) ? result.events.filter((e) => !e.background) : result.events;
    for (const e of told) {
      const ids = new Set<string>();
      for (const code of [e.actor1?.side, e.actor2?.side, e.actor1?.country, e.actor2?.country, e.location?.country]) {
        if (code) for (const id of byCountry.get(code) ?? []) ids.add(id);
      }
      const first = e.date ? Math.floor(dayNumber(e.date) / 7) : NaN;
      const last = e.date_end ? Math.floor(dayNumber(e.date_end) / 7) : first;
      for (const id of ids) {
        const had = weeks.get(id);
        if (had === null) continue;
        if (Number.isNaN(first) || Number.isNaN(last)) weeks.set(id, null);
        else weeks.set(id, had ? { from: Math.min(had.from, first), to: Math.max(had.to, last) } : { from: first, to: last });
      }
    }
    if (weeks.size === 0) return everything;
    const ids = [...weeks.keys()].sort();
    const locks: MergeLock[] = ids.map((id) => ({ key: `theatre:${id}`, shared: weeks.get(id) !== null }));
    for (const id of ids) {
      const range = weeks.get(id);
      if (!range) continue;
      // zero-padded so that string order is week order
      for (let w = range.from - LOCK_WEEKS; w <= range.to + LOCK_WEEKS; w++) locks.push({ key: `theatre:${id}:w${String(w).padStart(6, '0')}`, shared: false });
    }
    return locks;
  };
}
