/**
 * Query plans of the story reads on SQLite: a story may hold thousands of events, so a date
 * window of a story, and what remains of it without a window, must be read through the
 * (story_id, date) index and cost the window, not the story.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventFilterSql } from './event-filter-sql.js';
import { storyEdgeSql } from './sqlite-core.js';
import { SqliteStore } from './sqlite-store.js';

describe('story queries on SQLite', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
  });

  const plan = (sql: string, params: unknown): string[] =>
    (store.database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

  it('reads a story within a date window through the story and date index, bounded on both sides', () => {
    const f = eventFilterSql({ storyId: 's1', from: '2021-03-01', to: '2021-03-15' }, 'e', 'reports');
    const details = plan(`SELECT e.id FROM events e WHERE ${f.where} ORDER BY e.date IS NULL, e.date, e.id`, f.params);
    expect(details).toContain('SEARCH e USING INDEX events_story_date (story_id=? AND date>? AND date<?)');
    // Not the story alone (which reads every event of the story to test its date).
    expect(details.join('\n')).not.toMatch(/\(story_id=\?\)/);
  });

  it('finds the first and last events of a story outside a set by walking the index in date order', () => {
    for (const order of ['ASC', 'DESC'] as const) {
      const details = plan(storyEdgeSql(order), ['s1', '[]']);
      expect(details[0]).toMatch(/^SEARCH events USING INDEX events_story_date \(story_id=\? AND date>\?\)$/);
      expect(details.join('\n')).not.toMatch(/TEMP B-TREE/);
    }
  });
});
