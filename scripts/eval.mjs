#!/usr/bin/env node
// `npm run eval`: runs `sitrep extract` over the seed corpus (with metadata, and the raw .txt
// files without it) and scores both with ../shared/tools/score-events.py; then the extra
// evaluations that exist (own test sentences, article bodies, temporal expressions).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const out = join(root, 'eval', 'out');
mkdirSync(out, { recursive: true });

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
}

const gold = join(shared, 'corpus', 'seeds-gold.json');
const withMeta = join(out, 'seeds-metadata.jsonl');
extractTo(withMeta, [join(shared, 'corpus', 'seeds.jsonl')]);
score('seeds.jsonl (with metadata)', gold, withMeta);

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

for (const script of ['eval-article-body.mjs', 'eval-tempeval.mjs', 'eval-near-duplicates.mjs', 'eval-clustering.mjs']) {
  const p = join(root, 'scripts', script);
  if (!existsSync(p)) continue;
  const r = run(process.execPath, [p], { allowFail: true });
  console.log(`\n== ${script}\n${(r.stdout || r.stderr).trim()}`);
}
