import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clusterStories } from './cluster-stories.js';
import { scoreClustering } from './clustering-scores.js';
import type { StoryItem } from './story-item.js';
import { formatDateSpan, storyTitle } from './story-title.js';
import { dayNumber } from './story-similarity.js';

const KHTSABERD = { lat: 39.56, lon: 47.02, name: 'Khtsaberd', admin: 'Hadrut' };
const HIN_TAGHER = { lat: 39.55, lon: 47.05, name: 'Hin Tagher', admin: 'Hadrut' };

describe('storyTitle', () => {
  const items: StoryItem[] = [
    { id: 'a', date: '2020-12-12', type: 'Armed clash', places: [KHTSABERD, HIN_TAGHER], text: 'Troops advanced on two villages.' },
    { id: 'b', date: '2020-12-11', type: 'Armed clash', places: [HIN_TAGHER], text: 'Fire was exchanged.' },
    { id: 'c', date: '2020-12-12', type: 'Government regains territory', places: [KHTSABERD], text: 'The army entered the village.' },
  ];

  it('names the main type, the two most named places with their district, and the date span', () => {
    expect(storyTitle(items)).toBe('Clashes around Hin Tagher and Khtsaberd (Hadrut), 11–12 Dec 2020');
  });

  it('is independent of item order', () => {
    expect(storyTitle([...items].reverse())).toBe(storyTitle(items));
  });

  it('falls back to names from the text and leaves out unknown dates', () => {
    const t = storyTitle([
      { id: 'x', date: null, text: 'Fighting spread near Velmora on Tuesday. Militia units held Velmora and Tamberlin.' },
    ]);
    expect(t).toBe('Events: Velmora, Tamberlin');
    expect(storyTitle([])).toBe('Events');
  });

  it('formats spans across months and years', () => {
    const d = (s: string): number => dayNumber(s) as number;
    expect(formatDateSpan(d('2020-09-27'), d('2020-09-27'))).toBe('27 Sep 2020');
    expect(formatDateSpan(d('2020-11-30'), d('2020-12-02'))).toBe('30 Nov – 2 Dec 2020');
    expect(formatDateSpan(d('2020-12-28'), d('2021-01-03'))).toBe('28 Dec 2020 – 3 Jan 2021');
    expect(dayNumber('2021-02-30')).toBeNull();
    expect(dayNumber('2020-12-12T10:00:00Z')).toBe(d('2020-12-12'));
  });
});

describe('scoreClustering', () => {
  const gold = new Map([['a', 'X'], ['b', 'X'], ['c', 'Y'], ['d', 'Y']]);
  it('is perfect for the gold clustering', () => {
    const s = scoreClustering([['a', 'b'], ['c', 'd']], gold);
    expect(s.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.pairwise).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
  it('computes B³ and pairwise scores for a lumped clustering', () => {
    const s = scoreClustering([['a', 'b', 'c', 'd']], gold);
    expect(s.bcubed.precision).toBeCloseTo(0.5);
    expect(s.bcubed.recall).toBe(1);
    expect(s.pairwise.precision).toBeCloseTo(2 / 6);
    expect(s.pairwise.recall).toBe(1);
    const split = scoreClustering([['a'], ['b'], ['c'], ['d'], ['zz']], gold);
    expect(split.bcubed.recall).toBeCloseTo(0.5);
    expect(split.pairwise.recall).toBe(0);
    expect(split.items).toBe(4);
  });
});

const seedDir = fileURLToPath(new URL('../../../../shared/corpus/seeds/', import.meta.url));
describe.skipIf(!existsSync(seedDir))('seed articles as items (read from ../shared at test time)', () => {
  it('groups 000-002 and leaves 003 and 004 alone', () => {
    const dates: Record<string, string> = { '000': '2020-12-12', '001': '2020-12-12', '002': '2020-12-13', '003': '2022-08-03', '004': '2020-09-27' };
    const items = readdirSync(seedDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ id: f.slice(0, 3), date: dates[f.slice(0, 3)] ?? null, text: readFileSync(seedDir + f, 'utf8') }));
    expect(clusterStories(items)).toEqual([['000', '001', '002'], ['003'], ['004']]);
  });
});
