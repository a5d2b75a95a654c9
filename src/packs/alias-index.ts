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

interface Node<T> {
  children: Map<string, Node<T>> | null;
  hits: AliasHit<T>[] | null;
}

/** Returns the key of token `i` under the index's key function. */
export type KeyAt = (i: number) => string;

/**
 * A token trie of aliases: each alias is the path of its word keys. Matching at a position walks
 * the text's words down the trie, one map lookup per word, and keeps the deepest node whose hits
 * pass their case rules, so the cost does not depend on how many aliases share a first word
 * ("Ministry of Defence of ..." for 250 countries).
 */
export class AliasIndex<T> {
  private readonly root = new Map<string, Node<T>>();
  private count = 0;

  /** Number of distinct alias word sequences. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds an alias. `keys` are its word keys; by default the {@link foldKey} of its words.
   * Returns false when the alias has no words.
   */
  add(alias: string, value: T, rule: CaseRule, keys: readonly string[] = wordKeys(alias)): boolean {
    if (keys.length === 0) return false;
    let level = this.root;
    let node: Node<T> | undefined;
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j]!;
      node = level.get(k);
      if (!node) {
        node = { children: null, hits: null };
        level.set(k, node);
      }
      if (j < keys.length - 1) level = node.children ??= new Map();
    }
    const n = node!;
    if (!n.hits) {
      n.hits = [];
      this.count++;
    }
    if (!n.hits.some((h) => h.value === value && h.rule === rule)) n.hits.push({ value, rule });
    return true;
  }

  /** The first word keys of all aliases (to gate lookups: most words start no alias). */
  firstKeys(): IterableIterator<string> {
    return this.root.keys();
  }

  /** True when some alias has exactly these word keys. */
  has(keys: readonly string[]): boolean {
    let level: Map<string, Node<T>> | null = this.root;
    let node: Node<T> | undefined;
    for (const k of keys) {
      node = level?.get(k);
      if (!node) return false;
      level = node.children;
    }
    return node?.hits != null;
  }

  /**
   * The longest alias that matches at token `i` and has at least one hit passing its case rule
   * and `accept`. Subsequent words must be joined to the previous one (see `Token.joinPrev`); the
   * last word may carry a possessive `'s` when `keyAt` is the exact key.
   */
  match(tokens: readonly Token[], i: number, keyAt: KeyAt | null = null, accept?: (value: T) => boolean): AliasMatch<T> | null {
    let best: AliasMatch<T> | null = null;
    let level: Map<string, Node<T>> | null = this.root;
    for (let j = i; j < tokens.length && level; j++) {
      const t = tokens[j]!;
      if (j > i && !t.joinPrev) break;
      // "Armenia's": the possessive form may end an alias
      if (!keyAt && t.possessive) {
        const p = level.get(t.possessive.key);
        if (p?.hits) {
          const hits = this.passing(p.hits, tokens, i, j, accept);
          if (hits) best = { first: i, length: j - i + 1, end: t.possessive.end, hits };
        }
      }
      const node = level.get(keyAt ? keyAt(j) : t.key);
      if (!node) break;
      if (node.hits) {
        const hits = this.passing(node.hits, tokens, i, j, accept);
        if (hits) best = { first: i, length: j - i + 1, end: t.end, hits };
      }
      level = node.children;
    }
    return best;
  }

  private passing(all: readonly AliasHit<T>[], tokens: readonly Token[], i: number, last: number, accept?: (value: T) => boolean): AliasHit<T>[] | null {
    const first = tokens[i]!;
    let out: AliasHit<T>[] | null = null;
    for (const h of all) {
      if (h.rule === 'cap' && !first.cap) continue;
      if (h.rule === 'upper') {
        let ok = true;
        for (let j = i; j <= last && ok; j++) ok = tokens[j]!.upper;
        if (!ok) continue;
      }
      if (accept && !accept(h.value)) continue;
      (out ??= []).push(h);
    }
    return out;
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
