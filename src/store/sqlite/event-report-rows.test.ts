/**
 * A merged event's report rows (#15): a report joining an event of hundreds is one row written,
 * wherever its key sorts, and the event still reads back with its reports in key order.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventReport, MergedEvent } from '../records.js';
import { makeEvent, makeExtraction } from '../testing/extraction-fixtures.js';
import { SqliteStore } from './sqlite-store.js';

const byKey = (a: EventReport, b: EventReport) => {
  const ka = `${a.article_id}#${a.event_id}`;
  const kb = `${b.article_id}#${b.event_id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function merged(reports: EventReport[]): MergedEvent {
  const { id: _id, field_spans: _f, rules: _r, control: _c, ...fields } = makeEvent('e1');
  return { ...fields, id: 'm1', story_id: null, reports: [...reports].sort(byKey), sources: reports.length, contradictions: [] };
}

describe('SQLite event report rows', () => {
  let store: SqliteStore;
  const changes = () => (store.database.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    await store.migrate();
    // Ids that sort between each other: copy-1, copy-10, copy-100, copy-101, ... copy-2, ...
    for (let i = 0; i <= 300; i++) await store.saveExtraction(makeExtraction(`copy-${i}`), { contentHash: `h${i}` });
  });
  afterEach(async () => {
    await store.close();
  });

  it('writes one row for a report that sorts between others, and keeps key order', async () => {
    const reports = Array.from({ length: 300 }, (_, i) => ({ article_id: `copy-${i === 10 ? 300 : i}`, event_id: 'e1' }));
    await store.replaceMergedEvents([], [merged(reports)]);
    const joined = merged([...reports, { article_id: 'copy-10', event_id: 'e1' }]);
    const before = changes();
    await store.replaceMergedEvents(['m1'], [joined]);
    // the event row and one report row
    expect(changes() - before).toBe(2);
    expect((await store.getEvent('m1'))!.reports).toStrictEqual(joined.reports);

    // a report leaving is one row deleted
    const left = merged(joined.reports.filter((r) => r.article_id !== 'copy-2'));
    const mid = changes();
    await store.replaceMergedEvents(['m1'], [left]);
    expect(changes() - mid).toBe(2);
    expect((await store.getEvent('m1'))!.reports).toStrictEqual(left.reports);
    expect((await store.listEventOutlines())[0]!.reports).toStrictEqual(left.reports);
  });
});
