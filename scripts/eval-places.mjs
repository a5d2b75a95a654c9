#!/usr/bin/env node
// Geoparsing on GeoVirus (../shared/eval/geoparsing/geovirus.jsonl: Wikinews on outbreaks, every
// toponym with Wikipedia coordinates): `sitrep places --format jsonl` over it, scored by
// ../shared/tools/score-places.py (recognition P/R/F1; Acc@161 of recognised toponyms and end to
// end; mean error; AUC). Writes eval/out/places-geovirus.jsonl and eval/out/places-summary.json.
// Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const out = join(root, 'eval', 'out');
mkdirSync(out, { recursive: true });
const summaryFile = join(out, 'places-summary.json');
rmSync(summaryFile, { force: true });

const gold = join(shared, 'eval', 'geoparsing', 'geovirus.jsonl');
if (!existsSync(gold)) {
  console.log(`GeoVirus not found at ${gold}: skipped`);
  process.exit(0);
}
const preds = join(out, 'places-geovirus.jsonl');
const started = Date.now();
const r = spawnSync(process.execPath, [join(root, 'bin', 'sitrep.js'), 'places', '--format', 'jsonl', gold], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  throw new Error(`sitrep places exited ${r.status}`);
}
writeFileSync(preds, r.stdout);
const seconds = (Date.now() - started) / 1000;
const score = (...extra) => spawnSync('python3', [join(shared, 'tools', 'score-places.py'), gold, preds, ...extra], { encoding: 'utf8' });
const text = score();
if (text.status !== 0) {
  process.stderr.write(text.stderr);
  throw new Error('score-places.py failed');
}
console.log(`GeoVirus (${seconds.toFixed(1)} s for sitrep places, start-up included)\n${text.stdout.trim()}`);
const json = score('--json');
const last = json.stdout.trim().split('\n').pop();
try {
  writeFileSync(summaryFile, JSON.stringify(JSON.parse(last), null, 2) + '\n');
} catch {
  // the scorer printed no JSON: the table above is all there is
}
