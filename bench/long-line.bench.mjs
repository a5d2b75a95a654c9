#!/usr/bin/env node
// Extraction time of one article that is a single long line (issue #16), as it grows: real
// sentences of the dev corpus run together without paragraph breaks ("sentences"), the same words
// with the sentence punctuation taken out, one endless sentence ("no-stops"), or that sentence
// with every word capitalised (every word a name candidate, "names").
// The shape "ingest" (or "ingest-no-stops", "ingest-names") times `sitrep ingest` end to end (a
// fresh process and SQLite file, default threads) on a batch of two files: the article of that
// size (real sentences on one line, or the shape named) and then a small one, next to the same
// command on the small file alone; both must be stored.
// Needs `npm run build`. Usage: node bench/long-line.bench.mjs [KB,KB,...=25,50,100] [shape,...=sentences,no-stops]
// Each size runs in a fresh child process with a time limit (SITREP_BENCH_LIMIT_S, default 120 s).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = fileURLToPath(new URL('..', import.meta.url));
const sizes = (process.argv[2] ?? '25,50,100').split(',').map(Number);
const shapes = (process.argv[3] ?? 'sentences,no-stops').split(',');
const limit = Number(process.env.SITREP_BENCH_LIMIT_S ?? 120);

function devArticles() {
  return fs.readFileSync(path.resolve(root, '..', 'shared', 'corpus', 'dev', 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

/** `kb` KB on one line, of the dev corpus's words in the given shape. */
function lineOf(kb, shape) {
  let words = devArticles().map((a) => (a.text ?? '').replace(/\s+/g, ' ')).join(' ');
  if (shape !== 'sentences') words = words.replace(/[.!?;:]/g, '');
  if (shape === 'names') words = words.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  let text = '';
  while (text.length < kb * 1024) text += words + ' ';
  return text.slice(0, kb * 1024);
}

if (process.env.SITREP_BENCH_CHILD) {
  const [kb, shape] = [Number(process.env.SITREP_BENCH_KB), process.env.SITREP_BENCH_SHAPE];
  const { createExtractContext } = await import(path.join(root, 'dist/extract/create-extract-context.js'));
  const { processArticle } = await import(path.join(root, 'dist/pipeline/process-article.js'));
  const dev = devArticles();
  const text = lineOf(kb, shape);
  const ctx = createExtractContext();
  processArticle({ id: 'warm', source: 'warm', format: 'json', title: null, text: dev[0].text, html: null, url: null, outlet: null, published: '2020-10-05', publishedSource: 'metadata', language: null, diagnostics: [] }, ctx);
  const t = performance.now();
  const r = processArticle({ id: 'long', source: 'long', format: 'json', title: 'Long line', text, html: null, url: null, outlet: null, published: '2020-10-05', publishedSource: 'metadata', language: null, diagnostics: [] }, ctx);
  const ms = performance.now() - t;
  const codes = [...new Set(r.diagnostics.map((d) => d.code))].filter((c) => c.startsWith('extract/'));
  console.log(JSON.stringify({ ms, events: r.events.length, peakMB: process.resourceUsage().maxRSS / 1024, diagnostics: codes }));
  process.exit(0);
}

/** Wall time of `sitrep ingest FILES` into a fresh SQLite file, and the articles it stored. */
function timeIngest(dir, files) {
  const db = path.join(dir, `bench-${Math.random().toString(36).slice(2)}.db`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin/sitrep.js'), 'ingest', '--db', db, ...files], { encoding: 'utf8', timeout: limit * 1000 });
  const ms = performance.now() - t;
  if (r.error) return { ms, status: `not done in ${limit} s`, stored: [], stderr: '' };
  const store = new Database(db, { readonly: true });
  const stored = store.prepare('SELECT id FROM articles ORDER BY seq').all().map((row) => row.id);
  store.close();
  return { ms, status: r.status, stored, stderr: r.stderr };
}

function benchIngest(kb, shape) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-long-line-'));
  try {
    const long = path.join(dir, '1-long.json');
    const small = path.join(dir, '2-small.json');
    fs.writeFileSync(long, JSON.stringify({ id: 'long-line', title: 'One long line', published: '2020-10-05', text: lineOf(kb, shape) }));
    fs.writeFileSync(small, JSON.stringify({ id: 'small', title: 'Small', published: '2020-10-05', text: 'Armenian forces shelled the town of Tartar on Monday, killing two civilians.' }));
    const alone = timeIngest(dir, [small]);
    const both = timeIngest(dir, [long, small]);
    const codes = [...new Set([...both.stderr.matchAll(/\b((?:clean|extract|ingest)\/[a-z-]+)/g)].map((m) => m[1]))];
    console.log(`ingest of ${shape.padEnd(9)} ${String(kb).padStart(5)} KB then a small article: ${(both.ms / 1000).toFixed(2)} s end to end (exit ${both.status}, stored: ${both.stored.join(', ') || 'none'}); the small article alone: ${(alone.ms / 1000).toFixed(2)} s (exit ${alone.status}); so the long one costs ${((both.ms - alone.ms) / 1000).toFixed(2)} s ${codes.join(' ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

for (const shape of shapes) {
  for (const kb of sizes) {
    if (shape.startsWith('ingest')) {
      benchIngest(kb, shape.replace(/^ingest-?/, '') || 'sentences');
      continue;
    }
    const r = spawnSync(process.execPath, ['--max-semi-space-size=32', fileURLToPath(import.meta.url)], {
      env: { ...process.env, SITREP_BENCH_CHILD: '1', SITREP_BENCH_KB: String(kb), SITREP_BENCH_SHAPE: shape },
      encoding: 'utf8',
      timeout: limit * 1000,
    });
    if (r.error || r.status !== 0) {
      console.log(`${shape.padEnd(9)} ${String(kb).padStart(5)} KB: not done in ${limit} s${r.stderr ? ` (${r.stderr.trim().split('\n').at(-1)})` : ''}`);
      continue;
    }
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1));
    console.log(`${shape.padEnd(9)} ${String(kb).padStart(5)} KB: ${(out.ms / 1000).toFixed(2)} s, peak ${out.peakMB.toFixed(0)} MB, ${out.events} events ${out.diagnostics.join(' ')}`);
  }
}
