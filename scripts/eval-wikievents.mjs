#!/usr/bin/env node
/**
 * WikiEvents dev (../shared/eval/wikievents, 20 documents, KAIROS ontology) scored at mention
 * level through OUR OWN ADAPTER: not the dataset's official scorer, and not comparable with the
 * published argument scores (those use gold triggers). docs/eval-wikievents.md describes it.
 *
 * 1. Each document becomes an article line (`id`, `text`, `outlet`, `published: null`): its text
 *    is rebuilt from the token offsets (the `text` field glues sentences together; the offsets
 *    keep one character between them, filled here with a space). WikiEvents gives no
 *    publication date (dev_info.jsonl has the same fields as dev.jsonl); the extractor may infer
 *    one from the text. Paragraph breaks are not in the data, so each document is one paragraph.
 * 2. `sitrep extract --format jsonl` runs over them (eval/out/wikievents-input.jsonl →
 *    eval/out/wikievents.jsonl); gold token offsets are mapped onto the cleaned text it returns
 *    (the cleaner only changes white space here; a document where it changes more is reported
 *    and its gold mentions count as missed).
 * 3. Our events (background ones included: KAIROS annotates every mention) become mentions:
 *    Conflict.Attack ← Battles, Explosions/Remote violence, Violence against civilians (span:
 *    field_spans.trigger); Life.Die ← any event with fatalities > 0 (spans: field_spans.fatalities
 *    and the trigger); Life.Injure ← injured > 0 (field_spans.injured and the trigger).
 * 4. Trigger: a predicted mention matches a gold mention of the same type when one of its spans
 *    overlaps the gold trigger, one to one. P/R/F1 per type and overall (micro).
 * 5. Arguments, scored for Attack (Attacker ← actor1, Target ← actor2, Place ← location) and
 *    Die / Injure (Victim ← the victim words of the fatalities / injured span, "three soldiers"
 *    in "three soldiers were killed", else actor2; Place ← location): a predicted argument is correct when its
 *    event's mention matched a gold mention and its head word (last word of the actor's / place's
 *    words in the article) equals the head of a gold argument of that role or of any mention
 *    coreferent with it (coref/dev.jsonlines). End to end: every predicted argument and every
 *    gold argument of the three types count; "on matched triggers": only those of matched pairs.
 *    Not measured: other KAIROS types and roles (Killer, Injurer, ExplosiveDevice, Instrument…),
 *    dates, casualty numbers (KAIROS has none), our side codes.
 *
 * Usage: npm run build, then node scripts/eval-wikievents.mjs [--no-extract] [--verbose]
 * Writes eval/out/wikievents-summary.json (read by eval.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outDir, root, shared } from './lib/dev-corpus.mjs';
import { ROLES, TYPES, clusterIndex, documentText, goldMentions, matchArguments, matchTriggers, predictedMentions, prf, whitespaceAligner } from './lib/wikievents.mjs';

const dataDir = join(shared, 'eval', 'wikievents');
const verbose = process.argv.includes('--verbose');
const readJsonl = (f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

const docs = readJsonl(join(dataDir, 'dev.jsonl'));
const coref = new Map(readJsonl(join(dataDir, 'coref', 'dev.jsonlines')).map((c) => [c.doc_key, clusterIndex(c.clusters)]));
mkdirSync(outDir, { recursive: true });
const inputFile = join(outDir, 'wikievents-input.jsonl');
const predFile = join(outDir, 'wikievents.jsonl');
const inputs = docs.map((d) => ({ id: d.doc_id, text: documentText(d), outlet: 'WikiEvents', published: null }));
writeFileSync(inputFile, inputs.map((a) => JSON.stringify(a)).join('\n') + '\n');
if (!process.argv.includes('--no-extract')) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'sitrep.js'), 'extract', '--format', 'jsonl', inputFile], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    process.stderr.write(r.stderr ?? '');
    throw new Error(`sitrep extract exited ${r.status}`);
  }
  writeFileSync(predFile, r.stdout);
}
const preds = new Map(readJsonl(predFile).map((o) => [o.article.id, o]));

const trig = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, pred: 0, gold: 0 }]));
const roles = [...new Set(Object.values(ROLES).flat())];
const arg = Object.fromEntries(roles.map((r) => [r, { tp: 0, pred: 0, gold: 0, predMatched: 0, goldMatched: 0 }]));
let unaligned = 0;
let events = 0;
let implied = 0;
const byOurType = {};
for (const doc of docs) {
  const input = inputs.find((a) => a.id === doc.doc_id).text;
  const out = preds.get(doc.doc_id);
  const cleaned = out?.article.text ?? '';
  const align = whitespaceAligner(input, cleaned);
  if (!align) unaligned++;
  const golds = goldMentions(doc, coref.get(doc.doc_id) ?? new Map(), align ?? (() => null));
  const ev = out?.events ?? [];
  events += ev.length;
  for (const e of ev) {
    byOurType[e.event_type] = (byOurType[e.event_type] ?? 0) + 1;
    for (const k of ['actor1', 'actor2', 'location']) if (e[k] && !(e[k].span ?? e.field_spans?.[k] ?? e[k].source_text)) implied++;
  }
  const ps = predictedMentions(ev);
  const pairs = matchTriggers(ps, golds);
  for (const p of ps) trig[p.type].pred++;
  for (const g of golds) trig[g.type].gold++;
  for (const p of ps) for (const a of p.args) arg[a.role].pred++;
  for (const g of golds) for (const a of g.args) arg[a.role].gold++;
  for (const [i, j] of pairs) {
    trig[ps[i].type].tp++;
    for (const a of ps[i].args) arg[a.role].predMatched++;
    for (const a of golds[j].args) arg[a.role].goldMatched++;
    for (const role of matchArguments(ps[i], golds[j])) arg[role].tp++;
  }
  if (verbose) {
    console.log(`\n# ${doc.doc_id}: ${ev.length} events, ${ps.length} mentions, ${golds.length} gold mentions of the mapped types`);
    const matchedP = new Map(pairs.map(([i, j]) => [i, j]));
    ps.forEach((p, i) => {
      const j = matchedP.get(i);
      const args = p.args.map((a) => `${a.role}=${a.head}`).join(' ');
      console.log(`  ${j === undefined ? '+' : '✓'} ${p.event} ${p.type} "${p.text}" ${args}${j === undefined ? '' : `  ↔ ${golds[j].id} "${golds[j].text}" ${golds[j].args.map((a) => `${a.role}=${a.text}`).join(' ')}`}`);
    });
    const matchedG = new Set(pairs.map(([, j]) => j));
    golds.forEach((g, j) => { if (!matchedG.has(j)) console.log(`  ✗ ${g.id} ${g.type} "${g.text}" ${g.args.map((a) => `${a.role}=${a.text}`).join(' ')}`); });
  }
}

const fmt = (s) => `P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)}  (correct ${s.tp}, predicted ${s.pred}, gold ${s.gold})`;
console.log(`WikiEvents dev, our mention-level adapter (docs/eval-wikievents.md): ${docs.length} documents, ${events} events extracted (${Object.entries(byOurType).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`);
if (unaligned) console.log(`warning: ${unaligned} documents whose cleaned text differs beyond white space: their gold mentions count as missed`);
console.log('triggers (overlap):');
const triggers = {};
for (const t of TYPES) {
  triggers[t] = prf(trig[t].tp, trig[t].pred, trig[t].gold);
  console.log(`  ${t.padEnd(16)} ${fmt(triggers[t])}`);
}
const sum = (o, k) => Object.values(o).reduce((a, x) => a + x[k], 0);
triggers.overall = prf(sum(trig, 'tp'), sum(trig, 'pred'), sum(trig, 'gold'));
console.log(`  ${'overall'.padEnd(16)} ${fmt(triggers.overall)}`);
console.log(`arguments (head word, coreference-expanded), end to end; [on matched triggers only]; ${implied} implied actors/places without words were not counted:`);
const argsOut = { roles: {}, matched_only: {} };
for (const r of roles) {
  argsOut.roles[r] = prf(arg[r].tp, arg[r].pred, arg[r].gold);
  argsOut.matched_only[r] = prf(arg[r].tp, arg[r].predMatched, arg[r].goldMatched);
  console.log(`  ${r.padEnd(16)} ${fmt(argsOut.roles[r])}  [F1 ${argsOut.matched_only[r].f1.toFixed(3)}: P ${argsOut.matched_only[r].p.toFixed(3)} R ${argsOut.matched_only[r].r.toFixed(3)}]`);
}
argsOut.overall = prf(sum(arg, 'tp'), sum(arg, 'pred'), sum(arg, 'gold'));
argsOut.overall_matched_only = prf(sum(arg, 'tp'), sum(arg, 'predMatched'), sum(arg, 'goldMatched'));
console.log(`  ${'overall'.padEnd(16)} ${fmt(argsOut.overall)}  [F1 ${argsOut.overall_matched_only.f1.toFixed(3)}: P ${argsOut.overall_matched_only.p.toFixed(3)} R ${argsOut.overall_matched_only.r.toFixed(3)}]`);
writeFileSync(join(outDir, 'wikievents-summary.json'), JSON.stringify({ documents: docs.length, events, triggers, arguments: argsOut }, null, 1) + '\n');
