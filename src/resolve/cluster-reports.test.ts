/**
 * Bounded neighbourhoods (#15): a town shelled every day for a month is one chain of compatible
 * reports; the neighbourhood of a new report stays inside its fixed window, and complete link
 * over many copies of one report is one event.
 */
import { describe, expect, it } from 'vitest';
import { shiftDay } from '../model/calendar.js';
import { makeEvent } from '../store/testing/extraction-fixtures.js';
import { clusterReports, connectedReports, indexReports } from './cluster-reports.js';
import { reportsCompatible } from './compatible-reports.js';
import { reportKey, type Report } from './report.js';

function report(article: string, date: string, overrides: Parameters<typeof makeEvent>[1] = {}): Report {
  const event = makeEvent('e1', { date, ...overrides });
  return { key: reportKey(article, 'e1'), article: { id: article, outlet: article, published: date, title: null, sourceKey: article }, event };
}

describe('connectedReports', () => {
  // Two reports a day of one place for 30 days: each day's reports are compatible with the day
  // before and after, so the whole month is one connected chain.
  const month = Array.from({ length: 30 }, (_, d) => [report(`a${d}`, shiftDay('2021-03-01', d)), report(`b${d}`, shiftDay('2021-03-01', d))]).flat();
  const index = indexReports(month);

  it('stays inside the fixed window however long the chain', () => {
    const seed = report('new', '2021-03-15');
    const window = [{ from: '2021-03-12', to: '2021-03-18' }];
    const members = connectedReports([seed], index, window);
    const dates = members.filter((r) => r !== seed).map((r) => r.event.date!);
    expect(new Set(dates)).toEqual(new Set(Array.from({ length: 7 }, (_, d) => shiftDay('2021-03-12', d))));
  });

  it('does not join a report of another kind or further than a day', () => {
    const seed = report('new', '2021-03-15', { event_type: 'Battles', sub_event_type: 'Armed clash' });
    expect(connectedReports([seed], index, [{ from: '2021-03-01', to: '2021-03-30' }])).toEqual([seed]);
  });

  it('stops growing at the cap', () => {
    const seed = report('new', '2021-03-15');
    expect(connectedReports([seed], index, [{ from: '2021-03-01', to: '2021-03-30' }], 10).length).toBeLessThanOrEqual(12);
  });
});

describe('connectedReports, kind by kind', () => {
  // The component a report-by-report search finds: every pair compared.
  function bruteComponent(seeds: readonly Report[], pool: readonly Report[], window: { from: string; to: string }): Set<string> {
    const inside = new Map(seeds.map((r) => [r.key, r]));
    const frontier = [...seeds];
    while (frontier.length) {
      const r = frontier.pop()!;
      for (const p of pool) {
        if (inside.has(p.key) || p.event.date === null || p.event.date < window.from || p.event.date > window.to) continue;
        if (reportsCompatible(r, p)) {
          inside.set(p.key, p);
          frontier.push(p);
        }
      }
    }
    return new Set(inside.keys());
  }

  it('reaches a second report of the seed article through a report of another article of the same kind', () => {
    const seed = report('x', '2021-03-01');
    const other = report('y', '2021-03-01');
    const second = { ...report('x', '2021-03-01'), key: reportKey('x', 'e2') };
    const found = connectedReports([seed], indexReports([seed, other, second]), [{ from: '2021-02-28', to: '2021-03-02' }]);
    expect(found.map((r) => r.key).sort()).toEqual([seed.key, second.key, other.key].sort());
  });

  it('finds the same component as comparing every pair (copies, several reports per article, nearby days and kinds)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const pool: Report[] = [];
      for (let a = 0; a < 60; a++) {
        for (let e = 0; e < 1 + Math.floor(rand() * 2); e++) {
          const date = shiftDay('2021-03-10', Math.floor(rand() * 5));
          const kind = rand() < 0.7 ? {} : { event_type: 'Battles' as const, sub_event_type: 'Armed clash' };
          const place = rand() < 0.8 ? {} : { location: { name: 'Far', source_text: 'Far', country: 'ARM', admin1: null, admin2: null, lat: 41.5, lon: 45, geo_precision: 1 as const } };
          const event = makeEvent(`e${e}`, { date, ...kind, ...place });
          pool.push({ key: reportKey(`a${a % 45}`, `e${e}-${a}`), article: { id: `a${a % 45}`, outlet: null, published: date, title: null, sourceKey: `a${a % 45}` }, event });
        }
      }
      const window = { from: '2021-03-10', to: '2021-03-13' };
      const seeds = [pool[Math.floor(rand() * pool.length)]!];
      const found = connectedReports(seeds, indexReports(pool), [window]);
      expect(new Set(found.map((r) => r.key))).toEqual(bruteComponent(seeds, pool, window));
    }
  });
});

describe('clusterReports', () => {
  it('makes one event of 2,000 copies of one report', () => {
    const copies = Array.from({ length: 2000 }, (_, i) => report(`copy-${String(i).padStart(4, '0')}`, '2021-03-01'));
    const clusters = clusterReports(copies);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toHaveLength(2000);
  });

  it('checks every distinct account of a cluster: a report a day off from one member stays out', () => {
    // Complete link: 'late' agrees with 'mid' (a day apart) but not with 'early' (two days).
    const early = report('early', '2021-03-01');
    const mid = report('mid', '2021-03-02');
    const copies = Array.from({ length: 50 }, (_, i) => report(`copy-${i}`, '2021-03-02'));
    const late = report('late', '2021-03-03');
    const clusters = clusterReports([late, ...copies, mid, early]);
    expect(clusters.map((c) => c.map((r) => r.article.id).sort()).find((c) => c.includes('early'))).not.toContain('late');
  });

  it('keeps two reports of one article apart and days two apart in two events', () => {
    const a = report('x', '2021-03-01');
    const sameArticle = { ...report('x', '2021-03-01'), key: reportKey('x', 'e2') };
    const later = report('y', '2021-03-03');
    const clusters = clusterReports([a, sameArticle, later]);
    expect(clusters).toHaveLength(3);
  });
});
