#!/usr/bin/env node
/**
 * Evaluates the dates stage (`findDates`) on TempEval-3 training data (TBAQ-cleaned: TimeBank +
 * AQUAINT, TimeML TIMEX3 with a document creation time) kept in `../shared/eval/tempeval3`.
 *
 * For each document: the TIMEX3 tags are stripped from <TEXT> (offsets kept), `findDates` runs on
 * the plain text with the DCT as reference, and its mentions are compared with the gold TIMEX3.
 *
 * Two views:
 * - DATE: gold = TIMEX3 of type DATE; a system mention that overlaps a gold TIME/DURATION/SET only
 *   is neutral (neither right nor wrong), since `findDates` reports dates, not durations or sets;
 * - ALL: gold = every TIMEX3 (as the published TempEval-3 extent scores are computed).
 * Extent: strict (same span) and relaxed (overlap), precision / recall / F1. Value: our mention is
 * normalised to TIMEX3 syntax (day 2020-12-12, month 2020-12, year 2020, decade 198X, week
 * 2020-W50; a day range inside one month, "late November", is the month, and a month range
 * inside one year, "early 1990", the year, as TimeML writes them with a modifier); both sides
 * are brought to one spelling first ("1998-W08" = "1998-W8", "1994-XX-XX" = "1994", "197X" = "197") and compared with the gold `value` of relaxed-matched DATE timexes: accuracy over the
 * matches, and value P/R/F1 (correct values over system / gold mentions), as TempEval-3 reports.
 *
 * Usage: npm run build (or tsc with a config that emits dist/dates), then
 *   node scripts/eval-tempeval.mjs [--data DIR] [--errors N]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const dataDir = arg('--data', join(repoRoot, '..', 'shared', 'eval', 'tempeval3', 'TBAQ-cleaned'));
const showErrors = Number(arg('--errors', '0'));
const showMisses = Number(arg('--misses', '0'));

const { findDates } = await import(join(repoRoot, 'dist', 'dates', 'find-dates.js')).catch((e) => {
  console.error(`eval-tempeval: cannot load dist/dates/find-dates.js (build first: npm run build): ${e.message}`);
  process.exit(2);
});

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ENTITIES[e]);
const attr = (attrs, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;

/** Plain text of <TEXT> with the TIMEX3 spans in its coordinates. */
function parseTml(xml) {
  const dct = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]+)"/.exec(xml)?.[1] ?? null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes = [];
  let open = null;
  let last = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z0-9]+)([^>]*)>/g)) {
    text += decode(body.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '') open = { start: text.length, type: attr(m[3], 'type'), value: attr(m[3], 'value') };
    else if (open) {
      timexes.push({ ...open, end: text.length, text: text.slice(open.start, text.length) });
      open = null;
    }
  }
  text += decode(body.slice(last));
  return { dct, text, timexes };
}

/** ISO week `YYYY-Www` of a `YYYY-MM-DD` date. */
function isoWeek(date) {
  const [y, mo, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3);
  const week1 = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((t - week1) / 86400000 - 3 + ((week1.getUTCDay() + 6) % 7)) / 7);
  return `${t.getUTCFullYear()}-W${week}`; // unpadded, as the TimeBank annotators wrote it
}

/** Our mention as a TIMEX3 value. */
function toTimexValue(m) {
  if (!m.date) return null;
  switch (m.precision) {
    // A range inside one month ("late November") is that month with a modifier in TimeML.
    case 'day': return m.dateEnd && m.dateEnd.slice(0, 7) === m.date.slice(0, 7) && m.dateEnd !== m.date ? m.date.slice(0, 7) : m.date;
    // Likewise a range of months inside one year ("early 1990", "mid-1996") is that year.
    case 'month': return m.dateEnd && m.dateEnd.slice(0, 4) === m.date.slice(0, 4) && m.dateEnd.slice(0, 7) !== m.date.slice(0, 7) ? m.date.slice(0, 4) : m.date.slice(0, 7);
    case 'week': return isoWeek(m.date);
    case 'month': return m.date.slice(0, 7);
    case 'year': return m.date.slice(0, 4);
    case 'decade': return `${m.date.slice(0, 3)}X`;
    default: return null;
  }
}

/**
 * One spelling per TIMEX3 value, applied to gold and ours alike: the annotators wrote the same
 * value several ways ("1998-W08" / "1998-W8", "1994" / "1994-XX-XX", "197" / "197X").
 */
const canonical = (v) => (v === null ? null : v.replace(/-W0(\d)/, '-W$1').replace(/(?:-XX)+$/, '').replace(/^(\d{3})X$/, '$1'));
const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const prf = (tp, sys, gold) => {
  const p = sys ? tp / sys : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

const files = [];
for (const sub of readdirSync(dataDir)) {
  const dir = join(dataDir, sub);
  if (!statSync(dir).isDirectory()) continue;
  for (const f of readdirSync(dir)) if (f.endsWith('.tml')) files.push(join(dir, f));
}

// Warm up (lexicon load, chrono set-up, JIT) so that the speed below is the steady state.
for (const file of files.slice(0, 20)) {
  const { dct, text } = parseTml(readFileSync(file, 'utf8'));
  findDates(text, dct);
}

const totals = {
  date: { gold: 0, sys: 0, strict: 0, relaxed: 0, valueOk: 0, valueLenient: 0 },
  all: { gold: 0, sys: 0, strict: 0, relaxed: 0 },
};
const errors = [];
const misses = [];
let chars = 0;
let ms = 0;
for (const file of files) {
  const { dct, text, timexes } = parseTml(readFileSync(file, 'utf8'));
  chars += text.length;
  const t0 = performance.now();
  const mentions = findDates(text, dct);
  ms += performance.now() - t0;

  // ALL types: extent only.
  totals.all.gold += timexes.length;
  totals.all.sys += mentions.length;
  const usedAll = new Set();
  for (const m of mentions) {
    const g = timexes.find((t, i) => !usedAll.has(i) && overlaps(t, m));
    if (!g) continue;
    usedAll.add(timexes.indexOf(g));
    totals.all.relaxed++;
    if (g.start === m.start && g.end === m.end) totals.all.strict++;
  }

  // DATE view.
  const dates = timexes.filter((t) => t.type === 'DATE');
  const others = timexes.filter((t) => t.type !== 'DATE');
  totals.date.gold += dates.length;
  const used = new Set();
  for (const m of mentions) {
    const gi = dates.findIndex((t, i) => !used.has(i) && overlaps(t, m));
    if (gi < 0) {
      if (others.some((t) => overlaps(t, m))) continue; // neutral: a TIME, DURATION or SET
      totals.date.sys++;
      if (errors.length < showErrors) {
        const context = text.slice(Math.max(0, m.start - 40), m.end + 30).replace(/\s+/g, ' ');
        errors.push(`FP  ${file.split('/').pop()} "${m.text}" → ${toTimexValue(m)}   …${context}…`);
      }
      continue;
    }
    const g = dates[gi];
    used.add(gi);
    totals.date.sys++;
    totals.date.relaxed++;
    if (g.start === m.start && g.end === m.end) totals.date.strict++;
    else if (process.env.SHOW_EXTENT) console.log(`EXT gold "${g.text}" ours "${m.text}"`);
    const value = canonical(toTimexValue(m));
    const gold = canonical(g.value);
    if (value === gold) totals.date.valueOk++;
    else if (errors.length < showErrors) errors.push(`VAL ${file.split('/').pop()} "${g.text}" gold ${g.value} ours ${value} (DCT ${dct})`);
    if (value !== null && gold !== null && (gold === value || gold.startsWith(`${value}T`))) totals.date.valueLenient++;
  }
  dates.forEach((g, i) => {
    if (!used.has(i) && misses.length < showMisses) misses.push(`FN  ${file.split('/').pop()} "${g.text}" ${g.value}`);
  });
}

const pct = (x) => (100 * x).toFixed(2).padStart(6);
const d = totals.date;
const a = totals.all;
const sd = prf(d.strict, d.sys, d.gold);
const rd = prf(d.relaxed, d.sys, d.gold);
const vd = prf(d.valueOk, d.sys, d.gold);
const sa = prf(a.strict, a.sys, a.gold);
const ra = prf(a.relaxed, a.sys, a.gold);

console.log(`TempEval-3 TBAQ-cleaned: ${files.length} documents, ${d.gold} DATE / ${a.gold} TIMEX3 gold, ${(chars / 1e6).toFixed(2)} MB text`);
console.log(`findDates: ${(chars / 1e6 / (ms / 1000)).toFixed(2)} MB/s (${(ms / files.length).toFixed(2)} ms/document)\n`);
console.log('view                       P      R      F1');
console.log(`DATE strict extent     ${pct(sd.p)} ${pct(sd.r)} ${pct(sd.f)}`);
console.log(`DATE relaxed extent    ${pct(rd.p)} ${pct(rd.r)} ${pct(rd.f)}`);
console.log(`DATE value             ${pct(vd.p)} ${pct(vd.r)} ${pct(vd.f)}   accuracy on matches ${pct(d.valueOk / (d.relaxed || 1))} (date part, ignoring TMO/TNI suffixes: ${pct(d.valueLenient / (d.relaxed || 1))})`);
console.log(`ALL strict extent      ${pct(sa.p)} ${pct(sa.r)} ${pct(sa.f)}`);
console.log(`ALL relaxed extent     ${pct(ra.p)} ${pct(ra.r)} ${pct(ra.f)}`);
console.log('\nPublished baselines (TempEval-3 platinum TEST set, all TIMEX3 types; README figures):');
console.log('system               relaxed F1  strict F1  value F1');
for (const [name, r, s, v] of [
  ['HeidelTime-t', 90.3, 81.34, 77.61],
  ['NavyTime-1,2', 90.32, 79.57, 70.97],
  ['SUTime', 90.32, 79.57, 67.38],
  ['ClearTK-1,2', 90.23, 82.71, 64.66],
  ['ManTIME-4', 89.66, 74.33, 68.97],
]) console.log(`${name.padEnd(20)} ${r.toFixed(2).padStart(10)} ${s.toFixed(2).padStart(10)} ${v.toFixed(2).padStart(9)}`);
console.log('(Not strictly comparable: different split, and findDates does not report durations or sets.)');
if (errors.length) console.log(`\n${errors.join('\n')}`);
if (misses.length) console.log(`\n${misses.join('\n')}`);
