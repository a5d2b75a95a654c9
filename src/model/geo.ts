/** Great-circle distance, shared by geocoding, event merging and story clustering. */

/** Distance in km between two points (haversine, mean Earth radius 6371 km); Infinity when a coordinate is unknown. */
export function distanceKm(a: { lat: number | null; lon: number | null }, b: { lat: number | null; lon: number | null }): number {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return Infinity;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
