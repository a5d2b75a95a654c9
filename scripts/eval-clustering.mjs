#!/usr/bin/env node
/**
 * Evaluates story clustering (src/resolve/stories clusterStories) on ECB+ as shared in
 * ../shared/eval/clustering/ (see its README): documents grouped by seminal event, gold label
 * `subtopic` (two different real-world events of the same kind per topic).
 *
 * The threshold (and name weight and linkage) are tuned on the train split (B³ F1), then the
 * chosen setting is reported on the dev split: B³ and pairwise P/R/F1 at the subtopic level,
 * next to reference rows (every document alone; the gold topics as clusters, i.e. perfect at
 * telling topics apart but not the two events inside one) and the published baseline named in
 * the README (Barhom et al. 2019, K-means over TF-IDF of the full documents, test split).
 * ECB+ has no usable dates or coordinates per document, so only the text part is exercised.
 *
 * Usage: npm run build, then node scripts/eval-clustering.mjs [--data DIR] [--json FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const dataDir = arg('--data', join(repoRoot, '..', 'shared', 'eval', 'clustering'));
const jsonOut = arg('--json', null);

const { clusterStories, scoreClustering, DEFAULT_CLUSTER_STORIES_OPTIONS } = await import(
  join(repoRoot, 'dist', 'resolve', 'stories', 'index.js')
).catch((e) => {
  console.error(`eval-clustering: cannot load dist/resolve/stories (build first: npm run build): ${e.message}`);
  process.exit(2);
});

const docs = readFileSync(join(dataDir, 'ecbplus_docs.train_dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l));
const split = (name) => docs.filter((d) => d.split === name);
const items = (ds) => ds.map((d) => ({ id: d.doc_id, date: null, text: d.text }));
const goldOf = (ds, key) => new Map(ds.map((d) => [d.doc_id, String(d[key])]));

const train = split('train');
const dev = split('dev');
const trainItems = items(train);
const devItems = items(dev);
const trainGold = goldOf(train, 'subtopic');
const devGold = goldOf(dev, 'subtopic');

// --- tune on train ------------------------------------------------------------------------
const grid = [];
for (const linkage of ['average', 'single'])
  for (const nameWeight of [1, 1.5, 2, 3])
    for (let t = 0.02; t <= 0.5001; t += 0.01) grid.push({ linkage, nameWeight, threshold: Math.round(t * 100) / 100 });
let best = null;
const bestPerLinkage = {};
const t0 = performance.now();
for (const g of grid) {
  const s = scoreClustering(clusterStories(trainItems, g), trainGold);
  if (best === null || s.bcubed.f1 > best.score.bcubed.f1) best = { ...g, score: s };
  if (!bestPerLinkage[g.linkage] || s.bcubed.f1 > bestPerLinkage[g.linkage].score.bcubed.f1) bestPerLinkage[g.linkage] = { ...g, score: s };
}
const tuneSecs = (performance.now() - t0) / 1000;

// --- report on dev ------------------------------------------------------------------------
const f3 = (x) => x.toFixed(3);
const row = (name, s, note = '') =>
  `${name.padEnd(46)}${f3(s.bcubed.precision)}  ${f3(s.bcubed.recall)}  ${f3(s.bcubed.f1)}   ${f3(s.pairwise.precision)}  ${f3(s.pairwise.recall)}  ${f3(s.pairwise.f1)}  ${String(s.predictedClusters).padStart(4)}  ${note}`;
const chosen = { linkage: best.linkage, nameWeight: best.nameWeight, threshold: best.threshold };
const devDefault = scoreClustering(clusterStories(devItems), devGold);
const devChosen = scoreClustering(clusterStories(devItems, chosen), devGold);
const devLinkage = Object.fromEntries(
  Object.entries(bestPerLinkage).map(([k, v]) => [k, scoreClustering(clusterStories(devItems, { linkage: v.linkage, nameWeight: v.nameWeight, threshold: v.threshold }), devGold)]),
);
const singletons = scoreClustering(dev.map((d) => [d.doc_id]), devGold);
const byTopic = new Map();
for (const d of dev) byTopic.set(d.topic, [...(byTopic.get(d.topic) ?? []), d.doc_id]);
const topicOracle = scoreClustering([...byTopic.values()], devGold);
const devTopicLevel = scoreClustering(clusterStories(devItems, chosen), goldOf(dev, 'topic'));

const tStart = performance.now();
let runs = 0;
while (performance.now() - tStart < 1000) {
  clusterStories(devItems, chosen);
  runs++;
}
const msPerRun = (performance.now() - tStart) / runs;

console.log(`Story clustering on ECB+ (../shared/eval/clustering): train ${train.length} docs / ${new Set(train.map((d) => d.subtopic)).size} subtopics, dev ${dev.length} docs / ${new Set(dev.map((d) => d.subtopic)).size} subtopics`);
console.log(`Tuned on train over ${grid.length} settings in ${tuneSecs.toFixed(1)} s: linkage=${best.linkage}, nameWeight=${best.nameWeight}, threshold=${best.threshold} (train B³ F1 ${f3(best.score.bcubed.f1)}); library defaults: linkage=${DEFAULT_CLUSTER_STORIES_OPTIONS.linkage}, nameWeight=${DEFAULT_CLUSTER_STORIES_OPTIONS.nameWeight}, threshold=${DEFAULT_CLUSTER_STORIES_OPTIONS.threshold}`);
for (const [k, v] of Object.entries(bestPerLinkage)) console.log(`  best ${k}-link on train: nameWeight=${v.nameWeight}, threshold=${v.threshold}, train B³ F1 ${f3(v.score.bcubed.f1)}`);
console.log(`\nDev split, subtopic level (gold = ECB+ subtopic)    B³ P   B³ R   B³ F1    pw P   pw R   pw F1  clus`);
console.log(row('clusterStories, tuned on train', devChosen));
console.log(row('clusterStories, library defaults', devDefault));
for (const [k, s] of Object.entries(devLinkage)) console.log(row(`  best ${k}-link setting from train`, s));
console.log(row('every document alone', singletons));
console.log(row('gold topics as clusters (topic oracle)', topicOracle));
console.log(`${'Barhom et al. 2019 K-means, TEST split, full docs'.padEnd(46)}   -      -    0.976      -      -      -      -  published (README)`);
console.log(`\nTopic level (gold = topic), tuned setting: B³ F1 ${f3(devTopicLevel.bcubed.f1)}, pairwise F1 ${f3(devTopicLevel.pairwise.f1)}`);
console.log(`Speed: ${msPerRun.toFixed(1)} ms to cluster the ${dev.length} dev documents`);
console.log(`
Why the published number is not directly comparable: Barhom et al. cluster the TEST topics (36-45,
held out here) and run on the FULL ECB+ documents; the documents here are only the 1-3 sentences
selected for annotation (1.8 on average), so the words that tell the two events of a topic apart
(names, places, dates, numbers) are often missing. K-means also receives the number of clusters,
while clusterStories only gets a similarity threshold (in the product the number of stories is
unknown). The topic oracle row shows how much of the score comes from splitting each topic in two.`);
if (jsonOut)
  writeFileSync(
    jsonOut,
    JSON.stringify({ tuned: chosen, train: best.score, dev: devChosen, devDefaults: devDefault, singletons, topicOracle, devTopicLevel, baseline: { name: 'Barhom et al. 2019 K-means (test, full documents)', bcubedF1: 0.976 } }, null, 2) + '\n',
  );
