// Pure functions of our WikiEvents adapter (scripts/eval-wikievents.mjs, docs/eval-wikievents.md):
// rebuilding a document's text from its token offsets, aligning it with the cleaned text the
// extractor returns, mapping our events to KAIROS event mentions, head words, coreference
// expansion, trigger matching by overlap and argument matching by head word.

/** The KAIROS types we map to, with the roles we score for each. */
export const ROLES = {
  'Conflict.Attack': ['Attacker', 'Target', 'Place'],
  'Life.Die': ['Victim', 'Place'],
  'Life.Injure': ['Victim', 'Place'],
};
export const TYPES = Object.keys(ROLES);
const ATTACK_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/**
 * A document's text with every token at its own character offset (`sentences[i][0]` holds
 * `[token, start, end]`; the dataset's `text` field drops the separators between sentences,
 * which the offsets count): gaps are filled with spaces. Line breaks are not in the data.
 */
export function documentText(doc) {
  const tokens = doc.sentences.flatMap((s) => s[0]);
  const chars = new Array(tokens.length ? tokens[tokens.length - 1][2] : 0).fill(' ');
  for (const [tok, start] of tokens) for (let k = 0; k < tok.length; k++) chars[start + k] = tok[k];
  return chars.join('');
}

/** Character spans `{start, end}` of the document's tokens, by document token index. */
export const tokenSpans = (doc) => doc.sentences.flatMap((s) => s[0]).map(([, start, end]) => ({ start, end }));

/** True when the two ranges share at least one character. */
export const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/**
 * A function mapping a span of `src` to the same characters in `dst`, when `dst` differs from
 * `src` only in white space (the cleaner collapses runs of spaces); null otherwise.
 */
export function whitespaceAligner(src, dst) {
  const srcPos = [];
  const dstPos = [];
  for (let i = 0; i < src.length; i++) if (!/\s/.test(src[i])) srcPos.push(i);
  for (let i = 0; i < dst.length; i++) if (!/\s/.test(dst[i])) dstPos.push(i);
  if (srcPos.length !== dstPos.length) return null;
  for (let k = 0; k < srcPos.length; k++) if (src[srcPos[k]] !== dst[dstPos[k]]) return null;
  const rank = new Int32Array(src.length + 1); // number of non-space characters before offset i
  for (let i = 0, n = 0; i <= src.length; i++) {
    rank[i] = n;
    if (i < src.length && !/\s/.test(src[i])) n++;
  }
  return (span) => {
    const a = rank[span.start];
    const b = rank[span.end];
    if (b <= a) return null; // only white space
    return { start: dstPos[a], end: dstPos[b - 1] + 1 };
  };
}

/**
 * Head word of a phrase: its last word, lower-cased, without surrounding punctuation or a
 * possessive `'s` ("Azerbaijan's armed forces" → "forces", "the city of Deir ez-Zor" → "ez-zor").
 */
export function headWord(text) {
  const words = (text ?? '')
    .split(/\s+/)
    .map((w) => w.replace(/['’]s$/i, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean);
  return words.length ? words[words.length - 1] : null;
}

/** entity id → the ids of its coreference cluster (itself included), from coref/dev.jsonlines. */
export function clusterIndex(clusters) {
  const index = new Map();
  for (const cluster of clusters) for (const id of cluster) index.set(id, cluster);
  return index;
}

/**
 * The heads a predicted argument may have to match a gold argument: the head of the argument's
 * own text and of every entity mention coreferent with it.
 */
export function corefHeads(arg, mentionsById, clusters) {
  const heads = new Set();
  const own = headWord(arg.text);
  if (own) heads.add(own);
  for (const id of clusters.get(arg.entity_id) ?? [arg.entity_id]) {
    const h = headWord(mentionsById.get(id)?.text);
    if (h) heads.add(h);
  }
  return heads;
}

/** `Conflict.Attack.DetonateExplode` → `Conflict.Attack`. */
export const kairosType = (eventType) => eventType.split('.').slice(0, 2).join('.');

/**
 * Gold mentions of the mapped types: trigger span in the extractor's text (via `mapSpan`), and
 * the arguments of the scored roles with their coreferent heads.
 */
export function goldMentions(doc, clusters, mapSpan) {
  const spans = tokenSpans(doc);
  const mentionsById = new Map(doc.entity_mentions.map((m) => [m.id, m]));
  const out = [];
  for (const ev of doc.event_mentions) {
    const type = kairosType(ev.event_type);
    if (!ROLES[type]) continue;
    const t = ev.trigger;
    const span = mapSpan({ start: spans[t.start].start, end: spans[t.end - 1].end });
    out.push({
      id: ev.id,
      type,
      text: t.text,
      span,
      args: ev.arguments.filter((a) => ROLES[type].includes(a.role)).map((a) => ({ role: a.role, text: a.text, heads: corefHeads(a, mentionsById, clusters) })),
    });
  }
  return out;
}

const CASUALTY_WORDS = new Set([
  'was', 'were', 'is', 'are', 'be', 'been', 'being', 'have', 'has', 'had', 'got', 'left',
  'kill', 'kills', 'killed', 'killing', 'die', 'dies', 'died', 'dying', 'dead', 'perished', 'slain', 'lost', 'lose', 'losing',
  'wound', 'wounds', 'wounded', 'wounding', 'injure', 'injures', 'injured', 'injuring', 'hurt',
]);

/**
 * The victim words of a fatalities / injured span as our output gives it ("three soldiers were
 * killed", "killed four civilians", "14 wounded"): the words before its first verb or auxiliary
 * of the list above, or, when the span starts with one, the words after that run. Null when
 * neither is there.
 */
export function victimWords(spanText) {
  const words = (spanText ?? '').split(/\s+/).filter(Boolean);
  const isVerb = (w) => CASUALTY_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, ''));
  const first = words.findIndex(isVerb);
  if (first < 0) return null;
  if (first > 0) return words.slice(0, first).join(' ');
  let k = first;
  while (k < words.length && isVerb(words[k])) k++;
  return k < words.length ? words.slice(k).join(' ') : null;
}

const surface = (thing, fieldSpan) => thing?.span?.text ?? fieldSpan?.text ?? thing?.source_text ?? null;

/**
 * Our events as KAIROS mentions, one per telling: every entry of an event's `mentions` (the
 * triggers merged into it; an event without that extension counts as one mention at
 * `field_spans.trigger`). A Conflict.Attack mention for every telling of a Battles / Explosions/
 * Remote violence / Violence against civilians event (spans: its trigger); a Life.Die mention for
 * every telling that read a fatalities figure (spans: that figure and the trigger), and a
 * Life.Injure one likewise for injured; an event with fatalities > 0 (or injured > 0) whose
 * tellings read none gets one, at the event's own figure span and first trigger. Arguments:
 * Attacker = actor1, Target = actor2, Place = location, each as the head word of the words read
 * at that telling, else of the event's; Victim = the head of the count span's victim words
 * ({@link victimWords}), else of actor2. Actors or places with no words in the article (implied
 * ones) give no argument.
 */
export function predictedMentions(events) {
  const out = [];
  for (const e of events) {
    const fs = e.field_spans ?? {};
    const tellings = e.mentions?.length
      ? e.mentions
      : [{ trigger: fs.trigger, event_type: e.event_type, field_spans: {} }];
    const eventHeads = {
      actor1: headWord(surface(e.actor1, fs.actor1)),
      actor2: headWord(surface(e.actor2, fs.actor2)),
      location: headWord(surface(e.location, fs.location)),
    };
    const push = (type, spans, args) => out.push({ event: e.id, type, spans, text: spans.map((s) => s.text).join(' / '), args: args.filter((a) => a.head) });
    let died = false;
    let hurt = false;
    for (const m of tellings) {
      const ms = m.field_spans ?? {};
      // A telling's arguments are the words read at it; the event's values (read elsewhere in the
      // article, or implied) stand in only for output without `mentions`.
      const own = Boolean(e.mentions?.length);
      const heads = {
        actor1: ms.actor1 ? headWord(ms.actor1.text) : own ? null : eventHeads.actor1,
        actor2: ms.actor2 ? headWord(ms.actor2.text) : own ? null : eventHeads.actor2,
        location: ms.location ? headWord(ms.location.text) : own ? null : eventHeads.location,
      };
      const trigger = m.trigger ? [m.trigger] : [];
      if (ATTACK_TYPES.has(m.event_type ?? e.event_type)) {
        push('Conflict.Attack', trigger, [
          { role: 'Attacker', head: heads.actor1 },
          { role: 'Target', head: heads.actor2 },
          { role: 'Place', head: heads.location },
        ]);
      }
      const victim = (span) => headWord(victimWords(span?.text)) ?? heads.actor2;
      if (e.fatalities > 0 && ms.fatalities) {
        died = true;
        push('Life.Die', [ms.fatalities, ...trigger], [{ role: 'Victim', head: victim(ms.fatalities) }, { role: 'Place', head: heads.location }]);
      }
      if (e.injured > 0 && ms.injured) {
        hurt = true;
        push('Life.Injure', [ms.injured, ...trigger], [{ role: 'Victim', head: victim(ms.injured) }, { role: 'Place', head: heads.location }]);
      }
    }
    const trigger = fs.trigger ? [fs.trigger] : [];
    const victim = (span) => headWord(victimWords(span?.text)) ?? eventHeads.actor2;
    if (e.fatalities > 0 && !died) push('Life.Die', [...(fs.fatalities ? [fs.fatalities] : []), ...trigger], [{ role: 'Victim', head: victim(fs.fatalities) }, { role: 'Place', head: eventHeads.location }]);
    if (e.injured > 0 && !hurt) push('Life.Injure', [...(fs.injured ? [fs.injured] : []), ...trigger], [{ role: 'Victim', head: victim(fs.injured) }, { role: 'Place', head: eventHeads.location }]);
  }
  return out;
}

/**
 * One-to-one trigger matching within a document: a predicted mention matches a gold mention of
 * the same type when any of its spans overlaps the gold trigger; pairs are taken greedily, the
 * largest overlap first (ties: text order). Returns [[predIndex, goldIndex], …].
 */
export function matchTriggers(preds, golds) {
  const pairs = [];
  preds.forEach((p, i) => golds.forEach((g, j) => {
    if (p.type !== g.type || !g.span) return;
    let best = 0;
    for (const s of p.spans) if (overlaps(s, g.span)) best = Math.max(best, Math.min(s.end, g.span.end) - Math.max(s.start, g.span.start));
    if (best > 0) pairs.push([best, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[2] - b[2] || a[1] - b[1]);
  const usedP = new Set();
  const usedG = new Set();
  const out = [];
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    out.push([i, j]);
  }
  return out;
}

/** Correct arguments of a matched pair: one-to-one, same role, head among the gold's heads. */
export function matchArguments(pred, gold) {
  const used = new Set();
  const hits = [];
  for (const a of pred.args) {
    const k = gold.args.findIndex((g, idx) => !used.has(idx) && g.role === a.role && g.heads.has(a.head));
    if (k >= 0) {
      used.add(k);
      hits.push(a.role);
    }
  }
  return hits;
}

/** { tp, pred, gold, p, r, f1 } of counts. */
export function prf(tp, pred, gold) {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { tp, pred, gold, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
