/**
 * Where the resolver looks for candidates: boxes of `km` around points, overlapping boxes joined.
 * Reading only these (with the store's `nearBox` filter) bounds the work per article by how busy
 * the surroundings are, not by how busy the whole theatre (or the world) is that week.
 */
import type { BBox } from '../store/store.js';

/** Boxes of `km` around each point, overlapping ones joined; null (anywhere) when a point is unknown. */
export function boxesAround(points: readonly ({ readonly lat: number | null; readonly lon: number | null } | null)[], km: number): BBox[] | null {
  const boxes: BBox[] = [];
  const dLat = km / 111;
  for (const p of points) {
    if (!p || p.lat === null || p.lon === null) return null;
    const dLon = km / (111 * Math.max(0.1, Math.cos((Math.min(89, Math.abs(p.lat) + dLat) * Math.PI) / 180)));
    boxes.push({ west: p.lon - dLon, east: p.lon + dLon, south: p.lat - dLat, north: p.lat + dLat });
  }
  // Join overlapping boxes until none overlap (a few points: quadratic is fine).
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < boxes.length && !merged; i++) {
      for (let j = i + 1; j < boxes.length && !merged; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north) {
          boxes[i] = { west: Math.min(a.west, b.west), east: Math.max(a.east, b.east), south: Math.min(a.south, b.south), north: Math.max(a.north, b.north) };
          boxes.splice(j, 1);
          merged = true;
        }
      }
    }
  }
  return boxes;
}
