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
export function tokenize(text: string): readonly Token[] {
  // The place matcher, the actor matcher and the disambiguator read the same article in turn.
  if (text === lastText && lastTokens) return lastTokens;
  const out = scan(text);
  lastText = text;
  lastTokens = out;
  return out;
}

let lastText: string | null = null;
let lastTokens: readonly Token[] | null = null;

function scan(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let prevEnd = -1;
  let prevLen = 0;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    // a word starts with a letter or a digit (not a combining mark)
    if (!(isAsciiAlnum(c0) || (c0 >= 0x80 && isWordStart(c0)))) {
      i++;
      continue;
    }
    const start = i;
    let ascii = c0 < 0x80;
    let hasUpper = c0 >= 65 && c0 <= 90;
    let hasLower = c0 >= 97 && c0 <= 122;
    let apostrophe = false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isAsciiAlnum(c)) {
        if (c >= 65 && c <= 90) hasUpper = true;
        else if (c >= 97 && c <= 122) hasLower = true;
        i++;
      } else if (c >= 0x80 && isWordChar(c)) {
        ascii = false;
        i++;
      } else if (isApostrophe(c) && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) {
        apostrophe = true;
        i++;
      } else break;
    }
    const end = i;
    const word = text.slice(start, end);
    let cap: boolean;
    let upper: boolean;
    if (ascii) {
      cap = c0 >= 65 && c0 <= 90;
      upper = cap && !hasLower;
    } else {
      const first = word[0]!;
      cap = first !== first.toLowerCase();
      upper = cap && word === word.toUpperCase();
    }
    const key = ascii && !apostrophe ? (hasUpper ? word.toLowerCase() : word) : foldKey(word);
    let possessive: Token['possessive'] = null;
    if (apostrophe && word.length > 3 && (word.endsWith("'s") || word.endsWith('’s'))) {
      possessive = { key: foldKey(word.slice(0, -2)), end: end - 2 };
    }
    out.push({ start, end, text: word, key, possessive, cap, upper, joinPrev: prevEnd >= 0 && joinable(text, prevEnd, start, prevLen) });
    prevEnd = end;
    prevLen = word.length;
  }
  return out;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc || c === 0x2018 || c === 0x60;
}

function isWordCode(c: number): boolean {
  return isAsciiAlnum(c) || (c >= 0x80 && isWordChar(c));
}

/** Per-code-unit classes for non-ASCII text, filled on first sight: 1 letter/digit, 2 mark, 3 neither. */
const CLASS = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

function classOf(c: number): number {
  let k = CLASS[c]!;
  if (k === 0) {
    // surrogate halves: treat astral characters as letters (rare in news text)
    if (c >= 0xd800 && c <= 0xdfff) k = 1;
    else {
      const ch = String.fromCharCode(c);
      k = LETTER_OR_DIGIT.test(ch) ? 1 : MARK.test(ch) ? 2 : 3;
    }
    CLASS[c] = k;
  }
  return k;
}

function isWordStart(c: number): boolean {
  return classOf(c) === 1;
}

function isWordChar(c: number): boolean {
  return classOf(c) !== 3;
}

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
  // the same word boundaries as `scan`, keys only
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c0 = s.charCodeAt(i);
    if (!(isAsciiAlnum(c0) || (c0 >= 0x80 && isWordStart(c0)))) {
      i++;
      continue;
    }
    const start = i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isAsciiAlnum(c) || (c >= 0x80 && isWordChar(c)) || (isApostrophe(c) && i + 1 < n && isWordCode(s.charCodeAt(i + 1)))) i++;
      else break;
    }
    out.push(foldKey(s.slice(start, i)));
  }
  return out;
}

/** Letters separated by single spaces: the common case of aliases. */
const PLAIN = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
