/**
 * A flat index of many proper-noun aliases (the world gazetteer's 300,000): one map entry per
 * distinct word-key sequence, joined by spaces, instead of a trie node per word. It allocates a
 * fraction of what {@link AliasIndex} does, which is what start-up time is made of, and matches
 * the same way for aliases whose case rule is `cap` (first word capitalised in the text).
 */
import type { AliasMatch } from './alias-index.js';
import type { Token } from './tokenize.js';

export class FlatAliasIndex<T> {
  private readonly map = new Map<string, T | T[]>();
  /**
   * Per first word key, the longest alias (in words) shifted left by `flagBits`; the low bits are
   * the caller's (the place matcher keeps its per-word gate flags here instead of in a second map
   * of 200,000 keys).
   */
  readonly firsts = new Map<string, number>();
  private readonly flagMask: number;

  constructor(private readonly flagBits = 0) {
    this.flagMask = (1 << flagBits) - 1;
  }

  /** The longest alias (in words) starting with this word key; 0 when none. */
  longestAt(key: string): number {
    return (this.firsts.get(key) ?? 0) >>> this.flagBits;
  }

  /** Adds an alias by its word keys (at least one). */
  add(keys: readonly string[], value: T): void {
    const first = keys[0]!;
    const key = keys.length === 1 ? first : keys.join(' ');
    const prev = this.map.get(key);
    if (prev !== undefined) {
      // a known key: its first word's longest length already counts it
      if (Array.isArray(prev)) {
        if (!prev.includes(value)) prev.push(value);
      } else if (prev !== value) this.map.set(key, [prev, value]);
      return;
    }
    this.map.set(key, value);
    const v = this.firsts.get(first) ?? 0;
    if (v >>> this.flagBits < keys.length) this.firsts.set(first, (v & this.flagMask) | (keys.length << this.flagBits));
  }

  /** The first word keys of all aliases. */
  *firstKeys(): IterableIterator<string> {
    for (const [k, v] of this.firsts) if (v >>> this.flagBits > 0) yield k;
  }

  /**
   * The longest alias matching at token `i` (its first word capitalised; later words joined to the
   * previous one; the last word may carry a possessive 's).
   */
  match(tokens: readonly Token[], i: number): AliasMatch<T> | null {
    const t0 = tokens[i]!;
    if (!t0.cap) return null;
    const max = Math.max(this.longestAt(t0.key), t0.possessive ? this.longestAt(t0.possessive.key) : 0);
    if (max === 0) return null;
    let n = 1;
    while (n < max && i + n < tokens.length && tokens[i + n]!.joinPrev) n++;
    for (let len = n; len >= 1; len--) {
      let prefix = '';
      for (let j = i; j < i + len - 1; j++) prefix += tokens[j]!.key + ' ';
      const last = tokens[i + len - 1]!;
      const whole = this.map.get(prefix + last.key);
      if (whole !== undefined) return { first: i, length: len, end: last.end, hits: hitsOf(whole) };
      if (last.possessive) {
        const pos = this.map.get(prefix + last.possessive.key);
        if (pos !== undefined) return { first: i, length: len, end: last.possessive.end, hits: hitsOf(pos) };
      }
    }
    return null;
  }
}

function hitsOf<T>(v: T | T[]): { value: T; rule: 'cap' }[] {
  return Array.isArray(v) ? v.map((value) => ({ value, rule: 'cap' as const })) : [{ value: v, rule: 'cap' as const }];
}
