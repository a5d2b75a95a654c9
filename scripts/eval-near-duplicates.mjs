#!/usr/bin/env node
/**
 * Evaluates near-duplicate detection (src/resolve/near-duplicates) on pairs built at run time from
 * the seed articles in ../shared/corpus/seeds/*.txt (their text never enters the repository).
 *
 * Positives: each seed against copies of itself with ads inserted every few paragraphs, paragraphs
 * shuffled, one paragraph dropped, a paragraph added, the headline changed, and combinations
 * (several random draws each); "lightly edited" copies (every 20th word replaced) are reported as
 * a harder extra class. Negatives: every pair of distinct seeds (000 vs 001 report the same
 * event), and every transformed copy against every other seed.
 * Reports precision / recall of isNearDuplicate, LSH candidate recall (≥ 1 shared band key), the
 * distribution of estimated and exact Jaccard per class, and the speed of minhashSignature.
 *
 * Usage: npm run build, then node scripts/eval-near-duplicates.mjs [--seeds DIR] [--draws N] [--json FILE]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const seedDir = arg('--seeds', join(repoRoot, '..', 'shared', 'corpus', 'seeds'));
const draws = Number(arg('--draws', '5'));
const jsonOut = arg('--json', null);

const nd = await import(join(repoRoot, 'dist', 'resolve', 'near-duplicates', 'index.js')).catch((e) => {
  console.error(`eval-near-duplicates: cannot load dist/resolve/near-duplicates (build first: npm run build): ${e.message}`);
  process.exit(2);
});
const { minhashSignature, estimateJaccard, exactJaccard, shingleHashes, lshBandKeys, isNearDuplicate, NEAR_DUPLICATE_THRESHOLD } = nd;

const files = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
const seeds = files.map((f) => ({ id: f.slice(0, 3), text: readFileSync(join(seedDir, f), 'utf8') }));

// --- deterministic randomness -------------------------------------------------------------
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const shuffle = (arr, r) => {
  const a = [...arr];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

// --- transformations (our own inserted texts; the seed text is only rearranged) ------------
const ADS = [
  '[ad_1]',
  'Advertisement',
  'ADVERTISEMENT: Get the best deals on travel insurance this winter, compare forty providers in one click.',
  'Sponsored: This new kitchen gadget is selling out everywhere and chefs cannot believe the price.',
];
const ADDED = [
  'Editor’s note: this report was updated with comments from regional officials and will be updated again as more information becomes available.',
  'Our correspondent in the region added that communication lines were intermittent and that independent confirmation of the details was not yet possible.',
];
const HEADLINES = ['Latest: tensions flare again in the region', 'What we know so far about the new fighting', 'BREAKING NEWS UPDATE'];

const split = (text) => {
  const lines = text.split(/\n+/).filter((l) => l.trim() !== '');
  return { title: lines[0], body: lines.slice(1) };
};
const join2 = (title, body) => [title, ...body].join('\n\n');
const T = {
  ads: (d, r) => ({ ...d, body: d.body.flatMap((p, i) => ((i + 1) % (2 + Math.floor(r() * 3)) === 0 ? [p, ADS[Math.floor(r() * ADS.length)]] : [p])) }),
  shuffle: (d, r) => ({ ...d, body: shuffle(d.body, r) }),
  drop: (d, r) => {
    const long = d.body.map((p, i) => [p, i]).filter(([p]) => p.split(/\s+/).length >= 12);
    const [, k] = long[Math.floor(r() * long.length)] ?? [null, 0];
    return { ...d, body: d.body.filter((_, i) => i !== k) };
  },
  add: (d, r) => {
    const body = [...d.body];
    body.splice(Math.floor(r() * (body.length + 1)), 0, ADDED[Math.floor(r() * ADDED.length)]);
    return { ...d, body };
  },
  headline: (d, r) => ({ ...d, title: HEADLINES[Math.floor(r() * HEADLINES.length)] }),
  edit20: (d, r) => {
    let n = 0;
    const off = Math.floor(r() * 20);
    return { title: d.title, body: d.body.map((p) => p.split(' ').map((w) => (++n + off) % 20 === 0 ? `edited${n}` : w).join(' ')) };
  },
};
const CLASSES = {
  'ads inserted': ['ads'],
  'paragraphs shuffled': ['shuffle'],
  'one paragraph dropped': ['drop'],
  'paragraph added': ['add'],
  'headline changed': ['headline'],
  'ads + shuffle + headline': ['ads', 'shuffle', 'headline'],
  'drop + add + headline': ['drop', 'add', 'headline'],
  'all five': ['ads', 'shuffle', 'drop', 'add', 'headline'],
  'edited (every 20th word) [extra]': ['edit20'],
};

// --- build pairs ----------------------------------------------------------------------------
const sigCache = new Map();
const measure = (a, b) => {
  const sa = sigCache.get(a) ?? minhashSignature(a);
  const sb = sigCache.get(b) ?? minhashSignature(b);
  sigCache.set(a, sa);
  sigCache.set(b, sb);
  const ka = new Set(lshBandKeys(sa));
  return {
    est: estimateJaccard(sa, sb),
    exact: exactJaccard(shingleHashes(a), shingleHashes(b)),
    dup: isNearDuplicate(sa, sb),
    candidate: lshBandKeys(sb).some((k) => ka.has(k)),
  };
};

const positives = [];
const variants = [];
seeds.forEach((s, si) => {
  for (const [cls, ops] of Object.entries(CLASSES)) {
    for (let d = 0; d < draws; d++) {
      const r = rng(1000 * si + 97 * d + cls.length);
      let doc = split(s.text);
      for (const op of ops) doc = T[op](doc, r);
      const text = join2(doc.title, doc.body);
      variants.push({ seed: si, cls, text });
      positives.push({ cls, a: s.id, ...measure(s.text, text) });
    }
  }
});
const negatives = [];
for (let i = 0; i < seeds.length; i++)
  for (let j = i + 1; j < seeds.length; j++) negatives.push({ cls: 'distinct seeds', a: seeds[i].id, b: seeds[j].id, ...measure(seeds[i].text, seeds[j].text) });
for (const v of variants)
  for (let j = 0; j < seeds.length; j++) if (j !== v.seed) negatives.push({ cls: 'copy vs other seed', a: seeds[v.seed].id, b: seeds[j].id, ...measure(v.text, seeds[j].text) });

// --- report ---------------------------------------------------------------------------------
const q = (xs, p) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
};
const f2 = (x) => x.toFixed(2);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

console.log(`Near-duplicate evaluation: ${seeds.length} seeds, ${draws} draws per class, threshold ${NEAR_DUPLICATE_THRESHOLD} (estimated Jaccard, 5-word shingles, MinHash-128, LSH 32×4)\n`);
console.log(`${pad('class', 34)}${lpad('pairs', 6)}${lpad('detected', 9)}${lpad('LSH cand', 9)}   est. Jaccard min / median / max   exact min / median / max`);
const byClass = (rows) => {
  const groups = new Map();
  for (const r of rows) groups.set(r.cls, [...(groups.get(r.cls) ?? []), r]);
  return groups;
};
const summary = { threshold: NEAR_DUPLICATE_THRESHOLD, classes: {} };
for (const [cls, rows] of [...byClass(positives), ...byClass(negatives)]) {
  const est = rows.map((r) => r.est);
  const ex = rows.map((r) => r.exact);
  const detected = rows.filter((r) => r.dup).length;
  const cand = rows.filter((r) => r.candidate).length;
  summary.classes[cls] = { pairs: rows.length, detected, candidates: cand, est: [Math.min(...est), q(est, 0.5), Math.max(...est)], exact: [Math.min(...ex), q(ex, 0.5), Math.max(...ex)] };
  console.log(`${pad(cls, 34)}${lpad(rows.length, 6)}${lpad(detected, 9)}${lpad(cand, 9)}   ${f2(Math.min(...est))} / ${f2(q(est, 0.5))} / ${f2(Math.max(...est))}${' '.repeat(18)}${f2(Math.min(...ex))} / ${f2(q(ex, 0.5))} / ${f2(Math.max(...ex))}`);
}

const core = positives.filter((p) => !p.cls.includes('[extra]'));
const score = (pos) => {
  const tp = pos.filter((p) => p.dup).length;
  const fp = negatives.filter((n) => n.dup).length;
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp / pos.length;
  return { tp, fp, fn: pos.length - tp, precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};
const s1 = score(core);
const s2 = score(positives);
console.log(`\nConstructed copies (${core.length} positives, ${negatives.length} negatives): precision ${f2(s1.precision)}, recall ${f2(s1.recall)}, F1 ${f2(s1.f1)} (TP ${s1.tp}, FP ${s1.fp}, FN ${s1.fn})`);
console.log(`With the word-edited copies too (${positives.length} positives): precision ${f2(s2.precision)}, recall ${f2(s2.recall)}, F1 ${f2(s2.f1)}`);
const s01 = negatives.find((n) => n.a === '000' && n.b === '001');
if (s01) console.log(`000 vs 001 (same event, different articles): estimated ${f2(s01.est)}, exact ${f2(s01.exact)}`);
const maxNeg = Math.max(...negatives.map((n) => n.est));
const minPos = Math.min(...core.map((p) => p.est));
console.log(`Gap: highest negative ${f2(maxNeg)}, lowest positive ${f2(minPos)}; LSH false candidates among negatives: ${negatives.filter((n) => n.candidate).length}`);

// --- speed ----------------------------------------------------------------------------------
const texts = [...seeds.map((s) => s.text), ...variants.map((v) => v.text)];
let n = 0;
let chars = 0;
const t0 = performance.now();
while (performance.now() - t0 < 1500) for (const t of texts) { minhashSignature(t); n++; chars += t.length; }
const secs = (performance.now() - t0) / 1000;
console.log(`Speed: minhashSignature ${Math.round(n / secs)} docs/s (${(chars / secs / 1e6).toFixed(1)} M chars/s, mean ${Math.round(chars / n)} chars/doc)`);
Object.assign(summary, { constructed: s1, withEdited: s2, speedDocsPerSec: Math.round(n / secs) });
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(summary, null, 2) + '\n');
