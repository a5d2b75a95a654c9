/**
 * GeoJSON export (RFC 7946): one FeatureCollection, a Point feature per event at `[lon, lat]`
 * with flat properties (what QGIS shows as an attribute table). Events without coordinates get
 * `geometry: null`, which RFC 7946 allows for unlocated features.
 */
import type { MergedEvent } from '../store/records.js';

/** A GeoJSON feature of one event. */
export interface EventFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] } | null;
  readonly properties: Readonly<Record<string, string | number | boolean | null>>;
}

/** The feature of one event. */
export function toFeature(e: MergedEvent): EventFeature {
  const loc = e.location;
  const located = loc !== null && loc.lat !== null && loc.lon !== null;
  return {
    type: 'Feature',
    id: e.id,
    geometry: located ? { type: 'Point', coordinates: [loc.lon!, loc.lat!] } : null,
    properties: {
      id: e.id,
      event_date: e.date,
      date_end: e.date_end,
      date_precision: e.date_precision,
      event_type: e.event_type,
      sub_event_type: e.sub_event_type,
      actor1: e.actor1?.name ?? null,
      actor1_side: e.actor1?.side ?? null,
      actor2: e.actor2?.name ?? null,
      actor2_side: e.actor2?.side ?? null,
      location: loc?.name ?? null,
      country: loc?.country ?? null,
      admin1: loc?.admin1 ?? null,
      admin2: loc?.admin2 ?? null,
      geo_precision: loc?.geo_precision ?? null,
      fatalities: e.fatalities,
      injured: e.injured,
      ceasefire_violation: e.ceasefire_violation,
      background: e.background,
      story_id: e.story_id,
      sources: e.sources,
      reports: e.reports.length,
      disputed: e.contradictions.map((c) => c.field).join(', ') || null,
      notes: e.evidence.map((s) => s.text.replace(/\s+/g, ' ').trim()).join(' | ') || null,
    },
  };
}

/** The FeatureCollection text, streamed feature by feature. */
export async function* geojsonChunks(events: AsyncIterable<MergedEvent>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  let batch = '';
  let n = 0;
  for await (const e of events) {
    batch += (first ? '\n' : ',\n') + JSON.stringify(toFeature(e));
    first = false;
    if (++n % 500 === 0) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}\n]}\n`;
}
