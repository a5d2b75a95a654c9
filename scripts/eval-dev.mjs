#!/usr/bin/env node
/**
 * Scores the development corpus (../shared/corpus/dev) by group — karabakh, other, negative —
 * with ../shared/tools/score-events.py: runs `sitrep extract --format jsonl` (the built dist/)
 * over input-GROUP.jsonl into eval/out/dev-GROUP.jsonl and prints, per group, record F1,
 * detection P/R/F1, every field accuracy, history / boilerplate leaks and the extraction time.
 * Writes the summary to eval/out/dev-summary.json (read by eval.mjs for its closing table).
 * For the events behind the numbers: scripts/dev-errors.mjs.
 *
 * Usage: npm run build, then node scripts/eval-dev.mjs [--no-extract]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROUPS, extractGroups, goldFile, inputFile, outDir, predFile, referenceScore } from './lib/dev-corpus.mjs';

const noExtract = process.argv.includes('--no-extract');
const summary = {};
const seconds = noExtract ? null : extractGroups(GROUPS);
if (seconds) console.log(`dev corpus: sitrep extract over the three groups in ${seconds.toFixed(1)} s (one process, start-up included)`);
for (const group of GROUPS) {
  const articles = readFileSync(inputFile(group), 'utf8').split('\n').filter((l) => l.trim()).length;
  const s = referenceScore(goldFile(group), predFile(group));
  summary[group] = { ...s, articles };
  console.log(`\n== dev ${group} (${articles} articles${s.missing_articles.length ? `, ${s.missing_articles.length} without output` : ''})`);
  if (group === 'negative') {
    console.log(`false events ${s.fp} in ${articles} articles without gold events`);
  } else {
    console.log(`event record F1 ${s.record_f1.toFixed(3)} (P ${s.record_precision.toFixed(3)} R ${s.record_recall.toFixed(3)})`);
    console.log(`detection F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}; tp ${s.tp} fp ${s.fp} fn ${s.fn})`);
    for (const [k, v] of Object.entries(s.field_accuracy)) console.log(`  ${k.padEnd(20)} ${v.toFixed(3)}`);
  }
  console.log(`history leaks ${s.history_leaks}, boilerplate leaks ${s.boilerplate_leaks}`);
}
writeFileSync(join(outDir, 'dev-summary.json'), JSON.stringify(summary, null, 1) + '\n');
