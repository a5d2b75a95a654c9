import { describe, expect, it } from 'vitest';
import type { ArticleEvent } from '../model/event.js';
import { makeEvent, makeExtraction } from '../store/testing/extraction-fixtures.js';
import { LOCK_WEEKS, type MergeLock, theatreLockKeys } from './merge-lock-keys.js';

const keysOf = theatreLockKeys([
  { id: 'nk', countries: ['ARM', 'AZE'] },
  { id: 'ua', countries: ['UKR', 'RUS'] },
]);
const locks = (...events: ArticleEvent[]): MergeLock[] =>
  [...keysOf(makeExtraction('a', { events }))];
const freshLocks = (...events: ArticleEvent[]): MergeLock[] => [...keysOf(makeExtraction('a', { events }), { fresh: true })];
const at = (date: string | null, extra: Partial<ArticleEvent> = {}): ArticleEvent => makeEvent(`e-${date}`, { date, date_end: null, ...extra });
const exclusive = (ls: MergeLock[]): string[] => ls.filter((l) => !l.shared).map((l) => l.key);
const overlap = (a: MergeLock[], b: MergeLock[]): boolean => exclusive(a).some((k) => exclusive(b).includes(k));

describe('theatreLockKeys', () => {
  it('holds the theatre shared and the weeks around the event exclusively, theatre keys first', () => {
    const ls = locks(at('2020-12-12'));
    expect(ls[0]).toEqual({ key: 'theatre:nk', shared: true });
    expect(ls.slice(1).every((l) => !l.shared && l.key.startsWith('theatre:nk:w'))).toBe(true);
    expect(ls).toHaveLength(1 + 2 * LOCK_WEEKS + 1);
    const weekKeys = ls.slice(1).map((l) => l.key);
    expect(weekKeys).toEqual([...weekKeys].sort());
  });

  it('gives a common key to articles whose events are up to two weeks apart, and none a month apart', () => {
    const base = locks(at('2020-12-12'));
    for (const days of [0, 1, 6, 7, 13, 14]) {
      const other = new Date(Date.parse('2020-12-12') + days * 86_400_000).toISOString().slice(0, 10);
      expect(overlap(base, locks(at(other))), `${days} days apart`).toBe(true);
    }
    expect(overlap(base, locks(at('2021-01-20')))).toBe(false);
  });

  it('locks the whole theatre exclusively for an undated event, and everything when no theatre is named', () => {
    expect(locks(at(null))).toEqual([{ key: 'theatre:nk', shared: false }]);
    const nowhere = at('2020-12-12', { actor1: null, actor2: null, location: null });
    expect(locks(nowhere)).toEqual([
      { key: 'other', shared: false },
      { key: 'theatre:nk', shared: false },
      { key: 'theatre:ua', shared: false },
    ]);
  });

  it('takes no key for a background event beside a reported one in a new article', () => {
    const recalled = at('2020-09-27', { background: true, location: null, actor1: { name: 'Military Forces of Ukraine', side: 'UKR', country: 'UKR', inter: 1 }, actor2: null });
    expect(freshLocks(at('2021-06-01'), recalled)).toEqual(locks(at('2021-06-01')));
    // alone, or in an update (its earlier version may have told it as news), it still locks what it names
    expect(freshLocks(recalled).map((l) => l.key)[0]).toBe('theatre:ua');
    expect(locks(at('2021-06-01'), recalled).map((l) => l.key)).toContain('theatre:ua');
  });

  it('covers the weeks of a date range', () => {
    const ls = locks(at('2020-09-27', { date_end: '2020-11-10' }));
    expect(exclusive(ls).length).toBeGreaterThanOrEqual(7 + 2 * LOCK_WEEKS);
    expect(overlap(ls, locks(at('2020-11-20')))).toBe(true);
  });
});
