import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleStore, sampleEvents } from '../api/testing/sample-store.js';
import type { MergedEvent } from '../store/records.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { readFileSync } from 'node:fs';
import { ACLED_COLUMNS, CSV_COLUMNS, acledValues, csvField, eventFromAcledRecord, interaction } from './acled-csv.js';
import { exportEvents } from './export-events.js';
import { iterateEvents } from './iterate-events.js';

let store: SqliteStore;
beforeAll(async () => {
  store = await openSampleStore();
});
afterAll(async () => {
  await store.close();
});

const collect = async (format: 'acled-csv' | 'geojson' | 'jsonl', filter = {}): Promise<string> => {
  let text = '';
  for await (const chunk of exportEvents(store, format, filter)) text += chunk;
  return text;
};

/** What the CSV keeps of an event: actors and places without pack ids, spans or aliases. */
function normalized(e: MergedEvent): MergedEvent {
  return {
    ...e,
    actor1: e.actor1 && { name: e.actor1.name, side: e.actor1.side, country: e.actor1.country, inter: e.actor1.inter },
    actor2: e.actor2 && { name: e.actor2.name, side: e.actor2.side, country: e.actor2.country, inter: e.actor2.inter },
    location: e.location && {
      name: e.location.name,
      source_text: e.location.source_text,
      country: e.location.country,
      admin1: e.location.admin1,
      admin2: e.location.admin2,
      lat: e.location.lat,
      lon: e.location.lon,
      geo_precision: e.location.geo_precision,
    },
  };
}

describe('ACLED CSV export', () => {
  it('starts with the columns ACLED publishes in their order (fixture), then the sitrep_ columns', async () => {
    const text = await collect('acled-csv');
    const header = text.split('\r\n')[0]!.split(',');
    const published = readFileSync(new URL('../../test/fixtures/acled-columns.csv', import.meta.url), 'utf8').trim().split(',');
    expect(header.slice(0, published.length)).toEqual(published);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(header.slice(ACLED_COLUMNS.length).every((c) => c.startsWith('sitrep_'))).toBe(true);
  });

  it('round-trips: csv-parse reads back the same events', async () => {
    const text = await collect('acled-csv', { includeBackground: true });
    const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const expected = (await store.listEvents({ includeBackground: true })).map(normalized);
    expect(records).toHaveLength(6);
    expect(records.map(eventFromAcledRecord)).toStrictEqual(expected);
  });

  it('fills ACLED fields the ACLED way', async () => {
    const records = parse(await collect('acled-csv'), { columns: true }) as Record<string, string>[];
    const m1 = records.find((r) => r.sitrep_id === 'm1')!;
    expect(m1).toMatchObject({
      event_date: '2021-03-01', year: '2021', time_precision: '1', disorder_type: 'Political violence', inter1: '1', inter2: '1', interaction: '11',
      civilian_targeting: '', iso: '31', region: 'Caucasus and Central Asia',
      country: 'Azerbaijan', location: 'Fakeville', latitude: '39.5', longitude: '46.75', geo_precision: '1',
      source: 'Beta Daily; Example Wire', source_scale: '', fatalities: '1', tags: 'ceasefire violation',
    });
    // ACLED-style id: the country's ISO alpha-3 and a number, the same in every export of the store.
    expect(m1.event_id_cnty).toMatch(/^AZE\d+$/);
    const again = parse(await collect('acled-csv'), { columns: true }) as Record<string, string>[];
    expect(again.map((r) => r.event_id_cnty)).toEqual(records.map((r) => r.event_id_cnty));
    expect(new Set(records.map((r) => r.event_id_cnty)).size).toBe(records.length);
    // Unix seconds of the latest storing of a reporting article.
    const stored = Math.max(...(await store.listArticles()).filter((a) => ['a1', 'a2'].includes(a.id)).map((a) => Date.parse(a.ingested_at) / 1000));
    expect(Number(m1.timestamp)).toBe(Math.floor(stored));
    const m5 = records.find((r) => r.sitrep_id === 'm5')!;
    expect(m5).toMatchObject({ event_date: '', year: '', fatalities: '0', sitrep_fatalities_known: 'false', country: 'Georgia', iso: '268', region: 'Caucasus and Central Asia', disorder_type: 'Strategic developments', source: '' });
    expect(records.find((r) => r.sitrep_id === 'm4')).toMatchObject({ interaction: '10', actor2: '', location: '', country: 'Armenia', iso: '51' });
  });

  it('names the claimants as the source of a report without an outlet, never an article id', () => {
    const [m3] = sampleEvents().filter((e) => e.id === 'm3');
    const claims = m3!.claims.map((c) => ({ ...c, article_id: 'a2' }));
    const event = { ...m3!, claims, actor2: { name: 'Civilians (Armenia)', side: 'CIV', country: 'ARM', inter: 7 } };
    const values = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, acledValues(event, () => ({ outlet: null, ingested_at: '2021-03-10T00:00:00Z' }))[i]]));
    expect(values.source).toBe('Local officials');
    expect(values.civilian_targeting).toBe('Civilian targeting');
    expect(values.timestamp).toBe(String(Date.parse('2021-03-10T00:00:00Z') / 1000));
    expect(values.disorder_type).toBe('Political violence');
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(interaction(null, 2)).toBe('');
    expect(interaction(3, 1)).toBe('13');
  });
});

describe('GeoJSON export', () => {
  it('is a valid FeatureCollection with [lon, lat] points and null geometry for unlocated events', async () => {
    const doc = JSON.parse(await collect('geojson')) as {
      type: string;
      features: { type: string; id: string; geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }[];
    };
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features.map((f) => f.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    for (const f of doc.features) {
      expect(f.type).toBe('Feature');
      if (f.geometry !== null) {
        expect(f.geometry.type).toBe('Point');
        const [lon, lat] = f.geometry.coordinates as [number, number];
        expect(lon).toBeGreaterThanOrEqual(-180);
        expect(lat).toBeLessThanOrEqual(90);
      }
      for (const v of Object.values(f.properties)) expect(['string', 'number', 'boolean', 'object'].includes(typeof v)).toBe(true);
    }
    expect(doc.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [46.75, 39.5] });
    expect(doc.features[0]!.properties).toMatchObject({ event_type: 'Explosions/Remote violence', actor1_side: 'ARM', disputed: 'fatalities', sources: 2 });
    expect(doc.features[3]!.geometry).toBeNull();
  });

  it('is valid JSON for an empty selection', async () => {
    expect(JSON.parse(await collect('geojson', { side: 'NONE' }))).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('JSONL export and paging', () => {
  it('prints one merged event per line, filtered', async () => {
    const lines = (await collect('jsonl', { side: 'AZE', ceasefireViolation: true })).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as MergedEvent).id)).toEqual(['m1', 'm2']);
    expect(JSON.parse(lines[0]!)).toStrictEqual(sampleEvents()[0]);
  });

  it('iterates across pages without losing or repeating events, honouring limit', async () => {
    const ids: string[] = [];
    for await (const e of iterateEvents(store, { includeBackground: true }, 2)) ids.push(e.id);
    expect(ids).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    const capped: string[] = [];
    for await (const e of iterateEvents(store, { limit: 3 }, 2)) capped.push(e.id);
    expect(capped).toEqual(['m1', 'm2', 'm3']);
  });
});
