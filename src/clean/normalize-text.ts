import type { Block } from './block.js';

const NEWLINES = /\r\n?|[\u0085\u2028\u2029]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/** Any character one of the four replacements above touches. */
// eslint-disable-next-line no-control-regex
const ODD = /[\r\u0085\u2028\u2029\u00ad\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f-\u009f\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const NON_ASCII = /[^\u0000-\u007f]/;
const RUNS = / {2,}/g;
const ANY_SPACE = /\s+/g;
const TERMINAL = /[.!?…:;"”’»)\]]$/;

/**
 * Normalises raw text without changing its words: line breaks to `\n`; NBSP, tabs and other
 * spaces to a plain space; zero-width characters, soft hyphens and control characters removed;
 * Unicode NFC. Idempotent; cheap (a few regex passes).
 */
export function normalizeText(text: string): string {
  // One scan decides whether the four replacements are needed (most texts only hold \n and spaces).
  const replaced = ODD.test(text)
    ? text.replace(NEWLINES, '\n').replace(INVISIBLE, '').replace(CONTROLS, '').replace(SPACES, ' ')
    : text;
  return NON_ASCII.test(replaced) ? replaced.normalize('NFC') : replaced;
}

/** One line of text: {@link normalizeText}, every run of whitespace (line breaks too) to one space, trimmed. */
export function normalizeLine(text: string): string {
  return normalizeText(text).replace(ANY_SPACE, ' ').trim();
}

/**
 * Plain text to blocks. Normally every non-empty line is a block (scraped text puts one
 * paragraph per line, and line-level boilerplate such as "view more" must stay separate). When
 * the text is hard-wrapped (at least three lines, and most lines followed by another line are
 * 40–100 characters long without final punctuation), the lines between blank lines are joined.
 */
export function textBlocks(text: string): Block[] {
  const lines = normalizeText(text).split('\n').map((line) => line.replace(RUNS, ' ').trim());
  const blocks: Block[] = [];
  if (isHardWrapped(lines)) {
    let current: string[] = [];
    for (const line of [...lines, '']) {
      if (line !== '') current.push(line);
      else if (current.length > 0) {
        blocks.push({ text: current.join(' '), hint: null });
        current = [];
      }
    }
  } else {
    for (const line of lines) if (line !== '') blocks.push({ text: line, hint: null });
  }
  return blocks;
}

function isHardWrapped(lines: readonly string[]): boolean {
  let followed = 0;
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '' || lines[i + 1] === '') continue;
    followed++;
    if (line.length >= 40 && line.length <= 100 && !TERMINAL.test(line)) wrapped++;
  }
  return wrapped >= 3 && wrapped * 2 >= followed;
}
