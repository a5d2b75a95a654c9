import { foldKey } from './fold-key.js';

/** A word of an article or an alias, with what the matchers need to compare it cheaply. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** {@link foldKey} of the word. */
  readonly key: string;
  /** Key and end of the word without a possessive `'s` ("Armenia's" → "armenia"), else null. */
  readonly possessive: { readonly key: string; readonly end: number } | null;
  /** The first character is an upper-case letter. */
  readonly cap: boolean;
  /** Every letter is upper case ("NKR", "U"). */
  readonly upper: boolean;
  /**
   * The gap from the previous word is only spaces and at most one hyphen or dash
   * ("Nagorno-Karabakh", "Boyuk Taglar"), or a dot after a single letter ("U.S."): a multi-word
   * name may continue across it. False for the first word and across punctuation or line breaks.
   */
  readonly joinPrev: boolean;
}

/**
 * Splits text into words: runs of letters, digits and combining marks, with apostrophes inside a
 * word kept ("T’aghlar", "Armenia's"). Offsets are UTF-16 code units into `text`.
 *
 * @example
 * tokenize('Nagorno-Karabakh').map((t) => t.key) // ['nagorno', 'karabakh']
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  let prevEnd = -1;
  let prevLen = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const first = word[0]!;
    const cap = first !== first.toLowerCase();
    const upper = cap && word === word.toUpperCase();
    let possessive: Token['possessive'] = null;
    if (word.length > 3 && (word.endsWith("'s") || word.endsWith('’s'))) {
      possessive = { key: foldKey(word.slice(0, -2)), end: end - 2 };
    }
    out.push({
      start,
      end,
      text: word,
      key: foldKey(word),
      possessive,
      cap,
      upper,
      joinPrev: prevEnd >= 0 && joinable(text, prevEnd, start, prevLen),
    });
    prevEnd = end;
    prevLen = word.length;
  }
  return out;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ‘`][\p{L}\p{M}\p{N}]+)*/gu;

function joinable(text: string, from: number, to: number, prevLen: number): boolean {
  const len = to - from;
  if (len === 0 || len > 4) return false;
  let dashes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f) continue;
    if (c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013) {
      dashes++;
      continue;
    }
    // "U.S.", "U.N.": a dot after a one-letter word
    if (c === 0x2e && prevLen === 1) continue;
    return false;
  }
  return dashes <= 1;
}

/**
 * The word keys of a name, exactly as {@link tokenize} would key its words, without building
 * tokens: used to index tens of thousands of aliases quickly.
 */
export function wordKeys(s: string): string[] {
  if (PLAIN.test(s)) return s.toLowerCase().split(' ');
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m !== null; m = WORD.exec(s)) out.push(foldKey(m[0]));
  return out;
}

/** Letters separated by single spaces: the common case of aliases. */
const PLAIN = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
