/**
 * Finds event triggers in the article text and keeps, where triggers overlap, the longest (a
 * specific one such as "drone strikes" over a generic "strikes"; strong over weak).
 */
import type { TriggerHit } from './drafts.js';
import type { Lexicon } from './lexicon.js';

/** The trigger stems that occur at a word start in `lower` (a lower-cased text), in one pass. */
function stemsIn(lower: string, lex: Lexicon): Set<string> {
  const seen = new Set<string>();
  const { re, byPrefix } = lex.triggerStems;
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    // The longest stem matched; shorter ones may start here too ("fire" in "fired").
    for (const stem of byPrefix.get(lower.slice(m.index, m.index + 2)) ?? []) if (lower.startsWith(stem, m.index)) seen.add(stem);
    re.lastIndex = m.index + 1;
  }
  return seen;
}

export function findTriggers(text: string, lex: Lexicon): TriggerHit[] {
  const all: TriggerHit[] = [];
  // Case-sensitive matching on a lower-cased copy is much faster than case-insensitive matching;
  // offsets stay valid only when lower-casing keeps the length (it does for nearly all text).
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  // A trigger none of whose stems occurs cannot match: skip its expression (see leading-stems.ts).
  const seen = sameLength ? stemsIn(lower, lex) : null;
  for (const def of lex.triggers) {
    if (seen !== null && def.stems !== null && !def.stems.some((s) => seen.has(s))) continue;
    const re = sameLength ? def.lowerRegex : def.regex;
    const subject = sameLength ? lower : text;
    re.lastIndex = 0;
    for (let m = re.exec(subject); m; m = re.exec(subject)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // Patterns may begin with optional words and spaces; trim them off the span.
      const lead = m[0].length - m[0].trimStart().length;
      const start = m.index + lead;
      const body = text.slice(start, start + m[0].trim().length);
      all.push({ start, end: start + body.length, text: body, def });
    }
  }
  all.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start) || Number(a.def.weak) - Number(b.def.weak));
  const kept: TriggerHit[] = [];
  for (const t of all) {
    const clash = kept.findIndex((k) => k.start < t.end && t.start < k.end);
    if (clash < 0) kept.push(t);
    else {
      const k = kept[clash]!;
      const better = (k.def.weak && !t.def.weak) || (k.def.weak === t.def.weak && t.end - t.start > k.end - k.start);
      if (better) kept[clash] = t;
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
