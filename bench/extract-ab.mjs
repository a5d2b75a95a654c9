#!/usr/bin/env node
// Compares the extraction speed of two builds of Sitrep (two checkouts, each built) in one
// process, interleaved: blocks of BLOCK articles alternate between build A and build B (the order
// flips every round), and each side's CPU time is summed. Load from other work then falls on both
// sides alike, which back-to-back runs of `bench/extract.bench.mjs` cannot promise on a shared
// machine. Each side first reads the corpus once (warm-up: lazily loaded data, JIT). Not a test.
//   node bench/extract-ab.mjs ROOT_A ROOT_B [seeds|dev] [ROUNDS=60] [BLOCK=20]
// e.g. `git worktree add --detach ../base HEAD~3 && ln -s $PWD/node_modules ../base/ && (cd ../base && npm run build)`,
// then `node bench/extract-ab.mjs ../base . dev`. Prints articles per CPU second of each and B/A.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSitrepFlags } from './node-flags.mjs';

withSitrepFlags();

const here = dirname(fileURLToPath(import.meta.url));
const [A, B, corpus = 'seeds', roundsArg = '60', blockArg = '20'] = process.argv.slice(2);
if (!A || !B) {
  console.error('usage: node bench/extract-ab.mjs ROOT_A ROOT_B [seeds|dev] [ROUNDS] [BLOCK]');
  process.exit(2);
}
const shared = join(here, '..', '..', 'shared', 'corpus');
const file = corpus === 'dev' ? join(shared, 'dev', 'articles.jsonl') : join(shared, 'seeds.jsonl');
const outDir = join(here, 'out');
mkdirSync(outDir, { recursive: true });
const input = join(outDir, `ab-${corpus}.jsonl`);
writeFileSync(input, readFileSync(file, 'utf8'));

const sides = [];
for (const root of [resolve(A), resolve(B)]) {
  const { readInputs } = await import(join(root, 'dist', 'ingest', 'read-inputs.js'));
  const { createExtractContext } = await import(join(root, 'dist', 'extract', 'create-extract-context.js'));
  const { processArticle } = await import(join(root, 'dist', 'pipeline', 'process-article.js'));
  const articles = [];
  for await (const item of readInputs([input], {})) if (item.kind === 'article') articles.push(item.article);
  const ctx = createExtractContext();
  for (const a of articles) JSON.stringify(processArticle(a, ctx));
  sides.push({ root, articles, ctx, processArticle, cpu: 0, n: 0 });
}
const rounds = Number(roundsArg);
const block = Number(blockArg);
for (let r = 0, at = 0; r < rounds; r++, at += block) {
  for (const s of r % 2 ? [...sides].reverse() : sides) {
    const c0 = process.cpuUsage();
    for (let k = 0; k < block; k++) {
      const a = s.articles[(at + k) % s.articles.length];
      JSON.stringify(s.processArticle({ ...a, id: `${a.id}-${r}-${k}` }, s.ctx));
    }
    const c = process.cpuUsage(c0);
    s.cpu += (c.user + c.system) / 1e6;
    s.n += block;
  }
}
const rate = (s) => s.n / s.cpu;
for (const [name, s] of [['A', sides[0]], ['B', sides[1]]]) console.log(`${name} ${s.root}: ${s.n} articles (${corpus}), ${rate(s).toFixed(1)} per CPU second`);
console.log(`B/A = ${(rate(sides[1]) / rate(sides[0])).toFixed(3)}`);
