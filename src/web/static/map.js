// The map: Natural Earth countries (world-atlas, served locally) drawn with d3-geo, and
// clustered event markers from /api/summary, coloured by type and sized by toll.
/* global d3, topojson */
import { clear, svg } from './dom.js';
import { typeColor } from './colors.js';

/** The theatre's default view: Armenia, Azerbaijan and around (lon/lat). */
const THEATRE = [[43.4, 38.2], [50.6, 42.0]];

/** Cluster cell size (degrees) at zoom 1. */
export const BASE_CELL = 0.2;

export function createMap(root, { onEvent, onCluster, onViewChange }) {
  const world = svg('g', { class: 'world' });
  const markers = svg('g', { class: 'markers' });
  root.append(world, markers);
  let width = root.clientWidth || 800;
  let height = root.clientHeight || 600;
  const projection = d3.geoMercator();
  const view = { k: 1, x: 0, y: 0 };
  let cells = [];
  let cellDegrees = BASE_CELL;
  let settle = null;

  const fit = (box) => {
    const [[w, s], [e, n]] = box;
    projection.fitExtent([[20, 20], [width - 20, height - 20]], { type: 'MultiPoint', coordinates: [[w, s], [e, n]] });
  };
  fit(THEATRE);

  /** Screen position of [lon, lat] with the current zoom. */
  const project = (lonLat) => {
    const p = projection(lonLat);
    return [p[0] * view.k + view.x, p[1] * view.k + view.y];
  };

  // Fetched at once, in parallel with the first data requests.
  const topoPromise = fetch('/vendor/countries-50m.json').then((r) => r.json());
  async function loadWorld() {
    const topo = await topoPromise;
    const features = topojson.feature(topo, topo.objects.countries).features.filter((f) => {
      const [[w, s], [e, n]] = d3.geoBounds(f);
      return w < 75 && e > 20 && s < 55 && n > 25 && w <= e;
    });
    const path = d3.geoPath(projection);
    for (const f of features) world.append(svg('path', { class: 'land', d: path(f), 'data-name': f.properties.name }));
  }

  function applyView() {
    world.setAttribute('transform', `translate(${view.x},${view.y}) scale(${view.k})`);
    drawMarkers();
  }

  function drawMarkers() {
    clear(markers);
    const labelled = cells.length <= 60;
    // Sized by toll (events and killed) relative to the biggest cluster, never wider than a cell.
    const weight = (c) => c.count + c.fatalities;
    const maxWeight = Math.max(1, ...cells.map(weight));
    const cellPx = cells.length ? Math.abs(project([cells[0].lon + cellDegrees, cells[0].lat])[0] - project([cells[0].lon, cells[0].lat])[0]) : 20;
    const maxR = Math.max(7, Math.min(36, cellPx * 0.6));
    for (const c of cells) {
      const [x, y] = project([c.lon, c.lat]);
      if (x < -50 || y < -50 || x > width + 50 || y > height + 50) continue;
      const r = Math.max(4, maxR * Math.sqrt(weight(c) / maxWeight));
      const title = `${c.place ?? 'cluster'}: ${c.count} event(s), ${c.fatalities} killed; ${Object.entries(c.types).map(([t, n]) => `${t} ${n}`).join(', ')}`;
      const circle = svg('circle', {
        class: 'marker', cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: typeColor(c.top_type),
        'data-lat': c.lat, 'data-lon': c.lon, 'data-count': c.count, 'data-type': c.top_type, 'data-place': c.place ?? '', 'data-event': c.event_id ?? '',
      }, svg('title', {}, title));
      circle.addEventListener('click', (ev) => {
        ev.stopPropagation();
        if (c.event_id) onEvent(c.event_id);
        else onCluster(c);
      });
      markers.append(circle);
      if (c.count > 1) markers.append(svg('text', { class: 'count', x: x.toFixed(1), y: y.toFixed(1) }, c.count > 999 ? `${Math.round(c.count / 100) / 10}k` : c.count));
      if (labelled && c.place) markers.append(svg('text', { class: 'label', x: (x + r + 3).toFixed(1), y: (y + 4).toFixed(1) }, c.place));
    }
  }

  function zoomAt(factor, cx, cy) {
    const k = Math.max(0.5, Math.min(200, view.k * factor));
    const f = k / view.k;
    view.x = cx - (cx - view.x) * f;
    view.y = cy - (cy - view.y) * f;
    view.k = k;
    applyView();
    clearTimeout(settle);
    settle = setTimeout(() => onViewChange(view.k), 250);
  }

  root.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const rect = root.getBoundingClientRect();
    zoomAt(ev.deltaY < 0 ? 1.25 : 0.8, ev.clientX - rect.left, ev.clientY - rect.top);
  }, { passive: false });
  let drag = null;
  root.addEventListener('pointerdown', (ev) => {
    if (ev.target.classList && ev.target.classList.contains('marker')) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
    root.setPointerCapture(ev.pointerId);
  });
  root.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    view.x = drag.vx + ev.clientX - drag.x;
    view.y = drag.vy + ev.clientY - drag.y;
    applyView();
  });
  root.addEventListener('pointerup', () => { drag = null; });

  return {
    loadWorld,
    project,
    get zoom() { return view.k; },
    /** Replaces the markers with these cells. */
    setCells(next, degrees) { cells = next; cellDegrees = degrees ?? cellDegrees; drawMarkers(); },
    zoomBy(factor) { zoomAt(factor, width / 2, height / 2); },
    /** Back to the whole theatre (or the given [[w,s],[e,n]] box) at zoom 1. */
    reset(box) {
      width = root.clientWidth || width;
      height = root.clientHeight || height;
      view.k = 1; view.x = 0; view.y = 0;
      fit(box ?? THEATRE);
      clear(world);
      return loadWorld().then(applyView);
    },
  };
}
