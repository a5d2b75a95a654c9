/**
 * A character range in an article's cleaned text (UTF-16 code units, as JavaScript strings
 * index) and the text it covers. Every extracted field points back to one of these.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Builds the span `[start, end)` of `text`, with the covered text. */
export function sliceSpan(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** True when the two ranges share at least one character. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `inner` lies within `outer`. */
export function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
