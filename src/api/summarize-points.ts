/**
 * Aggregates over event points for the web page, so it never has to load every event: map
 * clusters on a degree grid, counts per week (the timeline), ceasefire violations per week and
 * accused side, and places with their event counts.
 */
import type { EventAggregates, EventPoint } from '../store/records.js';
import { blamedSides } from '../report/ceasefire-attribution.js';

/** One map cluster: the events whose location falls in one grid cell. */
export interface MapCell {
  /** Mean position of its events. */
  readonly lat: number;
  readonly lon: number;
  readonly count: number;
  readonly fatalities: number;
  /** The most frequent event type in the cell. */
  readonly top_type: string;
  readonly types: Readonly<Record<string, number>>;
  /** The bounding box of its events: `[west, south, east, north]`. */
  readonly bbox: readonly [number, number, number, number];
  /** The event id when the cell holds exactly one event. */
  readonly event_id: string | null;
  /** The place name when all its events share one. */
  readonly place: string | null;
}

/** Events of one ISO week (weeks start on Monday, `week` is that Monday). */
export interface WeekCount {
  readonly week: string;
  readonly count: number;
  readonly fatalities: number;
}

/** Ceasefire violations of one week blamed on one side (`UNKNOWN` when no claim names a side). */
export interface CeasefireCount {
  readonly week: string;
  readonly side: string;
  readonly count: number;
}

/** What `GET /api/summary` returns. */
export interface Summary {
  readonly total: number;
  readonly located: number;
  readonly undated: number;
  readonly fatalities: number;
  readonly first_date: string | null;
  readonly last_date: string | null;
  readonly cell_degrees: number;
  readonly cells: readonly MapCell[];
  readonly weeks: readonly WeekCount[];
  readonly ceasefire: readonly CeasefireCount[];
  readonly types: Readonly<Record<string, number>>;
  readonly sides: Readonly<Record<string, number>>;
}

const DAY_MS = 86_400_000;
const weeks = new Map<string, string>();

/** The Monday (`YYYY-MM-DD`) of the ISO week containing `date` (memoized: few distinct dates). */
export function weekOf(date: string): string {
  let week = weeks.get(date);
  if (week === undefined) {
    const t = Date.parse(`${date}T00:00:00Z`);
    const dow = (new Date(t).getUTCDay() + 6) % 7;
    week = new Date(t - dow * DAY_MS).toISOString().slice(0, 10);
    if (weeks.size < 100_000) weeks.set(date, week);
  }
  return week;
}

type Cell = EventAggregates['cells'][number];
const inc = (m: Map<string, number>, k: string, n = 1): void => {
  m.set(k, (m.get(k) ?? 0) + n);
};

/** The {@link EventAggregates} of `points` (what `Store.aggregateEvents` computes in the database). */
export function aggregatePoints(points: readonly EventPoint[], cellDegrees: number): EventAggregates {
  const cells = new Map<string, { -readonly [K in keyof Cell]: Cell[K] }>();
  const days = new Map<string, { date: string; count: number; fatalities: number }>();
  const ceasefire = new Map<string, number>();
  const types = new Map<string, number>();
  const sides = new Map<string, number>();
  let located = 0;
  let undated = 0;
  let fatalities = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const p of points) {
    const f = p.fatalities ?? 0;
    fatalities += f;
    inc(types, p.event_type);
    if (p.side1) inc(sides, p.side1);
    if (p.side2 && p.side2 !== p.side1) inc(sides, p.side2);
    if (p.date === null) {
      undated++;
    } else {
      if (first === null || p.date < first) first = p.date;
      const end = p.date_end ?? p.date;
      if (last === null || end > last) last = end;
      const d = days.get(p.date) ?? { date: p.date, count: 0, fatalities: 0 };
      d.count++;
      d.fatalities += f;
      days.set(p.date, d);
      if (p.ceasefire_violation) for (const side of blamedSides(p)) inc(ceasefire, `${p.date}|${side}`);
    }
    if (p.lat === null || p.lon === null) continue;
    located++;
    const gx = Math.floor(p.lon / cellDegrees);
    const gy = Math.floor(p.lat / cellDegrees);
    const key = `${gx}:${gy}:${p.event_type}`;
    const c = cells.get(key);
    if (c === undefined) {
      cells.set(key, {
        gx, gy, event_type: p.event_type, count: 1, fatalities: f, lat_sum: p.lat, lon_sum: p.lon, west: p.lon, south: p.lat, east: p.lon, north: p.lat,
        first_id: p.id, place_min: p.place_name, place_max: p.place_name,
      });
      continue;
    }
    c.count++;
    c.fatalities += f;
    c.lat_sum += p.lat;
    c.lon_sum += p.lon;
    c.west = Math.min(c.west, p.lon);
    c.east = Math.max(c.east, p.lon);
    c.south = Math.min(c.south, p.lat);
    c.north = Math.max(c.north, p.lat);
    if (p.id < c.first_id) c.first_id = p.id;
    if (p.place_name !== null) {
      if (c.place_min === null || p.place_name < c.place_min) c.place_min = p.place_name;
      if (c.place_max === null || p.place_name > c.place_max) c.place_max = p.place_name;
    }
  }
  return {
    total: points.length, located, undated, fatalities, first_date: first, last_date: last,
    cells: [...cells.values()],
    days: [...days.values()],
    ceasefire: [...ceasefire.entries()].map(([k, count]) => {
      const at = k.indexOf('|');
      return { date: k.slice(0, at), side: k.slice(at + 1), count };
    }),
    types: [...types.entries()].map(([event_type, count]) => ({ event_type, count })),
    sides: [...sides.entries()].map(([side, count]) => ({ side, count })),
  };
}

/** The page's {@link Summary} from aggregates with `cellDegrees` cells. */
export function summarize(agg: EventAggregates, cellDegrees: number): Summary {
  const cells = new Map<string, { lat: number; lon: number; count: number; fatalities: number; types: Record<string, number>; bbox: [number, number, number, number]; first: string; placeMin: string | null; placeMax: string | null }>();
  for (const r of agg.cells) {
    const key = `${r.gx}:${r.gy}`;
    const c = cells.get(key);
    if (c === undefined) {
      cells.set(key, { lat: r.lat_sum, lon: r.lon_sum, count: r.count, fatalities: r.fatalities, types: { [r.event_type]: r.count }, bbox: [r.west, r.south, r.east, r.north], first: r.first_id, placeMin: r.place_min, placeMax: r.place_max });
      continue;
    }
    c.lat += r.lat_sum;
    c.lon += r.lon_sum;
    c.count += r.count;
    c.fatalities += r.fatalities;
    c.types[r.event_type] = (c.types[r.event_type] ?? 0) + r.count;
    c.bbox = [Math.min(c.bbox[0], r.west), Math.min(c.bbox[1], r.south), Math.max(c.bbox[2], r.east), Math.max(c.bbox[3], r.north)];
    if (r.first_id < c.first) c.first = r.first_id;
    if (c.placeMin === null || (r.place_min !== null && r.place_min < c.placeMin)) c.placeMin = r.place_min;
    if (c.placeMax === null || (r.place_max !== null && r.place_max > c.placeMax)) c.placeMax = r.place_max;
  }
  const weekly = new Map<string, { count: number; fatalities: number }>();
  for (const d of agg.days) {
    const w = weekly.get(weekOf(d.date)) ?? { count: 0, fatalities: 0 };
    w.count += d.count;
    w.fatalities += d.fatalities;
    weekly.set(weekOf(d.date), w);
  }
  const blamed = new Map<string, number>();
  for (const r of agg.ceasefire) inc(blamed, `${weekOf(r.date)}|${r.side}`, r.count);
  const round = (x: number): number => Math.round(x * 1e5) / 1e5;
  return {
    total: agg.total,
    located: agg.located,
    undated: agg.undated,
    fatalities: agg.fatalities,
    first_date: agg.first_date,
    last_date: agg.last_date,
    cell_degrees: cellDegrees,
    cells: [...cells.values()]
      .map((c) => ({
        lat: round(c.lat / c.count),
        lon: round(c.lon / c.count),
        count: c.count,
        fatalities: c.fatalities,
        top_type: Object.entries(c.types).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0],
        types: c.types,
        bbox: c.bbox,
        event_id: c.count === 1 ? c.first : null,
        place: c.placeMin !== null && c.placeMin === c.placeMax ? c.placeMin : null,
      }))
      .sort((a, b) => b.count - a.count || a.lon - b.lon || a.lat - b.lat),
    weeks: [...weekly.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([week, w]) => ({ week, ...w })),
    ceasefire: [...blamed.entries()]
      .map(([k, count]) => {
        const at = k.indexOf('|');
        return { week: k.slice(0, at), side: k.slice(at + 1), count };
      })
      .sort((a, b) => a.week.localeCompare(b.week) || a.side.localeCompare(b.side)),
    types: Object.fromEntries(agg.types.map((t) => [t.event_type, t.count])),
    sides: Object.fromEntries(agg.sides.map((t) => [t.side, t.count])),
  };
}

/** Summarizes `points` with map cells of `cellDegrees` (> 0) degrees. */
export function summarizePoints(points: readonly EventPoint[], cellDegrees: number): Summary {
  return summarize(aggregatePoints(points, cellDegrees), cellDegrees);
}

/** A place with the events located there. */
export interface PlaceCount {
  readonly name: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly events: number;
  readonly fatalities: number;
  readonly first_date: string | null;
  readonly last_date: string | null;
}

/** Places of `points` (by name and position), most events first, then by name. */
export function placesOf(points: readonly EventPoint[]): PlaceCount[] {
  const places = new Map<string, { name: string; lat: number | null; lon: number | null; events: number; fatalities: number; first_date: string | null; last_date: string | null }>();
  for (const p of points) {
    if (p.place_name === null) continue;
    const key = `${p.place_name}|${p.lat}|${p.lon}`;
    let acc = places.get(key);
    if (acc === undefined) {
      acc = { name: p.place_name, lat: p.lat, lon: p.lon, events: 0, fatalities: 0, first_date: null, last_date: null };
      places.set(key, acc);
    }
    acc.events++;
    acc.fatalities += p.fatalities ?? 0;
    if (p.date !== null) {
      if (acc.first_date === null || p.date < acc.first_date) acc.first_date = p.date;
      if (acc.last_date === null || p.date > acc.last_date) acc.last_date = p.date;
    }
  }
  return [...places.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
}
