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
  /** Longest alias (in words) per first word key. */
  private readonly longest = new Map<string, number>();

  /** Adds an alias by its word keys (at least one). */
  add(keys: readonly string[], value: T): void {
    const first = keys[0]!;
    const key = keys.length === 1 ? first : keys.join(' ');
    const prev = this.map.get(key);
    if (prev === undefined) this.map.set(key, value);
    else if (Array.isArray(prev)) {
      if (!prev.includes(value)) prev.push(value);
    } else if (prev !== value) this.map.set(key, [prev, value]);
    if ((this.longest.get(first) ?? 0) < keys.length) this.longest.set(first, keys.length);
  }

  firstKeys(): IterableIterator<string> {
    return this.longest.keys();
  }

  /**
   * The longest alias matching at token `i` (its first word capitalised; later words joined to the
   * previous one; the last word may carry a possessive 's).
   */
  match(tokens: readonly Token[], i: number): AliasMatch<T> | null {
    const t0 = tokens[i]!;
    if (!t0.cap) return null;
    const max = Math.max(this.longest.get(t0.key) ?? 0, t0.possessive ? (this.longest.get(t0.possessive.key) ?? 0) : 0);
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
