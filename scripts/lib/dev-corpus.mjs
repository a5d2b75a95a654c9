// Running the extractor over the development corpus (../shared/corpus/dev) and reading its
// gold and the reference scorer's JSON summary; shared by eval-dev.mjs and dev-errors.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const shared = resolve(root, '..', 'shared');
// DEV_CORPUS_DIR points the tools at another labelled set laid out the same way
// (input-GROUP.jsonl and gold-GROUP.json per group; the groups are read off the file names), for
// example a check set of real articles kept outside the repository.
export const devDir = process.env.DEV_CORPUS_DIR ? resolve(process.env.DEV_CORPUS_DIR) : join(shared, 'corpus', 'dev');
export const outDir = process.env.DEV_CORPUS_DIR ? join(devDir, 'out') : join(root, 'eval', 'out');
export const GROUPS = process.env.DEV_CORPUS_DIR
  ? readdirSync(devDir).map((f) => /^input-(.+)\.jsonl$/.exec(f)?.[1]).filter(Boolean).sort()
  : ['karabakh', 'other', 'negative'];

export const inputFile = (group) => join(devDir, `input-${group}.jsonl`);
export const goldFile = (group) => join(devDir, `gold-${group}.json`);
export const predFile = (group) => join(outDir, `dev-${group}.jsonl`);

/**
 * Runs `sitrep extract --format jsonl` (the built dist/) once over the groups' inputs (one
 * process: the start-up, mostly loading packs, costs seconds) and writes each group's lines to
 * eval/out/dev-GROUP.jsonl. Returns the seconds taken.
 */
export function extractGroups(groups) {
  if (!existsSync(join(root, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
  mkdirSync(outDir, { recursive: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'sitrep.js'), 'extract', '--format', 'jsonl', ...groups.map(inputFile)], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 29,
  });
  if (r.status !== 0) {
    process.stderr.write(r.stderr ?? '');
    throw new Error(`sitrep extract exited ${r.status}`);
  }
  const groupOf = new Map();
  for (const g of groups) {
    for (const line of readFileSync(inputFile(g), 'utf8').split('\n')) if (line.trim()) groupOf.set(JSON.parse(line).id, g);
  }
  const lines = Object.fromEntries(groups.map((g) => [g, []]));
  for (const line of r.stdout.split('\n')) {
    if (!line.trim()) continue;
    const g = groupOf.get(JSON.parse(line).article.id);
    if (g) lines[g].push(line);
  }
  for (const g of groups) writeFileSync(predFile(g), lines[g].map((l) => `${l}\n`).join(''));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Predictions of a JSONL file, by article id. */
export function readPredictions(file) {
  const out = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line);
    out.set(o.article.id, o);
  }
  return out;
}

export const readGold = (group) => JSON.parse(readFileSync(goldFile(group), 'utf8')).articles;

/** score-events.py GOLD PREDS --json: the reference summary. */
export function referenceScore(gold, preds) {
  const r = spawnSync('python3', [join(shared, 'tools', 'score-events.py'), gold, preds, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`score-events.py exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
