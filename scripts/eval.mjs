#!/usr/bin/env node
// `npm run eval`: runs `sitrep extract` over the seed corpus (with metadata, and the raw .txt
// files without it) and scores both with ../shared/tools/score-events.py; then the extra
// evaluations that exist (own test sentences, the development corpus by group (eval-dev.mjs),
// geoparsing on GeoVirus (eval-places.mjs),
// WikiEvents dev at mention level (eval-wikievents.mjs), article bodies, temporal expressions,
// near-duplicates, story clustering); last, a one-line summary table.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const out = join(root, 'eval', 'out');
mkdirSync(out, { recursive: true });
// Summaries the closing table reads: removed first, so a failed evaluation shows n/a, not old figures.
for (const f of ['dev-summary.json', 'places-summary.json', 'wikievents-summary.json']) rmSync(join(out, f), { force: true });

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0 && !opts.allowFail) {
    process.stderr.write(r.stderr ?? '');
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  }
  return r;
}

function extractTo(file, inputs) {
  const r = run(process.execPath, [join(root, 'bin', 'sitrep.js'), 'extract', '--format', 'jsonl', ...inputs]);
  writeFileSync(file, r.stdout);
}

function score(title, gold, preds) {
  const r = run('python3', [join(shared, 'tools', 'score-events.py'), gold, preds, '--verbose']);
  console.log(`\n== ${title}\n${r.stdout.trim()}`);
  return JSON.parse(run('python3', [join(shared, 'tools', 'score-events.py'), gold, preds, '--json']).stdout.trim().split('\n').pop());
}

const gold = join(shared, 'corpus', 'seeds-gold.json');
const withMeta = join(out, 'seeds-metadata.jsonl');
extractTo(withMeta, [join(shared, 'corpus', 'seeds.jsonl')]);
const seeds = score('seeds.jsonl (with metadata)', gold, withMeta);

const rawDir = join(shared, 'corpus', 'seeds');
const raw = join(out, 'seeds-raw.jsonl');
extractTo(raw, readdirSync(rawDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(rawDir, f)));
score('seeds/*.txt (raw, no metadata)', gold, raw);
console.log('\npublication dates inferred from the raw texts:');
for (const line of readFileSync(raw, 'utf8').split('\n').filter(Boolean)) {
  const a = JSON.parse(line).article;
  console.log(`  ${a.id}  ${a.published ?? 'null'}  (${a.published_source ?? 'none'}, ${a.published_confidence ?? '-'})`);
}

// ACLED sub-event types per event type (shared/spec/event-model.md), for cases that leave the sub-type open.
const SUB_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'],
};

// Own test sentences: written here, turned into an article file and a gold file in the scorer's format.
const casesFile = join(root, 'test', 'eval', 'sentences.json');
if (existsSync(casesFile)) {
  const { cases } = JSON.parse(readFileSync(casesFile, 'utf8'));
  const input = join(out, 'sentences-input.jsonl');
  writeFileSync(input, cases.map((c) => JSON.stringify({ id: c.id, text: c.text, published: c.published, outlet: 'Test Wire' })).join('\n') + '\n');
  const goldFile = join(out, 'sentences-gold.json');
  writeFileSync(goldFile, JSON.stringify({
    articles: cases.map((c) => ({
      article: c.id,
      published: c.published,
      events: c.expect.map((e, i) => ({
        id: `${c.id}-${i + 1}`,
        event_type: [e.event_type],
        sub_event_type: e.sub_event_type ? [e.sub_event_type] : SUB_TYPES[e.event_type] ?? [],
        date: e.date ?? null,
        date_tolerance_days: 1,
        actor1_side: e.actor1_side ?? null,
        actor2_side: e.actor2_side ?? null,
        location: e.location ? { names: [e.location] } : null,
        fatalities: e.fatalities ?? null,
        injured: e.injured ?? null,
        ceasefire_violation: e.ceasefire_violation ?? null,
        claimant_sides: e.claimant_sides ?? [],
        optional: false,
      })),
      background: [],
      must_not_extract: [],
    })),
  }));
  const preds = join(out, 'sentences.jsonl');
  extractTo(preds, [input]);
  score(`own test sentences (${cases.length} cases in test/eval/sentences.json; counts not given must be null; other fields not given are not checked)`, goldFile, preds);
}

for (const script of ['eval-dev.mjs', 'eval-places.mjs', 'eval-wikievents.mjs', 'eval-article-body.mjs', 'eval-tempeval.mjs', 'eval-near-duplicates.mjs', 'eval-clustering.mjs']) {
  const p = join(root, 'scripts', script);
  if (!existsSync(p)) continue;
  const r = run(process.execPath, [p], { allowFail: true });
  console.log(`\n== ${script}\n${(r.stdout || r.stderr).trim()}`);
}

// One-line summary table of the headline figures (from the runs above and their eval/out/ files).
const readJson = (f) => (existsSync(join(out, f)) ? JSON.parse(readFileSync(join(out, f), 'utf8')) : null);
const dev = readJson('dev-summary.json');
const we = readJson('wikievents-summary.json');
const places = readJson('places-summary.json');
const f3 = (x) => (typeof x === 'number' ? x.toFixed(3) : 'n/a');
const cells = [
  ['seeds record F1', f3(seeds.record_f1)],
  ['dev karabakh record / detection F1', dev ? `${f3(dev.karabakh.record_f1)} / ${f3(dev.karabakh.f1)}` : 'n/a'],
  ['dev other record / detection F1', dev ? `${f3(dev.other.record_f1)} / ${f3(dev.other.f1)}` : 'n/a'],
  ['dev negative false events', dev ? String(dev.negative.fp) : 'n/a'],
  ['history / boilerplate leaks (seeds + dev)', dev
    ? `${seeds.history_leaks + Object.values(dev).reduce((a, g) => a + g.history_leaks, 0)} / ${seeds.boilerplate_leaks + Object.values(dev).reduce((a, g) => a + g.boilerplate_leaks, 0)}`
    : `${seeds.history_leaks} / ${seeds.boilerplate_leaks}`],
  ['GeoVirus Acc@161 / recognition F1 / AUC', places ? `${f3(places.acc161)} / ${f3(places.recognition_f1)} / ${f3(places.auc)}` : 'n/a'],
  ['WikiEvents Attack trigger F1 / args F1', we ? `${f3(we.triggers['Conflict.Attack']?.f1)} / ${f3(we.arguments.overall.f1)}` : 'n/a'],
];
console.log(`\n== summary\n| ${cells.map((c) => c[0]).join(' | ')} |\n|${cells.map(() => '---').join('|')}|\n| ${cells.map((c) => c[1]).join(' | ')} |`);
