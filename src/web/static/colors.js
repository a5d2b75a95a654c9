// Colours of event types and sides (one place, shared by map, legend and charts).
export const TYPE_COLORS = {
  Battles: '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  Protests: '#2980b9',
  Riots: '#16a085',
  'Strategic developments': '#7f8c8d',
};
const SIDE_PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#bcbd22', '#17becf', '#7f7f7f'];
const sideColors = new Map([['ARM', '#e67e22'], ['AZE', '#1f77b4'], ['RUS', '#2ca02c'], ['UNKNOWN', '#999999']]);

export const typeColor = (type) => TYPE_COLORS[type] ?? '#555';
export function sideColor(side) {
  if (!sideColors.has(side)) sideColors.set(side, SIDE_PALETTE[sideColors.size % SIDE_PALETTE.length]);
  return sideColors.get(side);
}
