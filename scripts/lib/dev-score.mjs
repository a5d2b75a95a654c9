// Pure functions for the development-corpus evaluation: a JavaScript port of the matching in
// ../shared/tools/score-events.py (same field checks, same greedy pairing and tie order), plus the
// error categories scripts/dev-errors.mjs prints. The Python scorer stays the reference: the
// scripts compare their totals with it and warn when they differ.

/** score-events.py `norm`: ASCII-fold, lower-case, punctuation to spaces, spaces collapsed. */
export function norm(s) {
  return (s ?? '')
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/** Days since 1970 of a `YYYY-MM-DD…` string, or null (score-events.py `parse_day`). */
export function parseDay(s) {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.slice(0, 10));
  if (!m) return null;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(t);
  if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return null;
  return Math.round(t / 86_400_000);
}

function km(lat1, lon1, lat2, lon2) {
  const p = Math.PI / 180;
  const a = 0.5 - Math.cos((lat2 - lat1) * p) / 2 + Math.cos(lat1 * p) * Math.cos(lat2 * p) * (1 - Math.cos((lon2 - lon1) * p)) / 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

export function dateOk(p, g) {
  const gd = g.date;
  if (gd == null) return true;
  const pd = parseDay(p.date);
  if (pd === null) return false;
  if (gd.length < 10) return p.date.startsWith(gd);
  return Math.abs(pd - parseDay(gd)) <= (g.date_tolerance_days ?? 1);
}

export function locOk(p, g) {
  const gl = g.location;
  if (!gl) return true;
  const pl = p.location ?? {};
  const names = new Set((gl.names ?? []).map(norm));
  for (const key of ['name', 'source_text']) if (pl[key] && names.has(norm(pl[key]))) return true;
  if (typeof pl.lat === 'number' && typeof pl.lon === 'number' && 'lat' in gl) {
    return km(pl.lat, pl.lon, gl.lat, gl.lon) <= (gl.max_km ?? 25);
  }
  return false;
}

export const side = (actor) => actor?.side ?? null;
const sideList = (want) => (Array.isArray(want) ? want : [want]);

export function countOk(pv, gv) {
  if (gv == null) return pv == null;
  if (pv == null) return false;
  const [lo, hi] = Array.isArray(gv) ? gv : [gv, gv];
  return lo <= pv && pv <= hi;
}

/** Per-field agreement of a predicted event with a gold event (score-events.py `fields`). */
export function fields(p, g) {
  const f = { sub_event_type: g.sub_event_type.includes(p.sub_event_type), location: locOk(p, g) };
  for (const k of ['actor1', 'actor2']) {
    const want = g[`${k}_side`];
    if (want != null) f[`${k}_side`] = sideList(want).includes(side(p[k]));
  }
  f.fatalities = countOk(p.fatalities, g.fatalities);
  f.injured = countOk(p.injured, g.injured);
  if (g.ceasefire_violation != null) f.ceasefire_violation = Boolean(p.ceasefire_violation) === g.ceasefire_violation;
  if (g.claimant_sides?.length) {
    const got = new Set((p.claims ?? []).map((c) => side(c.claimant)));
    f.claimants = g.claimant_sides.filter((s) => got.has(s)).length / g.claimant_sides.length;
  }
  return f;
}

const fieldScore = (f) => Object.values(f).reduce((a, v) => a + Number(v), 0);
export const typeOk = (p, g) => g.event_type.includes(p.event_type);
export const candidate = (p, g) => typeOk(p, g) && dateOk(p, g);

/** Greedy one-to-one pairing of predictions and golds, best field agreement first: [[i, j], …]. */
export function match(preds, golds, accept = candidate) {
  const pairs = [];
  preds.forEach((p, i) => golds.forEach((g, j) => {
    if (accept(p, g)) pairs.push([fieldScore(fields(p, g)), i, j]);
  }));
  // Python's `pairs.sort(reverse=True)` on (score, i, j) tuples.
  pairs.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]);
  const usedP = new Set();
  const usedG = new Set();
  const out = [];
  for (const [, i, j] of pairs) {
    if (!usedP.has(i) && !usedG.has(j)) {
      usedP.add(i);
      usedG.add(j);
      out.push([i, j]);
    }
  }
  return out;
}

const HISTORY_DAYS = 60;

/**
 * One article's comparison, as the scorer sees it: matched pairs (with field checks), missed gold
 * events, false events; then the error categories of each.
 *
 * Categories of a missed gold event: `wrong date` (an unmatched prediction of an accepted type
 * has a date out of tolerance; `no date` when it has none), `wrong type` (an unmatched
 * prediction with the right date has a type the gold does not accept), else `missed`. Such a
 * near-miss prediction is still a false event to the scorer, but is listed with its gold event.
 * Categories of a matched event: one per wrong field (`wrong place`, `wrong actor1`, …).
 * Categories of the other false events, first that applies: `false event in negative article`
 * (article with no gold event at all), `boilerplate leak`, `history leak` (dated > 60 days before
 * publication), `duplicate` (type and date fit an already matched gold event), `false event`.
 */
export function compareArticle(goldArticle, predArticle) {
  const events = (predArticle?.events ?? []).filter((e) => !e.background);
  const required = goldArticle.events.filter((g) => !g.optional);
  const optional = goldArticle.events.filter((g) => g.optional);
  const m = match(events, required);
  const matchedP = new Set(m.map(([i]) => i));
  const left = events.map((e, i) => i).filter((i) => !matchedP.has(i));
  const mOpt = match(left.map((i) => events[i]), optional);
  const optP = new Set(mOpt.map(([k]) => left[k]));
  let rest = left.filter((i) => !optP.has(i));

  const matched = m
    .map(([i, j]) => ({ pred: events[i], gold: required[j], fields: fields(events[i], required[j]) }))
    .map((x) => ({ ...x, record: x.fields.location && (x.fields.actor1_side ?? true), categories: fieldCategories(x.fields) }));
  const matchedG = new Set(m.map(([, j]) => j));
  const missedGold = required.filter((_, j) => !matchedG.has(j));

  // Near misses: pair missed golds with left-over predictions that fit on type or on date.
  const nearPairs = [];
  missedGold.forEach((g, j) => rest.forEach((i) => {
    const p = events[i];
    const t = typeOk(p, g);
    const d = dateOk(p, g);
    if (t === d) return; // both: impossible here; neither: unrelated
    const dist = t && parseDay(p.date) !== null && parseDay(g.date) !== null ? Math.abs(parseDay(p.date) - parseDay(g.date)) : 0;
    nearPairs.push([t ? 2 : 1, fieldScore(fields(p, g)), -dist, i, j]);
  }));
  nearPairs.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2] || a[3] - b[3] || a[4] - b[4]);
  const nearOf = new Map();
  const usedP = new Set();
  for (const [kind, , , i, j] of nearPairs) {
    if (usedP.has(i) || nearOf.has(j)) continue;
    usedP.add(i);
    nearOf.set(j, { pred: events[i], kind });
  }
  const missed = missedGold.map((g, j) => {
    const near = nearOf.get(j);
    let category = 'missed';
    if (near?.kind === 2) category = near.pred.date == null ? 'no date' : 'wrong date';
    else if (near?.kind === 1) category = 'wrong type';
    return { gold: g, near: near?.pred ?? null, category };
  });
  rest = rest.filter((i) => !usedP.has(i));

  const pub = parseDay(goldArticle.published);
  const negativeArticle = goldArticle.events.length === 0;
  const mustNot = (goldArticle.must_not_extract ?? []).map(norm);
  const falseEvents = rest.map((i) => {
    const p = events[i];
    const d = parseDay(p.date);
    const evText = norm((p.evidence ?? []).map((s) => s?.text ?? '').join(' '));
    let category = 'false event';
    if (negativeArticle) category = 'false event in negative article';
    else if (mustNot.some((x) => evText.includes(x))) category = 'boilerplate leak';
    else if (pub !== null && d !== null && pub - d > HISTORY_DAYS) category = 'history leak';
    else if (matched.some((x) => candidate(p, x.gold))) category = 'duplicate';
    return { pred: p, category };
  });
  // The scorer's counts: near-miss predictions are false events too.
  const fp = falseEvents.length + nearOf.size;
  return { article: goldArticle.article, matched, missed, falseEvents, tp: matched.length, fn: missedGold.length, fp, records: matched.filter((x) => x.record).length };
}

const FIELD_CATEGORY = {
  location: 'wrong place',
  actor1_side: 'wrong actor1',
  actor2_side: 'wrong actor2',
  sub_event_type: 'wrong sub-type',
  fatalities: 'wrong fatalities',
  injured: 'wrong injured',
  ceasefire_violation: 'wrong ceasefire',
  claimants: 'wrong claimants',
};

/** Error categories of a matched event from its field checks (claimants: any missing). */
export function fieldCategories(f) {
  return Object.entries(f).filter(([, v]) => Number(v) < 1).map(([k]) => FIELD_CATEGORY[k] ?? `wrong ${k}`);
}

/** Every category of an article's comparison, one entry per event. */
export function articleCategories(cmp) {
  return [
    ...cmp.matched.flatMap((x) => x.categories),
    ...cmp.missed.map((x) => x.category),
    ...cmp.falseEvents.map((x) => x.category),
  ];
}

/** Category → { events, articles } over many article comparisons, most events first. */
export function tally(comparisons) {
  const t = new Map();
  for (const cmp of comparisons) {
    const cats = articleCategories(cmp);
    for (const c of cats) {
      const row = t.get(c) ?? { events: 0, articles: new Set() };
      row.events++;
      row.articles.add(cmp.article);
      t.set(c, row);
    }
  }
  return [...t.entries()]
    .map(([category, r]) => ({ category, events: r.events, articles: r.articles.size }))
    .sort((a, b) => b.events - a.events || b.articles - a.articles || a.category.localeCompare(b.category));
}

/** Precision / recall / F1 of counts, as score-events.py computes them. */
export function prf(tp, fp, fn) {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Detection and record F1 over many article comparisons. */
export function totals(comparisons) {
  let tp = 0, fp = 0, fn = 0, records = 0;
  for (const c of comparisons) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    records += c.records;
  }
  const det = prf(tp, fp, fn);
  const rp = tp + fp ? records / (tp + fp) : 0;
  const rr = tp + fn ? records / (tp + fn) : 0;
  return { tp, fp, fn, records, detection_f1: det.f1, record_f1: rp + rr ? (2 * rp * rr) / (rp + rr) : 0 };
}
