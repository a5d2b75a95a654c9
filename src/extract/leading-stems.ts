/**
 * Leading stems of a trigger pattern: literal texts one of which every match of the pattern
 * starts with ("shell(?:ed|ing)" → "shell"; "(?:artillery|mortar)\s(?:fire|strikes?)" →
 * "artillery", "mortar"). `findTriggers` scans an article once for all stems and then runs only
 * the triggers whose stems occur, instead of every trigger's expression over the whole text.
 *
 * The reading is conservative: anything it does not understand (a pattern that starts with a
 * class, an escape or a quantified item it cannot see past) gives null, meaning "always run".
 */

/** Characters that end a literal run. */
const META = new Set(['\\', '(', ')', '[', ']', '{', '}', '|', '?', '*', '+', '.', '^', '$']);

/** Shortest stem worth filtering on (shorter ones match nearly every text). */
const MIN_STEM = 3;

/**
 * Calls `visit(i, depth)` for each character of `p` from `from` that is outside escapes and
 * character classes (their brackets and bars are literal), with the group depth before it;
 * stops when `visit` returns true.
 */
function scan(p: string, from: number, visit: (i: number, depth: number) => boolean | void): void {
  let depth = 0;
  for (let i = from; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      i++;
      while (i < p.length && p[i] !== ']') i += p[i] === '\\' ? 2 : 1;
      continue;
    }
    if (visit(i, depth)) return;
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
}

/** Index of the `)` closing the group opened at `open` (a `(`), or -1. */
function closingParen(p: string, open: number): number {
  let found = -1;
  scan(p, open, (i, depth) => {
    if (p[i] === ')' && depth === 1) found = i;
    return found >= 0;
  });
  return found;
}

/** Splits `p` at its top-level `|`. */
function topLevelAlternatives(p: string): string[] {
  const out: string[] = [];
  let from = 0;
  scan(p, 0, (i, depth) => {
    if (p[i] === '|' && depth === 0) {
      out.push(p.slice(from, i));
      from = i + 1;
    }
  });
  out.push(p.slice(from));
  return out;
}

/**
 * Whether the item ending before `at` is made optional or repeatable by a quantifier there, and
 * the quantifier's length (with a lazy `?`).
 */
function quantified(p: string, at: number): { kind: 'optional' | 'repeat'; length: number } | null {
  const m = /^(?:[?*+]|\{\d*(?:,\d*)?\})\??/.exec(p.slice(at));
  if (m === null) return null;
  const optional = m[0].startsWith('?') || m[0].startsWith('*') || /^\{0[,}]/.test(m[0]);
  return { kind: optional ? 'optional' : 'repeat', length: m[0].length };
}

/**
 * The leading stems of `pattern` (one regular-expression source, no flags), or null when they
 * cannot be told. Every string any match starts with has one of the stems as a prefix.
 */
export function leadingStems(pattern: string): string[] | null {
  const stems = new Set<string>();
  for (const alternative of topLevelAlternatives(pattern)) {
    const own = alternativeStems(alternative);
    if (own === null) return null;
    for (const s of own) stems.add(s);
  }
  return [...stems].sort();
}

function alternativeStems(p: string): string[] | null {
  if (p.startsWith('(?:')) {
    const close = closingParen(p, 0);
    if (close < 0) return null;
    const inner = leadingStems(p.slice(3, close));
    const q = quantified(p, close + 1);
    if (q?.kind === 'optional') {
      // "(?:armed )?incursions?": a match starts with the group or with what follows it.
      const rest = alternativeStems(p.slice(close + 1 + q.length));
      return inner === null || rest === null ? null : [...new Set([...inner, ...rest])];
    }
    return inner;
  }
  let literal = '';
  let i = 0;
  while (i < p.length && !META.has(p[i]!)) literal += p[i++];
  // "airstrikes?": the quantified last character may be missing.
  if (literal.length > 0 && quantified(p, i) !== null) literal = literal.slice(0, -1);
  return literal.length >= MIN_STEM ? [literal] : null;
}
