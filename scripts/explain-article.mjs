#!/usr/bin/env node
/**
 * Development aid: prints, sentence by sentence, what the extractor read in one article of the
 * development corpus (actors, places, dates, triggers, attribution claims, casualties), then the
 * drafts. Usage (after `npm run build`): node scripts/explain-article.mjs ARTICLE_ID [GROUP]
 * or, for any text: node scripts/explain-article.mjs --text FILE [PUBLISHED]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExtractContext } from '../dist/extract/create-extract-context.js';
import { readSentences, buildDrafts } from '../dist/extract/build-drafts.js';
import { sentenceViews } from '../dist/extract/sentences.js';
import { findDates } from '../dist/dates/find-dates.js';
import { analyzeText } from '../dist/nlp/analyze-text.js';
import { findFrameTriggers } from '../dist/extract/match-frames.js';
import { loadFrames } from '../dist/extract/frames.js';
import { cleanArticle } from '../dist/clean/clean-article.js';
import { findUnlistedPlaces } from '../dist/extract/recognizers/unlisted-places.js';

const [id, group] = process.argv.slice(2);
// DEV_CORPUS_DIR: another labelled set laid out like the dev corpus (input-GROUP.jsonl), as for dev-errors.mjs
const corpusDir = process.env.DEV_CORPUS_DIR ?? fileURLToPath(new URL('../../shared/corpus/dev/', import.meta.url));
const groups = group ? [group] : readdirSync(corpusDir).filter((f) => /^input-.+\.jsonl$/.test(f)).map((f) => f.slice(6, -6));
let row = null;
if (id === '--text') row = { id: 'text', text: readFileSync(group, 'utf8'), published: process.argv[4] ?? null };
for (const g of id === '--text' ? [] : groups) {
  for (const line of readFileSync(join(corpusDir, `input-${g}.jsonl`), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line);
    if (a.id === id) row = a;
  }
}
if (!row) {
  console.error(`no article ${id}`);
  process.exit(2);
}
const base = createExtractContext();
const raw = { id: row.id, source: 'dev', title: row.title ?? null, outlet: row.outlet ?? null, url: row.url ?? null, published: row.published ?? null, publishedSource: 'metadata', publishedConfidence: 'high', text: row.text, html: null, format: 'text', language: null, diagnostics: [] };
const article = cleanArticle(raw);
const text = article.text;
const ctx = base.forArticle?.(text) ?? base;
const sentences = sentenceViews(article);
const analysis = analyzeText(text);
const actors = ctx.findActors(text, article.published);
const known = ctx.findPlaces(text);
const places = findUnlistedPlaces(text, analysis.tokens, known, actors, ctx);
const facts = readSentences(text, sentences, actors, places, findDates(text, article.published), findFrameTriggers(text, analysis, loadFrames(), sentences), ctx, analysis);
const side = (a) => (a ? `${a.name}[${a.side ?? '?'}]` : 'NULL');
for (const f of facts) {
  console.log(`\n#${f.s.index} p${f.s.paragraph} ${f.s.kind}: ${f.s.text}`);
  if (f.actors.length) console.log('  actors:', f.actors.map((a) => `${text.slice(a.start, a.end)}→${a.entry.side ?? '?'}`).join('; '));
  if (f.places.length) console.log('  places:', f.places.map((p) => `${text.slice(p.start, p.end)}`).join('; '));
  if (f.triggers.length) console.log('  triggers:', f.triggers.map((t) => `${t.text ?? text.slice(t.start, t.end)}`).join('; '));
  if (f.frames.length) console.log('  frames:', f.frames.map((x) => `[${x.claimant.text}] ${x.stance}`).join('; '));
  if (f.claims.length) console.log('  claims:', f.claims.map((c) => `${side(c.claimant)} ${c.stance}${c.accused ? ' accused ' + side(c.accused) : ''}`).join('; '));
  if (f.casualties.length) console.log('  casualties:', f.casualties.map((c) => JSON.stringify(c.mention ?? c).slice(0, 120)).join('; '));
}
const role = (r) => (r ? `${text.slice(r.hit.start, r.hit.end)}[${r.hit.entry?.side ?? '?'}]/${r.rule}` : 'NULL');
const drafts = buildDrafts(text, facts, article.published, ctx);
console.log('\ndrafts:');
for (const d of drafts) console.log(`  s${d.sentence.index} ${d.sub_event_type} "${d.trigger.text ?? ''}" a1 ${role(d.agent)} a2 ${role(d.target)} at ${d.location ? `${d.location.hit.surface}(${d.location.rule},${d.location.cost.toFixed(2)})` : "-"} claims ${d.claims.map((c) => side(c.claimant)).join(',')}`);
