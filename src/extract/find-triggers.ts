/**
 * Finds event triggers in the article text and keeps, where triggers overlap, the longest (a
 * specific one such as "drone strikes" over a generic "strikes"; strong over weak).
 */
import type { TriggerHit } from './drafts.js';
import type { Lexicon } from './lexicon.js';

export function findTriggers(text: string, lex: Lexicon): TriggerHit[] {
  const all: TriggerHit[] = [];
  for (const def of lex.triggers) {
    def.regex.lastIndex = 0;
    for (let m = def.regex.exec(text); m; m = def.regex.exec(text)) {
      if (m[0].length === 0) {
        def.regex.lastIndex++;
        continue;
      }
      // Patterns may begin with optional words and spaces; trim them off the span.
      const lead = m[0].length - m[0].trimStart().length;
      const body = m[0].trim();
      all.push({ start: m.index + lead, end: m.index + lead + body.length, text: body, def });
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
