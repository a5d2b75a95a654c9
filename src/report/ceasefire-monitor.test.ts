import { describe, expect, it } from 'vitest';
import { ceasefireReports, weekOf } from './ceasefire-monitor.js';
import type { CeasefireEntry } from '../packs/types.js';
import type { MergedEvent } from '../store/records.js';

const truce: CeasefireEntry = { id: 'cf:test', name: 'Test truce', start: '2021-01-10', end: '2021-03-01', parties: ['ARM', 'AZE'], brokers: ['RUS'], note: 'made up' };

function event(id: string, date: string, side: string | null, place: string, accused?: string): MergedEvent {
  return {
    id, story_id: null, event_type: 'Battles', sub_event_type: 'Armed clash', date, date_end: null, date_precision: 'day', date_source: 'text',
    actor1: side ? { name: side, side, country: side, inter: 1 } : null, actor2: null,
    location: { name: place, source_text: place, country: 'AZE', admin1: null, admin2: null, lat: 39.8, lon: 46.7, geo_precision: 1 },
    fatalities: null, injured: null, ceasefire_violation: true, background: false,
    claims: accused ? [{ claimant: { name: 'x', side: 'AZE', country: 'AZE', inter: 1 }, stance: 'accuses', hedged: false, evidence: { start: 0, end: 1, text: 'x' }, accused: { name: accused, side: accused, country: accused, inter: 1 } }] : [],
    evidence: [], reports: [], sources: 1, contradictions: [],
  };
}

describe('ceasefire monitor', () => {
  it('counts violations in force by accused side, place and week', () => {
    const [r] = ceasefireReports([truce], [
      event('a', '2021-01-11', 'AZE', 'Khtsaberd', 'ARM'),
      event('b', '2021-01-12', 'AZE', 'Khtsaberd'),
      event('c', '2021-02-20', null, 'Shusha'),
      event('d', '2021-01-10', 'AZE', 'Shusha'), // the day it took effect: not a violation of it
      event('e', '2021-04-01', 'AZE', 'Shusha'), // after it ended
    ]);
    expect(r!.violations).toBe(3);
    expect(r!.by_accused_side).toEqual({ AZE: 2, ARM: 1, UNKNOWN: 1 });
    expect(r!.by_place).toEqual({ Khtsaberd: 2, Shusha: 1 });
    expect(r!.by_week).toEqual({ '2021-01-11': 2, '2021-02-15': 1 });
    expect(r!.event_ids).toEqual(['a', 'b', 'c']);
  });
  it('weeks start on Monday', () => {
    expect(weekOf('2020-12-12')).toBe('2020-12-07');
    expect(weekOf('2020-12-07')).toBe('2020-12-07');
  });
});
