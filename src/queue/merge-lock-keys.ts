/**
 * Which merge neighbourhoods an article touches, for the advisory locks that serialize merges
 * (see `PostgresStore.lockMerge`). Two workers merging reports of the same event must take a
 * common key; workers on unrelated theatres should not wait for each other.
 */
import type { ExtractionResult } from '../model/extraction.js';

/** A theatre as far as locking is concerned: its id and the countries (ISO alpha-3) it covers. */
export interface LockTheatre {
  readonly id: string;
  readonly countries: readonly string[];
}

/** Returns the sorted lock keys for one article's extraction. */
export type MergeLockKeys = (result: ExtractionResult) => string[];

/**
 * Keys by theatre: `theatre:<id>` for every theatre whose countries include a side or location
 * country of one of the article's events. An article that names none (no events, or only
 * countries outside every theatre) takes every theatre key plus `other`: its update may remove
 * reports from merged events of any theatre. Keys are sorted so that every worker takes them in
 * the same order (no deadlock).
 *
 * @example
 * ```ts
 * const keys = theatreLockKeys([{ id: 'nagorno-karabakh', countries: ['ARM', 'AZE'] }]);
 * keys(result); // ['theatre:nagorno-karabakh']
 * ```
 */
export function theatreLockKeys(theatres: readonly LockTheatre[]): MergeLockKeys {
  const byCountry = new Map<string, string[]>();
  for (const t of theatres) {
    for (const c of t.countries) byCountry.set(c, [...(byCountry.get(c) ?? []), `theatre:${t.id}`]);
  }
  const everything = [...new Set(theatres.map((t) => `theatre:${t.id}`)), 'other'].sort();
  return (result) => {
    const keys = new Set<string>();
    for (const e of result.events) {
      for (const code of [e.actor1?.side, e.actor2?.side, e.actor1?.country, e.actor2?.country, e.location?.country]) {
        if (code) for (const k of byCountry.get(code) ?? []) keys.add(k);
      }
    }
    return keys.size === 0 ? everything : [...keys].sort();
  };
}
