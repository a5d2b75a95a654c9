import { storyLexicon } from './story-lexicon.js';
import type { StoryItem } from './story-item.js';
import { dayNumber } from './story-similarity.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
const NAME = /(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}[\p{L}'’-]*\p{L}/gu;

/** Counts keys, then returns them by count (descending), ties alphabetically (ordinal). */
function ranked(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k]) => k);
}

/** "11 Dec 2020", "11–12 Dec 2020", "30 Nov – 2 Dec 2020", "28 Dec 2020 – 3 Jan 2021". */
export function formatDateSpan(first: number, last: number): string {
  const a = new Date(first * 86_400_000);
  const b = new Date(last * 86_400_000);
  const day = (d: Date): string => String(d.getUTCDate());
  const mon = (d: Date): string => MONTHS[d.getUTCMonth()] as string;
  const year = (d: Date): string => String(d.getUTCFullYear());
  if (first === last) return `${day(a)} ${mon(a)} ${year(a)}`;
  if (year(a) !== year(b)) return `${day(a)} ${mon(a)} ${year(a)} – ${day(b)} ${mon(b)} ${year(b)}`;
  if (mon(a) !== mon(b)) return `${day(a)} ${mon(a)} – ${day(b)} ${mon(b)} ${year(b)}`;
  return `${day(a)}–${day(b)} ${mon(b)} ${year(b)}`;
}

/**
 * A generated, deterministic title for a story from its items: the most frequent type's label
 * (`lexicon/story-title.json`; ties to the earlier, more violent entry), the one or two places
 * named by most items (ties alphabetical) with their shared district in brackets, and the date
 * span. Without places, the two most frequent capitalised names in the texts stand in; without
 * dates, the span is left out. The order of `items` does not matter.
 *
 * @example
 * storyTitle(items) // "Clashes around Khtsaberd and Hin Tagher (Hadrut), 11–12 Dec 2020"
 */
export function storyTitle(items: readonly StoryItem[]): string {
  const labelCounts = new Map<string, { count: number; rank: number }>();
  for (const it of items) {
    const entry = it.type ? storyLexicon.labels.get(it.type) : undefined;
    if (entry === undefined) continue;
    const c = labelCounts.get(entry.label);
    labelCounts.set(entry.label, { count: (c?.count ?? 0) + 1, rank: Math.min(c?.rank ?? Infinity, entry.rank) });
  }
  const label = [...labelCounts.entries()].sort((a, b) => b[1].count - a[1].count || a[1].rank - b[1].rank)[0]?.[0] ?? storyLexicon.fallbackLabel;

  const placeCounts = new Map<string, number>();
  const adminOf = new Map<string, Map<string, number>>();
  for (const it of items) {
    for (const name of new Set((it.places ?? []).map((p) => p.name))) placeCounts.set(name, (placeCounts.get(name) ?? 0) + 1);
    for (const p of it.places ?? []) {
      if (!p.admin) continue;
      const m = adminOf.get(p.name) ?? new Map<string, number>();
      m.set(p.admin, (m.get(p.admin) ?? 0) + 1);
      adminOf.set(p.name, m);
    }
  }
  const places = ranked(placeCounts).slice(0, 2);
  let where = '';
  if (places.length > 0) {
    const admins = new Set(places.map((p) => ranked(adminOf.get(p) ?? new Map())[0]).filter((a): a is string => a !== undefined));
    const [admin] = [...admins];
    const region = admins.size === 1 && admin !== undefined && !places.includes(admin) ? ` (${admin})` : '';
    where = ` around ${places.join(' and ')}${region}`;
  } else {
    const names = new Map<string, number>();
    for (const it of items) {
      for (const m of it.text.matchAll(NAME)) {
        const w = m[0];
        if (!storyLexicon.stopwords.has(w.toLowerCase()) && !CALENDAR_WORDS.has(w.toLowerCase())) names.set(w, (names.get(w) ?? 0) + 1);
      }
    }
    const top = ranked(names).slice(0, 2);
    if (top.length > 0) where = `: ${top.join(', ')}`;
  }

  const days = items.map((it) => dayNumber(it.date)).filter((d): d is number => d !== null);
  const when = days.length > 0 ? `, ${formatDateSpan(Math.min(...days), Math.max(...days))}` : '';
  return `${label}${where}${when}`;
}
