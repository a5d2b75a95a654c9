// Sitrep's page: filters → map (clusters), timeline brush, event list (cursor pages), dossier,
// stories and the ceasefire chart. All data from the local API; nothing from the internet.
import { getJson, withQuery } from './api.js';
import { clear, el } from './dom.js';
import { TYPE_COLORS, typeColor } from './colors.js';
import { BASE_CELL, createMap } from './map.js';
import { createTimeline } from './timeline.js';
import { renderDossier } from './dossier.js';
import { drawCeasefire } from './charts.js';

const $ = (id) => document.getElementById(id);
const state = { side: '', type: '', outlet: '', ceasefire: false, q: '', story: '', bbox: null, range: null };
let cursor = null;
let renders = 0;
let generation = 0;
let homeBox = null;
/** Story id → title, for the filter chip (from the stories list and the dossiers opened). */
const storyTitles = new Map();
const selectStory = (id, title) => {
  if (title) storyTitles.set(id, title);
  state.story = id;
};

const filterParams = (withRange) => ({
  side: state.side, type: state.type, outlet: state.outlet, ceasefire: state.ceasefire ? 'true' : '', q: state.q, story: state.story,
  bbox: state.bbox ? state.bbox.join(',') : '',
  from: withRange && state.range ? state.range.from : '', to: withRange && state.range ? state.range.to : '',
});

const map = createMap($('map'), {
  onEvent: (id) => openDossier(id),
  onCluster: (c) => {
    const pad = 0.0001;
    state.bbox = [c.bbox[0] - pad, c.bbox[1] - pad, c.bbox[2] + pad, c.bbox[3] + pad].map((v) => Math.round(v * 1e5) / 1e5);
    refresh({ timeline: true });
  },
  onViewChange: () => refreshMap(),
});
const timeline = createTimeline($('timeline'), {
  onBrush: (range) => {
    state.range = range;
    refresh({ timeline: false });
  },
});

function setTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
  for (const t of document.querySelectorAll('.tab')) t.classList.toggle('active', t.id === `tab-${name}`);
}
for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => setTab(b.dataset.tab));

function chips() {
  const box = clear($('chips'));
  const chip = (label, onClear) => box.append(el('span', { class: 'chip', title: 'click to remove', onclick: onClear }, `${label} ✕`));
  if (state.bbox) chip('area', () => { state.bbox = null; refresh({ timeline: true }); });
  if (state.story) chip(`story: ${storyTitles.get(state.story) ?? 'selected story'}`, () => { state.story = ''; refresh({ timeline: true }); });
  $('range-label').textContent = state.range ? `${state.range.from} – ${state.range.to}` : '';
  $('range-clear').hidden = !state.range;
  for (const [id, fmt] of [['x-csv', 'acled-csv'], ['x-geojson', 'geojson'], ['x-jsonl', 'jsonl']]) $(id).href = withQuery('/api/export', { format: fmt, ...filterParams(true) });
}

async function refreshMap(prefetched) {
  const g = generation;
  const s = prefetched ?? await getJson('/api/summary', { ...filterParams(true), cell: (BASE_CELL / map.zoom).toFixed(4) });
  if (g !== generation) return s;
  map.setCells(s.cells, s.cell_degrees);
  $('stats').textContent = `${s.total} event(s), ${s.located} on the map, ${s.fatalities} killed${s.total ? ` · ${s.first_date ?? '?'} – ${s.last_date ?? '?'}` : ''}`;
  drawCeasefire($('ceasefire-chart'), $('ceasefire-legend'), s.ceasefire);
  return s;
}

async function refreshList() {
  const g = generation;
  cursor = null;
  clear($('event-list'));
  await loadMore(g);
}

async function loadMore(g = generation) {
  const page = await getJson('/api/events', { ...filterParams(true), limit: 50, cursor });
  if (g !== generation) return;
  cursor = page.next_cursor;
  const list = $('event-list');
  for (const e of page.items) {
    list.append(el('li', { 'data-id': e.id, onclick: () => openDossier(e.id) },
      el('span', { class: 'badge', style: `background:${typeColor(e.event_type)}` }, e.sub_event_type),
      e.ceasefire_violation ? el('span', { class: 'badge cf' }, 'ceasefire') : null,
      el('div', {}, `${e.date ?? 'undated'} · ${e.location?.name ?? 'unknown place'}`),
      el('div', { class: 'meta' }, `${e.actor1?.name ?? '?'} → ${e.actor2?.name ?? '?'} · killed ${e.fatalities ?? '–'} · ${e.sources} source(s)${e.contradictions.length ? ' · disputed' : ''}`)));
  }
  $('more').hidden = cursor === null;
  $('more').textContent = `More (${list.children.length} of ${page.total})`;
}
$('more').addEventListener('click', () => loadMore());

async function openDossier(id) {
  setTab('dossier');
  const box = clear($('tab-dossier'));
  box.append(el('p', { class: 'hint' }, 'Loading…'));
  try {
    const d = await getJson(`/api/events/${encodeURIComponent(id)}`);
    clear(box).append(renderDossier(d, { onStory: (sid, title) => { selectStory(sid, title); refresh({ timeline: true }); setTab('events'); } }));
  } catch (err) {
    clear(box).append(el('p', { class: 'hint' }, `Could not load the event: ${err.message}`));
  }
}

async function loadStories() {
  const { items } = await getJson('/api/stories');
  const list = clear($('story-list'));
  if (items.length === 0) list.append(el('li', { class: 'hint' }, 'No stories yet.'));
  for (const s of items) {
    storyTitles.set(s.id, s.title);
    list.append(el('li', { 'data-id': s.id, onclick: () => { selectStory(s.id, s.title); setTab('events'); refresh({ timeline: true }); } },
      el('strong', {}, s.title), el('div', { class: 'meta' }, `${s.first_date ?? '?'} – ${s.last_date ?? '?'} · ${s.event_ids.length} event(s) · ${s.article_ids.length} article(s) · ${s.places.join(', ')}`)));
  }
}

async function refresh({ timeline: withTimeline, prefetched }) {
  generation++;
  chips();
  const jobs = [refreshMap(prefetched), refreshList()];
  if (withTimeline) {
    jobs.push(state.range ? getJson('/api/summary', { ...filterParams(false), cell: 1 }).then((s) => timeline.draw(s.weeks, state.range)) : jobs[0].then((s) => timeline.draw(s.weeks, null)));
  }
  try {
    await Promise.all(jobs);
  } finally {
    document.body.dataset.renders = String(++renders);
  }
}

function fillSelect(select, values, label = (v) => v) {
  for (const v of values) select.append(el('option', { value: v }, label(v)));
}

/** The events' extent, padded, at least 3° wide (null when nothing is located: the theatre view). */
function dataBox(cells) {
  if (cells.length === 0) return null;
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const c of cells) { w = Math.min(w, c.bbox[0]); s = Math.min(s, c.bbox[1]); e = Math.max(e, c.bbox[2]); n = Math.max(n, c.bbox[3]); }
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const half = Math.max(1.5, (e - w) / 2 + 0.5, (n - s) / 2 + 0.5);
  return [[cx - half, cy - half * 0.75], [cx + half, cy + half * 0.75]];
}

async function init() {
  generation++;
  const listJob = refreshList();
  const [first, sources] = await Promise.all([getJson('/api/summary', { cell: BASE_CELL }), getJson('/api/sources')]);
  homeBox = dataBox(first.cells);
  await map.reset(homeBox);
  fillSelect($('f-side'), Object.keys(first.sides).sort());
  fillSelect($('f-type'), Object.keys(TYPE_COLORS));
  fillSelect($('f-outlet'), sources.items.filter((s) => s.outlet !== null).map((s) => s.outlet));
  const legend = $('legend');
  legend.append('Event type:', ...Object.keys(TYPE_COLORS).filter((t) => first.types[t]).map((t) => el('span', {}, el('span', { class: 'sw', style: `background:${typeColor(t)}` }), t)), el('div', { class: 'meta' }, 'circle size: events and killed'));
  const form = $('filters');
  form.addEventListener('change', () => {
    state.side = $('f-side').value;
    state.type = $('f-type').value;
    state.outlet = $('f-outlet').value;
    state.ceasefire = $('f-ceasefire').checked;
    state.q = $('f-q').value.trim();
    refresh({ timeline: true });
  });
  form.addEventListener('submit', (ev) => ev.preventDefault());
  $('f-reset').addEventListener('click', () => {
    form.reset();
    Object.assign(state, { side: '', type: '', outlet: '', ceasefire: false, q: '', story: '', bbox: null, range: null });
    refresh({ timeline: true });
  });
  $('range-clear').addEventListener('click', () => { state.range = null; refresh({ timeline: true }); });
  $('zoom-in').addEventListener('click', () => map.zoomBy(1.6));
  $('zoom-out').addEventListener('click', () => map.zoomBy(1 / 1.6));
  $('zoom-reset').addEventListener('click', () => map.reset(homeBox).then(refreshMap));
  loadStories();
  chips();
  await Promise.all([refreshMap(first), listJob]);
  timeline.draw(first.weeks, null);
  document.body.dataset.renders = String(++renders);
  document.body.dataset.ready = '1';
}

window.sitrep = { state, map, openDossier, refresh };
init().catch((err) => {
  document.body.dataset.error = err.message;
  $('stats').textContent = `Error: ${err.message}`;
});
