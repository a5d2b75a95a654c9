// The timeline: events per week as bars; drag across it to select a period (a brush).
import { clear, svg } from './dom.js';

const DAY = 86400000;
const t = (date) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

export function createTimeline(root, { onBrush }) {
  let scale = null;
  let brushRect = null;
  let start = null;

  function draw(weeks, range) {
    clear(root);
    const width = root.clientWidth || 800;
    const height = root.clientHeight || 100;
    if (weeks.length === 0) {
      root.append(svg('text', { class: 'axis', x: 10, y: 20 }, 'No dated events.'));
      scale = null;
      return;
    }
    const t0 = t(weeks[0].week);
    const t1 = t(weeks[weeks.length - 1].week) + 7 * DAY;
    const x = (ms) => 30 + ((ms - t0) / (t1 - t0)) * (width - 40);
    const max = Math.max(...weeks.map((w) => w.count));
    const barW = Math.max(1, x(t0 + 7 * DAY) - x(t0) - 1);
    const bars = svg('g', {});
    for (const w of weeks) {
      const h = Math.max(1, (w.count / max) * (height - 26));
      bars.append(svg('rect', { class: 'bar', x: x(t(w.week)).toFixed(1), y: (height - 16 - h).toFixed(1), width: barW.toFixed(1), height: h.toFixed(1), 'data-week': w.week, 'data-count': w.count }, svg('title', {}, `week of ${w.week}: ${w.count} event(s), ${w.fatalities} killed`)));
    }
    root.append(bars);
    const axis = svg('g', { class: 'axis' });
    const years = new Date(t1).getUTCFullYear() - new Date(t0).getUTCFullYear();
    const step = years >= 2 ? 'year' : 'month';
    const d = new Date(t0);
    let tick = step === 'year' ? Date.UTC(d.getUTCFullYear() + 1, 0, 1) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    while (tick < t1) {
      axis.append(svg('text', { x: x(tick).toFixed(1), y: height - 3 }, step === 'year' ? iso(tick).slice(0, 4) : iso(tick).slice(0, 7)));
      const nd = new Date(tick);
      tick = step === 'year' ? Date.UTC(nd.getUTCFullYear() + 1, 0, 1) : Date.UTC(nd.getUTCFullYear(), nd.getUTCMonth() + 1, 1);
    }
    axis.append(svg('text', { x: 2, y: 10 }, String(max)));
    root.append(axis);
    scale = { x, invert: (px) => t0 + ((px - 30) / (width - 40)) * (t1 - t0), t0, t1 };
    brushRect = svg('rect', { class: 'brush', y: 0, height: height - 16, x: 0, width: 0, visibility: 'hidden' });
    root.append(brushRect);
    if (range) showBrush(x(t(range.from)), x(t(range.to) + DAY));
  }

  function showBrush(a, b) {
    brushRect.setAttribute('x', Math.min(a, b).toFixed(1));
    brushRect.setAttribute('width', Math.abs(b - a).toFixed(1));
    brushRect.setAttribute('visibility', 'visible');
  }

  const px = (ev) => ev.clientX - root.getBoundingClientRect().left;
  root.addEventListener('pointerdown', (ev) => {
    if (!scale) return;
    start = px(ev);
    root.setPointerCapture(ev.pointerId);
    showBrush(start, start);
  });
  root.addEventListener('pointermove', (ev) => { if (start !== null) showBrush(start, px(ev)); });
  root.addEventListener('pointerup', (ev) => {
    if (start === null || !scale) return;
    const a = Math.min(start, px(ev));
    const b = Math.max(start, px(ev));
    start = null;
    if (b - a < 3) { brushRect.setAttribute('visibility', 'hidden'); onBrush(null); return; }
    const from = Math.max(scale.t0, scale.invert(a));
    const to = Math.min(scale.t1 - DAY, scale.invert(b));
    onBrush({ from: iso(from), to: iso(to) });
  });

  return { draw };
}
