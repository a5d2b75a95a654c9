import { z } from 'zod';
import abbreviationData from './lexicon/abbreviations.json' with { type: 'json' };

/** A sentence as a range of the article text. */
export interface SentenceRange {
  readonly start: number;
  readonly end: number;
}

const Abbreviations = z.object({
  note: z.string(),
  title: z.array(z.string()),
  numeric: z.array(z.string()),
  ambiguous: z.array(z.string()),
  starters: z.array(z.string()),
});
const lexicon = Abbreviations.parse(abbreviationData);
const TITLE = new Set(lexicon.title);
const NUMERIC = new Set(lexicon.numeric);
const AMBIGUOUS = new Set(lexicon.ambiguous);
const STARTERS = new Set(lexicon.starters);

/** Sentence-final punctuation with any closing quotes or brackets, before a space. */
const BOUNDARY = /(?:[.!?…]+)["”’'»)\]]*(?=\s)/g;
const OPENER = /[\p{Lu}\p{Lt}\p{N}“"‘'«„(\[¿¡–—-]/u;
const TOKEN_CHAR = /[\p{L}.]/u;
const WORD = /^[\p{L}']+/u;

/**
 * Splits `text[start, end)` (one paragraph) into sentences, trimmed, in order, covering every
 * word. A boundary is `.`, `!`, `?` or `…` (plus closing quotes or brackets) followed by a space
 * and an upper-case letter, a digit or an opening quote or dash. Closing quotes stay with their
 * sentence (`…,” he said.` never starts a sentence). After a single `.`, abbreviations from
 * `lexicon/abbreviations.json` decide: titles never end a sentence ("Gen. Smith", "Lt. Col."),
 * numeric ones not before a digit ("No. 5"), ambiguous ones and initials only when a usual
 * sentence opener follows ("the U.S. State Department" vs "the U.S. He"; "Dec. 12", "3 p.m. Both").
 * Regex-only: about 100 MB/s.
 */
export function splitSentences(text: string, start = 0, end = text.length): SentenceRange[] {
  const out: SentenceRange[] = [];
  let from = skipSpace(text, start, end);
  // The search for the next boundary stops at the paragraph's end: on the whole text, a paragraph
  // without sentence punctuation was searched to the end of the article (quadratic in a page of
  // many such paragraphs). A prefix slice keeps every offset as it is.
  const upTo = end < text.length ? text.slice(0, end) : text;
  BOUNDARY.lastIndex = from;
  for (let m = BOUNDARY.exec(upTo); m !== null && m.index < end; m = BOUNDARY.exec(upTo)) {
    const stop = m.index + m[0].length;
    const next = skipSpace(text, stop, end);
    if (next >= end) break;
    if (!OPENER.test(text[next] as string) || !endsSentence(text, m.index, m[0], next)) continue;
    out.push({ start: from, end: stop });
    from = next;
  }
  const last = trimEnd(text, from, end);
  if (last > from) out.push({ start: from, end: last });
  return out;
}

function endsSentence(text: string, at: number, punct: string, next: number): boolean {
  if (!punct.startsWith('.') || punct.startsWith('..')) return true;
  let k = at;
  while (k > 0 && TOKEN_CHAR.test(text[k - 1] as string)) k--;
  const raw = text.slice(k, at);
  if (raw === '') return true; // after a number or a closing bracket
  const token = raw.replace(/^\.+/, '').toLowerCase();
  if (TITLE.has(token)) return false;
  const nextChar = text[next] as string;
  if (NUMERIC.has(token)) return !/\p{N}/u.test(nextChar);
  const initial = raw.length === 1 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
  if (initial || AMBIGUOUS.has(token) || token.includes('.')) {
    const word = WORD.exec(text.slice(next, next + 20))?.[0]?.toLowerCase();
    return word !== undefined && STARTERS.has(word);
  }
  return true;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && /\s/.test(text[i] as string)) i++;
  return i;
}

function trimEnd(text: string, from: number, end: number): number {
  while (end > from && /\s/.test(text[end - 1] as string)) end--;
  return end;
}
