/**
 * Casualty figures: "killed two of its soldiers and wounded over a dozen others", "6 of its
 * fighters were injured", "at least one soldier has been killed", "the death toll rose to 12".
 * No library parses these (stack-notes §2), so this is a small grammar over the lexicon.
 */
import { alternation, type Lexicon } from '../lexicon.js';

export interface CasualtyMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly category: 'killed' | 'injured';
  readonly count: number;
  readonly modifier: 'min' | 'approx' | null;
  /** The victim phrase ("two of its soldiers", "one Azerbaijani soldier"), for the side. */
  readonly victim: { readonly start: number; readonly end: number; readonly text: string } | null;
  /** The toll is for a whole war or period ("during the conflict"). */
  readonly aggregate: boolean;
}

interface Grammar {
  /** Every pattern needs one of these words: sentences without one (most) skip the patterns. */
  readonly gate: RegExp;
  readonly patterns: readonly RegExp[];
  readonly numberRe: RegExp;
}

const grammars = new WeakMap<Lexicon, Grammar>();

function grammarFor(lex: Lexicon): Grammar {
  const got = grammars.get(lex);
  if (got) return got;
  const words = [...lex.numberWords.keys()];
  const mult = alternation([...lex.multipliers.keys()]);
  const num = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s${mult})?|${alternation(words)}(?:\s${mult})?`;
  const np = String.raw`(?:(?<mod>${alternation([...lex.modifiers.keys()])})\s)?(?<num>${num})`;
  const verbs = alternation([
    'killed', 'killing', 'wounded', 'wounding', 'injured', 'injuring', 'dead', 'died', 'hurt',
    'lost their lives', 'fatally wounded', 'slain', 'were slain', 'lives',
  ]);
  const victim = lex.victimRe;
  const aux = String.raw`(?:(?:were|was|have|has|had|been|are|is|got|reportedly|also|later|allegedly|being)\s){0,3}`;
  const patterns = [
    // verb → number → victim: "killed two of its soldiers", "wounded over a dozen others"
    new RegExp(String.raw`(?<![\w-])(?<verb>${verbs})\s${np}(?<victim>(?:\s(?:of\s(?:its|their|the|his|her)\s)?(?:[\w/-]+\s){0,2}${victim})?)(?![\w-])`, 'gi'),
    // number → victim → verb: "6 of its fighters were injured", "one Azerbaijani soldier has been killed"
    new RegExp(String.raw`(?<![\w,.-])${np}(?<victim>\s(?:of\s(?:its|their|the|his|her)\s)?(?:[\w/-]+\s){0,3}?${victim})\s${aux}(?<verb>${verbs})(?![\w-])`, 'gi'),
    // number → verb: "three dead", "12 wounded"
    new RegExp(String.raw`(?<![\w,.-])${np}\s(?<verb>dead|killed|wounded|injured)(?![\w-])`, 'gi'),
    // toll: "the death toll rose to 12", "claimed 30,000 lives"
    new RegExp(String.raw`(?<verb>death toll)\s(?:\w+\s){0,3}?(?:to|of|at|stands at|reached)\s${np}(?![\w-])`, 'gi'),
  ];
  const gate = /\b(?:kill|wound|injur|dead|died|hurt|lives|slain|death toll)/i;
  const g = { gate, patterns, numberRe: new RegExp(`^(?:${num})$`, 'i') };
  grammars.set(lex, g);
  return g;
}

/** Parses "2,783", "30 thousand", "a dozen", "six" to a number; null for vague words ("dozens"). */
export function parseCount(text: string, lex: Lexicon): number | null {
  const t = text.toLowerCase().trim();
  const m = /^(.*?)(?:\s(hundred|thousand|million|billion))?$/.exec(t);
  const head = m?.[1] ?? t;
  const mult = m?.[2] ? lex.multipliers.get(m[2]) ?? 1 : 1;
  let base: number | null;
  if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(head)) base = Number(head.replace(/,/g, ''));
  // "1.2 thousand", "2.5 million": a decimal is a count only with a multiplier.
  else if (/^\d+\.\d+$/.test(head) && mult > 1) base = Number(head);
  else base = lex.numberWords.has(head) ? lex.numberWords.get(head) ?? null : null;
  return base === null ? null : Math.round(base * mult);
}

/**
 * Finds casualty figures in `sentence` (which starts at `offset` in the article text).
 * `blocked` ranges (dates, times) are never read as counts.
 */
export function findCasualties(
  sentence: string,
  offset: number,
  lex: Lexicon,
  blocked: readonly { start: number; end: number }[],
): CasualtyMention[] {
  const g = grammarFor(lex);
  const out: CasualtyMention[] = [];
  if (!g.gate.test(sentence)) return out;
  const aggregate = lex.aggregateRe.test(sentence);
  for (const re of g.patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const groups = m.groups ?? {};
      const numText = groups.num ?? '';
      const count = parseCount(numText, lex);
      if (count === null || count > 1_000_000) continue; // (no toll of a war is larger; bigger numbers are not people)
      const numStart = offset + m.index + m[0].indexOf(numText);
      const start = offset + m.index;
      const end = start + m[0].length;
      if (blocked.some((b) => b.start < numStart + numText.length && numStart < b.end)) continue;
      if (out.some((o) => o.start < end && start < o.end)) continue;
      // "a 41 year old soldier", "aged 41": an age is never a count
      if (/^[\s-]*years?[\s-]*old\b/i.test(sentence.slice(numStart - offset + numText.length)) || /\baged\s$/i.test(sentence.slice(0, numStart - offset))) continue;
      if (/^\d{4}$/.test(numText) && Number(numText) >= 1900 && Number(numText) <= 2100 && !groups.victim) continue;
      const verb = (groups.verb ?? '').toLowerCase();
      const category: 'killed' | 'injured' = /wound|injur|hurt/.test(verb) && !/fatally/.test(verb) ? 'injured' : 'killed';
      const victimText = groups.victim?.trim() ?? '';
      const victimStart = victimText ? start + m[0].indexOf(victimText) : -1;
      out.push({
        start,
        end,
        text: m[0],
        category,
        count,
        modifier: groups.mod ? lex.modifiers.get(groups.mod.toLowerCase()) ?? null : null,
        victim: victimText ? { start: victimStart, end: victimStart + victimText.length, text: victimText } : null,
        aggregate,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
