// The ceasefire-violation chart: stacked bars per week, one colour per blamed side (report/ceasefire-attribution.ts).
import { clear, el, svg } from './dom.js';
import { sideColor } from './colors.js';

export function drawCeasefire(root, legend, rows) {
  clear(root);
  clear(legend);
  const width = root.clientWidth || 400;
  const height = root.clientHeight || 260;
  if (rows.length === 0) {
    root.append(svg('text', { x: 10, y: 20, class: 'axis' }, 'No ceasefire violations in this selection.'));
    return;
  }
  const weeks = [...new Set(rows.map((r) => r.week))].sort();
  const sides = [...new Set(rows.map((r) => r.side))].sort();
  const totals = new Map();
  for (const r of rows) totals.set(r.week, (totals.get(r.week) ?? 0) + r.count);
  const max = Math.max(...totals.values());
  const bw = Math.max(2, (width - 40) / weeks.length - 2);
  weeks.forEach((w, i) => {
    let y = height - 20;
    for (const side of sides) {
      const row = rows.find((r) => r.week === w && r.side === side);
      if (!row) continue;
      const h = (row.count / max) * (height - 40);
      y -= h;
      root.append(svg('rect', { x: (30 + i * (bw + 2)).toFixed(1), y: y.toFixed(1), width: bw.toFixed(1), height: h.toFixed(1), fill: sideColor(side), 'data-week': w, 'data-side': side, 'data-count': row.count }, svg('title', {}, `week of ${w}: ${row.count} blamed on ${side}`)));
    }
  });
  root.append(svg('text', { x: 2, y: 14, class: 'axis' }, String(max)), svg('text', { x: 30, y: height - 4, class: 'axis' }, weeks[0]), svg('text', { x: width - 70, y: height - 4, class: 'axis' }, weeks[weeks.length - 1]));
  legend.append(...sides.map((s) => el('span', {}, el('span', { class: 'badge', style: `background:${sideColor(s)}` }, s))));
}
