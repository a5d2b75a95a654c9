import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script helpers, no type declarations
import { compareArticle, tally, totals } from '../../scripts/lib/dev-score.mjs';

const goldEvent = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  event_type: ['Explosions/Remote violence'],
  sub_event_type: ['Shelling/artillery/missile attack'],
  date: '2031-05-10',
  date_tolerance_days: 1,
  actor1_side: 'RUR',
  actor2_side: 'CIV',
  location: { names: ['Lakeside'] },
  fatalities: 2,
  injured: null,
  ceasefire_violation: null,
  claimant_sides: [],
  optional: false,
  ...over,
});

const pred = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  event_type: 'Explosions/Remote violence',
  sub_event_type: 'Shelling/artillery/missile attack',
  date: '2031-05-10',
  actor1: { name: 'Ruritanian army', side: 'RUR' },
  actor2: { name: 'Civilians', side: 'CIV' },
  location: { name: 'Lakeside', source_text: 'Lakeside' },
  fatalities: 2,
  injured: null,
  ceasefire_violation: false,
  background: false,
  claims: [],
  evidence: [{ start: 0, end: 10, text: 'Shells fell on the town.' }],
  field_spans: { trigger: { start: 0, end: 6, text: 'Shells' } },
  rules: ['extract/remote/shelling'],
  ...over,
});

const gold = {
  article: 'x1',
  published: '2031-05-11',
  events: [
    goldEvent('x1-1'),
    goldEvent('x1-2', { event_type: ['Battles'], sub_event_type: ['Armed clash'], date: '2031-05-09', location: { names: ['Hilltop'] } }),
    goldEvent('x1-3', { event_type: ['Violence against civilians'], sub_event_type: ['Attack'], date: '2031-05-01', location: { names: ['Riverside'] } }),
    goldEvent('x1-4', { event_type: ['Strategic developments'], sub_event_type: ['Arrests'], date: '2031-05-11' }),
  ],
  background: [],
  must_not_extract: ['an old armistice was signed'],
};
const article = {
  article: { id: 'x1' },
  events: [
    pred('e1', { location: { name: 'Elsewhere', source_text: 'Elsewhere' } }), // matches x1-1, wrong place
    pred('e2', { event_type: 'Battles', sub_event_type: 'Armed clash', date: '2031-04-20', location: { name: 'Hilltop' } }), // x1-2, wrong date
    pred('e3', { location: { name: 'Elsewhere' }, actor1: { name: 'Someone', side: 'XXX' } }), // fits x1-1 worse than e1: duplicate
    pred('e4', { date: '2030-01-01' }), // long before publication: history leak
    pred('e5', { date: '2031-05-20', evidence: [{ start: 0, end: 9, text: 'Back then an old armistice was signed.' }] }), // boilerplate
    pred('e6', { date: null, event_type: 'Strategic developments', sub_event_type: 'Arrests' }), // x1-4 without a date
    pred('e7', { background: true, date: '1990-01-01' }), // background: not scored
  ],
};

describe('dev-errors categorisation', () => {
  const cmp = compareArticle(gold, article);

  it('puts every gold and false event in one category', () => {
    expect(cmp.matched.map((x: { gold: { id: string }; categories: string[]; record: boolean }) => [x.gold.id, x.categories, x.record]))
      .toEqual([['x1-1', ['wrong place'], false]]);
    expect(cmp.missed.map((x: { gold: { id: string }; category: string; near: { id: string } | null }) => [x.gold.id, x.category, x.near?.id ?? null]))
      .toEqual([['x1-2', 'wrong date', 'e2'], ['x1-3', 'missed', null], ['x1-4', 'no date', 'e6']]);
    expect(Object.fromEntries(cmp.falseEvents.map((x: { pred: { id: string }; category: string }) => [x.pred.id, x.category])))
      .toEqual({ e3: 'duplicate', e4: 'history leak', e5: 'boilerplate leak' });
  });

  it('counts as the scorer does: near misses are false events too', () => {
    expect([cmp.tp, cmp.fn, cmp.fp, cmp.records]).toEqual([1, 3, 5, 0]);
  });

  it('an article without gold events has only negative-article false events', () => {
    const neg = compareArticle({ article: 'x2', published: '2031-05-11', events: [], background: [], must_not_extract: [] }, { article: { id: 'x2' }, events: [pred('e1')] });
    expect(neg.falseEvents.map((x: { category: string }) => x.category)).toEqual(['false event in negative article']);
    const t = tally([cmp, neg]);
    expect(t.find((r: { category: string }) => r.category === 'false event in negative article')).toEqual({ category: 'false event in negative article', events: 1, articles: 1 });
    expect(t.find((r: { category: string }) => r.category === 'wrong place')).toEqual({ category: 'wrong place', events: 1, articles: 1 });
    expect(totals([cmp, neg])).toMatchObject({ tp: 1, fp: 6, fn: 3, records: 0 });
  });

  const scorer = join(__dirname, '..', '..', '..', 'shared', 'tools', 'score-events.py');
  it.skipIf(!existsSync(scorer))('agrees with score-events.py on the same invented files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dev-errors-'));
    writeFileSync(join(dir, 'gold.json'), JSON.stringify({ articles: [gold] }));
    writeFileSync(join(dir, 'preds.jsonl'), `${JSON.stringify(article)}\n`);
    const r = spawnSync('python3', [scorer, join(dir, 'gold.json'), join(dir, 'preds.jsonl'), '--json'], { encoding: 'utf8' });
    const ref = JSON.parse(r.stdout);
    expect([ref.tp, ref.fp, ref.fn, ref.history_leaks, ref.boilerplate_leaks]).toEqual([cmp.tp, cmp.fp, cmp.fn, 1, 1]);
  });
});
