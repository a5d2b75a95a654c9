/**
 * Text as well-formed Unicode. A JSON string may hold a lone surrogate (`"\ud800"`), which
 * JavaScript keeps but UTF-8 cannot encode: stored as is, SQLite would hold ill-formed UTF-8 that
 * other clients (Python's sqlite3) cannot read. Every lone surrogate becomes U+FFFD, as invalid
 * UTF-8 bytes already do when a file is decoded.
 */

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with each lone surrogate replaced by U+FFFD, and how many there were. */
export function wellFormed(text: string): { text: string; replaced: number } {
  // Native and fast (a 1 MB text: ~10 ms for the regex below); Node 20 has it.
  if ((text as string & { isWellFormed?: () => boolean }).isWellFormed?.() === true) return { text, replaced: 0 };
  let replaced = 0;
  const out = text.replace(LONE_SURROGATE, () => {
    replaced++;
    return '\uFFFD';
  });
  return { text: replaced === 0 ? text : out, replaced };
}
