#!/usr/bin/env node
/**
 * Error listing for the development corpus (../shared/corpus/dev): for every gold event, whether
 * it was detected and which fields are wrong (predicted vs gold); every false event with its
 * trigger text and rules; then a tally of error categories over articles (events and articles
 * per category). Matching is score-events.py's (ported in scripts/lib/dev-score.mjs; the totals
 * are checked against the Python scorer and a warning is printed if they differ).
 *
 * Usage (after `npm run build`):
 *   node scripts/dev-errors.mjs [karabakh|other|negative|all] [options]
 *     --no-extract       read eval/out/dev-GROUP.jsonl (from the last `npm run eval` or run)
 *                        instead of running `sitrep extract`
 *     --article ID,...   only these articles
 *     --summary          per-article one-liners and the tally, no event details
 *     --only CATEGORY    only the events of this category (e.g. "wrong place", "missed")
 *     --compare FILE     list the articles that moved against an earlier run's JSON
 *                        (every run writes eval/out/dev-errors-last.json; copy it to keep it)
 *     --json             print the JSON (per-article counts and categories) instead of text
 *
 * Categories (see compareArticle in scripts/lib/dev-score.mjs): missed, wrong date, no date,
 * wrong type (gold events not matched); wrong place, wrong actor1, wrong actor2, wrong
 * sub-type, wrong fatalities, wrong injured, wrong ceasefire, wrong claimants (matched events);
 * false event in negative article, boilerplate leak, history leak, duplicate, false event.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GROUPS, extractGroups, goldFile, outDir, predFile, readGold, readPredictions, referenceScore } from './lib/dev-corpus.mjs';
import { articleCategories, compareArticle, tally, totals } from './lib/dev-score.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const flag = (name) => args.includes(name);
const valued = new Set(['--article', '--only', '--compare']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
const which = positional[0] ?? 'all';
if (which !== 'all' && !GROUPS.includes(which)) {
  console.error(`unknown group '${which}': one of ${GROUPS.join(', ')}, all`);
  process.exit(2);
}
const groups = which === 'all' ? GROUPS : [which];
const onlyArticles = opt('--article') ? new Set(opt('--article').split(',')) : null;
const onlyCategory = opt('--only');
const summaryOnly = flag('--summary');

const results = [];
if (!flag('--no-extract')) extractGroups(groups);
for (const group of groups) {
  const preds = readPredictions(predFile(group));
  const comparisons = readGold(group).map((g) => ({ ...compareArticle(g, preds.get(g.article)), group, published: g.published }));
  const ref = referenceScore(goldFile(group), predFile(group));
  const mine = totals(comparisons);
  if (ref.tp !== mine.tp || ref.fp !== mine.fp || ref.fn !== mine.fn) {
    console.error(`warning: ${group}: the port disagrees with score-events.py (tp/fp/fn ${mine.tp}/${mine.fp}/${mine.fn} vs ${ref.tp}/${ref.fp}/${ref.fn})`);
  }
  results.push({ group, comparisons, ref });
}

const all = results.flatMap((r) => r.comparisons);
const json = {
  groups: Object.fromEntries(results.map((r) => [r.group, { record_f1: r.ref.record_f1, f1: r.ref.f1, tp: r.ref.tp, fp: r.ref.fp, fn: r.ref.fn }])),
  tally: tally(all),
  articles: Object.fromEntries(all.map((c) => [c.article, {
    group: c.group, tp: c.tp, fp: c.fp, fn: c.fn, records: c.records,
    categories: articleCategories(c),
  }])),
};
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'dev-errors-last.json'), JSON.stringify(json, null, 1) + '\n');
if (flag('--json')) {
  console.log(JSON.stringify(json, null, 1));
  process.exit(0);
}

// --- text output ---------------------------------------------------------------------------
const show = (v) => (v == null ? '-' : Array.isArray(v) ? v.join('|') : String(v));
const count = (v) => (Array.isArray(v) ? `${v[0]}–${v[1]}` : show(v));
const clip = (s, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const placeOf = (p) => (p.location ? `${p.location.name}${p.location.source_text && p.location.source_text !== p.location.name ? ` ("${p.location.source_text}")` : ''}` : '-');
const actorOf = (a) => (a ? `${a.side ?? '?'} (${a.source_text ?? a.name})` : '-');
const goldPlace = (g) => (g.location ? g.location.names.slice(0, 3).join('|') : '-');
const trig = (p) => p.field_spans?.trigger?.text ?? '?';
const dateOf = (p) => `${p.date ?? 'null'}${p.date_source ? ` (${p.date_source})` : ''}`;

/** Lines "field: pred X, gold Y" for the given field names. */
function diffs(p, g, names) {
  const lines = [];
  for (const name of names) {
    switch (name) {
      case 'type': lines.push(`type: pred ${p.event_type}, gold ${show(g.event_type)}`); break;
      case 'date': lines.push(`date: pred ${dateOf(p)}, gold ${show(g.date)}`); break;
      case 'wrong place': lines.push(`place: pred ${placeOf(p)}, gold ${goldPlace(g)}`); break;
      case 'wrong actor1': lines.push(`actor1: pred ${actorOf(p.actor1)}, gold ${show(g.actor1_side)}`); break;
      case 'wrong actor2': lines.push(`actor2: pred ${actorOf(p.actor2)}, gold ${show(g.actor2_side)}`); break;
      case 'wrong sub-type': lines.push(`sub-type: pred ${p.sub_event_type}, gold ${show(g.sub_event_type)}`); break;
      case 'wrong fatalities': lines.push(`fatalities: pred ${show(p.fatalities)}, gold ${count(g.fatalities)}`); break;
      case 'wrong injured': lines.push(`injured: pred ${show(p.injured)}, gold ${count(g.injured)}`); break;
      case 'wrong ceasefire': lines.push(`ceasefire: pred ${p.ceasefire_violation}, gold ${g.ceasefire_violation}`); break;
      case 'wrong claimants': lines.push(`claimants: pred ${show((p.claims ?? []).map((c) => c.claimant?.side ?? '?'))}, gold ${show(g.claimant_sides)}`); break;
      default: break;
    }
  }
  return lines;
}

const goldLine = (g) => `${show(g.event_type)} ${show(g.date)} at ${goldPlace(g)}, actor1 ${show(g.actor1_side)}, actor2 ${show(g.actor2_side)}, killed ${count(g.fatalities)}, injured ${count(g.injured)}`;
const predLine = (p) => `${p.id} ${p.event_type} ${dateOf(p)} "${trig(p)}" at ${placeOf(p)}, actor1 ${actorOf(p.actor1)}, actor2 ${actorOf(p.actor2)}`;

for (const r of results) {
  const sel = r.comparisons.filter((c) => !onlyArticles || onlyArticles.has(c.article));
  if (!sel.length) continue;
  console.log(`\n######## ${r.group}: record F1 ${r.ref.record_f1.toFixed(3)}, detection F1 ${r.ref.f1.toFixed(3)} (tp ${r.ref.tp} fp ${r.ref.fp} fn ${r.ref.fn})`);
  for (const c of sel) {
    if (onlyCategory && !articleCategories(c).includes(onlyCategory)) continue;
    const gold = c.matched.length + c.missed.length;
    console.log(`\n== ${c.article} (${c.published ?? 'no date'}): gold ${gold}, matched ${c.tp} (records ${c.records}), missed ${c.fn}, false ${c.fp}`);
    if (summaryOnly) continue;
    const want = (cat) => !onlyCategory || cat === onlyCategory;
    for (const x of c.matched) {
      if (onlyCategory && !x.categories.includes(onlyCategory)) continue;
      const tag = x.record ? 'record' : 'matched';
      console.log(`  ✓ ${x.gold.id} ${tag} by ${x.pred.id} "${trig(x.pred)}"${x.categories.length ? `  [${x.categories.join(', ')}]` : ''}`);
      for (const l of diffs(x.pred, x.gold, x.categories)) console.log(`      ${l}`);
    }
    for (const x of c.missed) {
      if (!want(x.category)) continue;
      console.log(`  ✗ ${x.gold.id} ${x.category}: ${goldLine(x.gold)}`);
      if (x.near) {
        console.log(`      nearest: ${predLine(x.near)}`);
        const f = x.category === 'wrong type' ? ['type'] : ['date'];
        for (const l of diffs(x.near, x.gold, f)) console.log(`      ${l}`);
      }
      if (x.gold.note) console.log(`      note: ${clip(x.gold.note)}`);
    }
    for (const x of c.falseEvents) {
      if (!want(x.category)) continue;
      console.log(`  + ${x.category}: ${predLine(x.pred)}`);
      console.log(`      rules: ${(x.pred.rules ?? []).join(', ')}`);
      const ev = x.pred.evidence?.[0]?.text;
      if (ev) console.log(`      in: ${clip(ev)}`);
    }
  }
}

console.log('\n== error categories (events, articles)');
const shown = all.filter((c) => !onlyArticles || onlyArticles.has(c.article));
const t = tally(shown);
for (const row of t) console.log(`  ${row.category.padEnd(32)} ${String(row.events).padStart(4)} events in ${String(row.articles).padStart(3)} articles`);
const perfect = shown.filter((c) => c.fp === 0 && c.fn === 0 && c.records === c.tp).length;
console.log(`  articles whose gold events are all records, with no false event: ${perfect} of ${shown.length}`);
const rules = new Map();
for (const c of shown) for (const x of c.falseEvents) for (const rule of x.pred.rules ?? []) if (rule.startsWith('extract/')) rules.set(rule, (rules.get(rule) ?? 0) + 1);
console.log(`  trigger rules of false events: ${[...rules].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v}`).join(', ') || '-'}`);
for (const r of results) console.log(`  ${r.group}: record F1 ${r.ref.record_f1.toFixed(3)}, detection F1 ${r.ref.f1.toFixed(3)} (tp ${r.ref.tp} fp ${r.ref.fp} fn ${r.ref.fn}; history leaks ${r.ref.history_leaks}, boilerplate leaks ${r.ref.boilerplate_leaks})`);

if (opt('--compare')) {
  const before = JSON.parse(readFileSync(opt('--compare'), 'utf8'));
  const better = [];
  const worse = [];
  const mixed = [];
  for (const c of all) {
    const b = before.articles?.[c.article];
    if (!b) continue;
    const d = { records: c.records - b.records, tp: c.tp - b.tp, fp: c.fp - b.fp };
    if (!d.records && !d.tp && !d.fp) continue;
    const up = d.records > 0 || d.tp > 0 || d.fp < 0;
    const down = d.records < 0 || d.tp < 0 || d.fp > 0;
    const line = `${c.article} (${c.group}) records ${b.records}→${c.records}, matched ${b.tp}→${c.tp}, false ${b.fp}→${c.fp}`;
    (up && !down ? better : down && !up ? worse : mixed).push(line);
  }
  console.log(`\n== against ${opt('--compare')}: ${better.length} articles better, ${worse.length} worse, ${mixed.length} mixed`);
  for (const [name, list] of [['better', better], ['worse', worse], ['mixed', mixed]]) for (const l of list) console.log(`  ${name}: ${l}`);
  // Category counts over the articles of this run that the earlier run also has.
  const cats = new Map();
  for (const c of all) {
    const b = before.articles?.[c.article];
    if (!b) continue;
    for (const cat of b.categories) cats.set(cat, [(cats.get(cat)?.[0] ?? 0) + 1, cats.get(cat)?.[1] ?? 0]);
    for (const cat of articleCategories(c)) cats.set(cat, [cats.get(cat)?.[0] ?? 0, (cats.get(cat)?.[1] ?? 0) + 1]);
  }
  const moved = [...cats].filter(([, [a, b]]) => a !== b).sort((x, y) => y[1][0] - x[1][0]).map(([c, [a, b]]) => `${c} ${a}→${b}`);
  console.log(`  categories (events): ${moved.join(', ') || 'unchanged'}`);
  for (const g of Object.keys(json.groups)) {
    const b = before.groups?.[g];
    if (b) console.log(`  ${g}: record F1 ${b.record_f1.toFixed(3)} → ${json.groups[g].record_f1.toFixed(3)}, detection F1 ${b.f1.toFixed(3)} → ${json.groups[g].f1.toFixed(3)}`);
  }
}
