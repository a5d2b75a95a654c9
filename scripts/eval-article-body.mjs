#!/usr/bin/env node
/**
 * Article-body extraction scorecard: runs Sitrep's HTML cleaner (the compiled `dist/`, so build
 * first with `npm run build`) over the shared Zyte article-extraction pages, writes predictions
 * in the benchmark's format to `eval/out/article-body-predictions.json`, scores them with
 * `../shared/tools/score-article-body.py` and prints the result beside the reference systems
 * shipped with the benchmark, scored on the same pages.
 *
 * usage: node scripts/eval-article-body.mjs [--kinds body,heading,quote] [--json]
 *
 * The prediction for a page is the cleaned article's paragraphs of the chosen kinds (default
 * body, heading and quote: the gold text excludes the headline, captions and related links).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bench = join(root, '..', 'shared', 'eval', 'article-extraction');
const scorer = join(root, '..', 'shared', 'tools', 'score-article-body.py');
const args = process.argv.slice(2);
const kindsArg = args.includes('--kinds') ? args[args.indexOf('--kinds') + 1] : 'body,heading,quote';
const kinds = new Set(kindsArg.split(','));

let cleanArticle;
let decodeBytes;
try {
  ({ cleanArticle } = await import(join(root, 'dist', 'clean', 'clean-article.js')));
  ({ decodeBytes } = await import(join(root, 'dist', 'ingest', 'decode-bytes.js')));
} catch (err) {
  console.error(`eval-article-body: cannot load dist/ (${err.message}); run \`npm run build\` first`);
  process.exit(2);
}

const htmlDir = join(bench, 'html');
const files = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort();
const output = {};
let bytes = 0;
let cleanMs = 0;
const methods = {};
for (const file of files) {
  const id = file.slice(0, -'.html.gz'.length);
  const raw = gunzipSync(readFileSync(join(htmlDir, file)));
  bytes += raw.length;
  const decoded = decodeBytes(raw, file);
  const html = decoded.ok ? decoded.text : '';
  const t0 = performance.now();
  const clean = cleanArticle({
    id, source: file, format: 'html', title: null, text: null, html, url: null, outlet: null,
    published: null, publishedSource: null, language: null, diagnostics: [],
  });
  cleanMs += performance.now() - t0;
  const fallback = clean.diagnostics.find((d) => d.code === 'clean/html-fallback');
  const method = fallback ? 'fallback' : 'readability';
  methods[method] = (methods[method] ?? 0) + 1;
  const body = clean.paragraphs.filter((p) => kinds.has(p.kind)).map((p) => clean.text.slice(p.start, p.end));
  output[id] = { articleBody: body.join('\n') };
}

const outDir = join(root, 'eval', 'out');
mkdirSync(outDir, { recursive: true });
const predictions = join(outDir, 'article-body-predictions.json');
writeFileSync(predictions, JSON.stringify({ version: 'sitrep', output }, null, 1));

const gold = join(bench, 'ground-truth.json');
const score = (file) => JSON.parse(execFileSync('python3', [scorer, gold, file, '--json'], { encoding: 'utf8' }));
const rows = [{ system: 'sitrep (readability 0.6.0 + linkedom + boilerplate rules)', ...score(predictions) }];
const refDir = join(bench, 'reference-outputs');
for (const ref of readdirSync(refDir).filter((f) => f.endsWith('.json')).sort()) {
  rows.push({ system: `reference: ${ref.replace(/\.json$/, '')}`, ...score(join(refDir, ref)) });
}

if (args.includes('--json')) {
  console.log(JSON.stringify({ kinds: [...kinds], pages: files.length, msPerPage: cleanMs / files.length, methods, rows }));
} else {
  console.log(`Article body extraction (Zyte benchmark, ${files.length} pages, ${(bytes / 1e6).toFixed(1)} MB of HTML)`);
  console.log(`kinds kept: ${[...kinds].join(', ')}; method: ${JSON.stringify(methods)}`);
  console.log(`clean time: ${(cleanMs / files.length).toFixed(1)} ms/page (${(files.length / (cleanMs / 1000)).toFixed(0)} pages/s)\n`);
  console.log(`${'system'.padEnd(62)} ${'F1'.padStart(6)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'acc'.padStart(6)}`);
  for (const r of rows) {
    const f = (x) => x.toFixed(3).padStart(6);
    console.log(`${r.system.padEnd(62)} ${f(r.f1)} ${f(r.precision)} ${f(r.recall)} ${f(r.accuracy)}`);
  }
  console.log('\nPublished (upstream README, full 181 pages): trafilatura 0.958, readability_js 0.947, readability-lxml 0.922, html-text 0.665.');
  console.log(`predictions: ${predictions}`);
}
