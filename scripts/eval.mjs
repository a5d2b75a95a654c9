#!/usr/bin/env node
// `npm run eval`: runs `sitrep extract` over the seed corpus (with metadata, and the raw .txt
// files without it) and scores both with ../shared/tools/score-events.py; then the extra
// evaluations that exist (own test sentences, article bodies, temporal expressions).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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
for (const line of (await import('node:fs')).readFileSync(raw, 'utf8').split('\n').filter(Boolean)) {
  const a = JSON.parse(line).article;
  console.log(`  ${a.id}  ${a.published ?? 'null'}  (${a.published_source ?? 'none'}, ${a.published_confidence ?? '-'})`);
}

const ownGold = join(root, 'test', 'eval', 'sentences-gold.json');
const ownInput = join(root, 'test', 'eval', 'sentences.jsonl');
if (existsSync(ownGold) && existsSync(ownInput)) {
  const ownPreds = join(out, 'sentences.jsonl');
  extractTo(ownPreds, [ownInput]);
  score('own test sentences (test/eval)', ownGold, ownPreds);
}

for (const script of ['eval-article-body.mjs', 'eval-tempeval.mjs', 'eval-clustering.mjs']) {
  const p = join(root, 'scripts', script);
  if (!existsSync(p)) continue;
  const r = run(process.execPath, [p], { allowFail: true });
  console.log(`\n== ${script}\n${(r.stdout || r.stderr).trim()}`);
}
