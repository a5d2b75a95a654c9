import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageLink } from './average-link.js';
import { clusterStories } from './cluster-stories.js';
import type { StoryItem } from './story-item.js';
import { DEFAULT_CLUSTER_STORIES_OPTIONS as DEFAULT_PROXIMITY_FOR_TESTS } from './cluster-stories.js';
import { contextFactor, dayNumber } from './story-similarity.js';

// Own sentences, shaped like the evidence of merged events in the three seed stories.
const HADRUT = { lat: 39.52, lon: 46.97, name: 'Hadrut', admin: 'Hadrut' };
const KHTSABERD = { lat: 39.56, lon: 47.02, name: 'Khtsaberd', admin: 'Hadrut' };
const HIN_TAGHER = { lat: 39.55, lon: 47.05, name: 'Hin Tagher', admin: 'Hadrut' };
const LACHIN = { lat: 39.64, lon: 46.55, name: 'Lachin', admin: 'Lachin' };
const STEPANAKERT = { lat: 39.82, lon: 46.75, name: 'Stepanakert', admin: 'Stepanakert' };

const ITEMS: StoryItem[] = [
  { id: 'h1', date: '2020-12-11', type: 'Armed clash', places: [HADRUT], actors: ['AZE', 'ARM'], text: 'Russian monitors registered a ceasefire violation in the Hadrut area, where Azerbaijani units exchanged fire with Armenian forces.' },
  { id: 'h2', date: '2020-12-12', type: 'Government regains territory', places: [KHTSABERD, HIN_TAGHER], actors: ['AZE', 'ARM'], text: 'Azerbaijani troops advanced towards Khtsaberd and Hin Tagher in the Hadrut district, the Armenian defence ministry said.' },
  { id: 'h3', date: '2020-12-12', type: 'Armed clash', places: [KHTSABERD], actors: ['AZE', 'ARM'], text: 'Armenian sources said Azerbaijani soldiers entered Khtsaberd while Hin Tagher stayed in Armenian hands after fighting.' },
  { id: 'l1', date: '2022-08-03', type: 'Armed clash', places: [LACHIN], actors: ['AZE', 'ARM'], text: 'Clashes broke out near the Lachin corridor as Azerbaijani forces took the Sarybaba heights, the Karabakh army said.' },
  { id: 'l2', date: '2022-08-03', type: 'Air/drone strike', places: [LACHIN], actors: ['AZE', 'ARM'], text: 'A drone strike near the Lachin corridor killed two Karabakh soldiers, and partial mobilization was declared.' },
  { id: 's1', date: '2020-09-27', type: 'Shelling/artillery/missile attack', places: [STEPANAKERT], actors: ['AZE', 'ARM'], text: 'Azerbaijani forces shelled Stepanakert and the front line on Sunday morning, the separatist authorities said.' },
  { id: 's2', date: '2020-09-27', type: 'Disrupted weapons use', places: [STEPANAKERT], actors: ['ARM', 'AZE'], text: 'Karabakh forces said they shot down two Azerbaijani helicopters and three drones as the fighting spread.' },
];

describe('clusterStories', () => {
  it('finds the three seed-like stories', () => {
    expect(clusterStories(ITEMS)).toEqual([['h1', 'h2', 'h3'], ['l1', 'l2'], ['s1', 's2']]);
  });

  it('keeps far-apart dates apart even with identical wording', () => {
    const text = 'Azerbaijani forces shelled Armenian positions near Hadrut, the ministry said.';
    const out = clusterStories([
      { id: 'a', date: '2020-09-27', text },
      { id: 'b', date: '2020-12-12', text },
      { id: 'c', date: null, text },
    ]);
    // c has no date, so only the text decides: it may join one of them, but never bridge both.
    expect(out.find((c) => c.includes('a'))).not.toContain('b');
    expect(out).toHaveLength(2);
  });

  it('joins same-text items when dates are unknown, and separates unrelated texts', () => {
    const out = clusterStories([
      { id: 'x1', date: null, text: 'An earthquake of magnitude 6.1 struck Sumatra, killing dozens of villagers.' },
      { id: 'x2', date: null, text: 'Dozens of villagers died when a magnitude 6.1 earthquake hit Sumatra.' },
      { id: 'y1', date: null, text: 'Police arrested a suspect after a shooting at an office building in Texas.' },
    ]);
    expect(out).toEqual([['x1', 'x2'], ['y1']]);
  });

  it('lets a nearby place raise and a distant date lower the similarity', () => {
    const o = DEFAULT_PROXIMITY_FOR_TESTS;
    const d = dayNumber('2020-12-12');
    expect(contextFactor(d, d, [KHTSABERD], [HIN_TAGHER], o)).toBeGreaterThan(1);
    expect(contextFactor(d, dayNumber('2020-09-27'), undefined, undefined, o)).toBeLessThan(0.001);
    expect(contextFactor(null, d, [KHTSABERD], undefined, o)).toBe(1);
    expect(contextFactor(d, d, [KHTSABERD], [{ lat: 41.7, lon: 44.8, name: 'Tbilisi' }], o)).toBeCloseTo(1.25 * 0.5, 5);
  });

  it('handles empty input, a single item and items without words', () => {
    expect(clusterStories([])).toEqual([]);
    expect(clusterStories([{ id: 'only', date: null, text: 'Fighting.' }])).toEqual([['only']]);
    expect(clusterStories([{ id: 'b', date: null, text: '' }, { id: 'a', date: null, text: '...' }])).toEqual([['a'], ['b']]);
  });

  it('supports single linkage (connected components)', () => {
    expect(clusterStories(ITEMS, { linkage: 'single' })).toEqual([['h1', 'h2', 'h3'], ['l1', 'l2'], ['s1', 's2']]);
  });

  it('does not depend on input order (random permutations)', () => {
    const expected = clusterStories(ITEMS);
    fc.assert(
      fc.property(fc.shuffledSubarray(ITEMS, { minLength: ITEMS.length, maxLength: ITEMS.length }), (perm) => {
        expect(clusterStories(perm)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on input order for random texts near the threshold either', () => {
    const words = ['shelling', 'Hadrut', 'drone', 'Lachin', 'corridor', 'village', 'troops', 'Khtsaberd', 'ceasefire', 'mobilization'];
    const itemArb = fc.array(
      fc.record({ w: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }), day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }) }),
      { minLength: 2, maxLength: 14 },
    );
    fc.assert(
      fc.property(itemArb, fc.integer(), (raw, seed) => {
        const items = raw.map((r, i) => ({ id: `i${String(i).padStart(2, '0')}`, date: r.day === null ? null : `2021-03-${String(r.day).padStart(2, '0')}`, text: r.w.join(' ') }));
        const perm = [...items].sort((a, b) => ((a.id.charCodeAt(2) * 31 + seed) % 7) - ((b.id.charCodeAt(2) * 31 + seed) % 7) || (a.id < b.id ? 1 : -1));
        const out = clusterStories(perm);
        expect(out).toEqual(clusterStories(items));
        expect(out.flat().sort()).toEqual(items.map((i) => i.id).sort());
      }),
      { numRuns: 150 },
    );
  });
});

describe('averageLink', () => {
  it('merges by mean similarity, not by the best single link', () => {
    // 0-1 strongly linked; 2 links to 0 only: mean to {0,1} is 0.3 / 2 = 0.15 < 0.2.
    const edges = [{ a: 0, b: 1, sim: 0.9 }, { a: 0, b: 2, sim: 0.3 }];
    expect([...averageLink(3, edges, 0.2)]).toEqual([0, 0, 2]);
    expect([...averageLink(3, edges, 0.1)]).toEqual([0, 0, 0]);
  });

  it('refuses merges whose dated members would span too many days', () => {
    const edges = [{ a: 0, b: 1, sim: 0.9 }, { a: 1, b: 2, sim: 0.9 }];
    expect([...averageLink(3, edges, 0.1, { days: [0, null, 100], maxDays: 31 })]).toEqual([0, 0, 2]);
    expect([...averageLink(3, edges, 0.1, { days: [0, null, 20], maxDays: 31 })]).toEqual([0, 0, 0]);
  });

  it('gives the same labels whatever the edge order', () => {
    const edges = [{ a: 0, b: 1, sim: 0.5 }, { a: 2, b: 3, sim: 0.5 }, { a: 1, b: 2, sim: 0.5 }, { a: 3, b: 4, sim: 0.1 }];
    const expected = [...averageLink(5, edges, 0.2)];
    expect([...averageLink(5, [...edges].reverse(), 0.2)]).toEqual(expected);
  });
});
