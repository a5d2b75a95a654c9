import { wordKeys, type Token } from './tokenize.js';

/**
 * How the text must be written for an alias to match:
 * `any` in any case; `cap` only when the text starts with a capital (proper nouns, so "goris"
 * and "bala" in running text do not match); `upper` only in capitals (acronyms: "EU", "NKR").
 */
export type CaseRule = 'any' | 'cap' | 'upper';

/** One value an alias stands for, with its case rule. */
export interface AliasHit<T> {
  readonly value: T;
  readonly rule: CaseRule;
}

/** A match of one alias sequence at a token position. */
export interface AliasMatch<T> {
  /** Index of the first token. */
  readonly first: number;
  /** Number of tokens. */
  readonly length: number;
  /** End offset in the text (before a possessive `'s` when the last word carried one). */
  readonly end: number;
  readonly hits: readonly AliasHit<T>[];
}

interface Seq<T> {
  readonly keys: readonly string[];
  readonly hits: AliasHit<T>[];
}

/** Returns the key of token `i` under the index's key function. */
export type KeyAt = (i: number) => string;

/**
 * A token-sequence index of aliases: a map from an alias's first word key to the alias word-key
 * sequences that start with it, longest first. Matching at a position costs one map lookup and
 * a few key comparisons, whatever the number of aliases (no per-alias regex).
 */
export class AliasIndex<T> {
  private readonly byFirst = new Map<string, Seq<T>[]>();
  private readonly byFull = new Map<string, Seq<T>>();
  private sorted = true;

  /** Number of distinct alias sequences. */
  get size(): number {
    return this.byFull.size;
  }

  /**
   * Adds an alias. `keys` are its word keys; by default the {@link foldKey} of its words.
   * Returns false when the alias has no words.
   */
  add(alias: string, value: T, rule: CaseRule, keys: readonly string[] = wordKeys(alias)): boolean {
    if (keys.length === 0) return false;
    const full = keys.join(' ');
    let seq = this.byFull.get(full);
    if (!seq) {
      seq = { keys, hits: [] };
      this.byFull.set(full, seq);
      const list = this.byFirst.get(keys[0]!);
      if (list) list.push(seq);
      else this.byFirst.set(keys[0]!, [seq]);
      this.sorted = false;
    }
    if (!seq.hits.some((h) => h.value === value && h.rule === rule)) seq.hits.push({ value, rule });
    return true;
  }

  /** True when some alias has exactly these word keys. */
  has(keys: readonly string[]): boolean {
    return this.byFull.has(keys.join(' '));
  }

  /**
   * The longest alias that matches at token `i` and has at least one hit passing its case rule
   * and `accept`. Subsequent words must be joined to the previous one (see `Token.joinPrev`); the
   * last word may carry a possessive `'s` when `keyAt` is the exact key.
   */
  match(tokens: readonly Token[], i: number, keyAt: KeyAt | null = null, accept?: (value: T) => boolean): AliasMatch<T> | null {
    if (!this.sorted) this.sortAll();
    const tok = tokens[i];
    if (!tok) return null;
    const firstKey = keyAt ? keyAt(i) : tok.key;
    const lists: Seq<T>[][] = [];
    const direct = this.byFirst.get(firstKey);
    if (direct) lists.push(direct);
    // A one-word alias may be followed by a possessive: "Armenia's" → "armenia".
    const poss = !keyAt && tok.possessive ? this.byFirst.get(tok.possessive.key) : undefined;
    if (poss) lists.push(poss);
    let best: AliasMatch<T> | null = null;
    for (const list of lists) {
      for (const seq of list) {
        if (best && seq.keys.length <= best.length) break;
        const m = this.tryAt(tokens, i, seq, keyAt, accept);
        if (m) {
          best = m;
          break;
        }
      }
    }
    return best;
  }

  private tryAt(tokens: readonly Token[], i: number, seq: Seq<T>, keyAt: KeyAt | null, accept?: (value: T) => boolean): AliasMatch<T> | null {
    const n = seq.keys.length;
    if (i + n > tokens.length) return null;
    let end = 0;
    for (let j = 0; j < n; j++) {
      const t = tokens[i + j]!;
      if (j > 0 && !t.joinPrev) return null;
      const want = seq.keys[j]!;
      const key = keyAt ? keyAt(i + j) : t.key;
      if (key === want) {
        end = t.end;
        // A possessive is accepted only on the last word.
      } else if (!keyAt && j === n - 1 && t.possessive && t.possessive.key === want) {
        end = t.possessive.end;
      } else {
        return null;
      }
    }
    const first = tokens[i]!;
    const hits = seq.hits.filter((h) => {
      if (h.rule === 'cap' && !first.cap) return false;
      if (h.rule === 'upper') {
        for (let j = 0; j < n; j++) if (!tokens[i + j]!.upper) return false;
      }
      return accept ? accept(h.value) : true;
    });
    return hits.length > 0 ? { first: i, length: n, end, hits } : null;
  }

  private sortAll(): void {
    for (const list of this.byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
    this.sorted = true;
  }
}

/** The case rule of an alias written as in a pack: all-capital acronyms must match as written. */
export function caseRuleOf(alias: string, properNoun: boolean): CaseRule {
  let letters = 0;
  let lower = false;
  for (let i = 0; i < alias.length && !lower; i++) {
    const c = alias.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) letters++;
    else if (c >= 128) {
      const ch = alias[i]!;
      const low = ch.toLowerCase();
      if (low === ch.toUpperCase()) continue; // not a cased letter
      if (ch === low) lower = true;
      else letters++;
    }
  }
  if (!lower && letters >= 2) return 'upper';
  if (!properNoun) return 'any';
  const first = alias.trimStart()[0] ?? '';
  return first !== first.toLowerCase() ? 'cap' : 'any';
}
