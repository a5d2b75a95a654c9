import type { Block } from './block.js';
import { defaultBoilerplateRules, normalizeForExact, type BoilerplateRule, type BoilerplateRules } from './boilerplate-rules.js';

/** Something the cleaner removed: the rule (`boilerplate/<id>`) and the text. */
export interface RemovedText {
  readonly rule: string;
  readonly text: string;
}

/** Blocks kept, and what went. */
export interface BoilerplateResult {
  readonly blocks: Block[];
  readonly removed: RemovedText[];
}

const JOIN = /\p{Ll}\p{Lu}/u;
const JOINS = /\p{Ll}\p{Lu}/gu;
const NOT_A_TAG = /^[#@]|[/.]\S/;
const CLOSERS = '"”’»)]';
const TEASER_MAX_WORDS = 20;
const ALNUM = /[^\p{L}\p{N}]+/gu;

/**
 * Removes site chrome from an article's blocks with the rules of `data/lexicon/boilerplate.yml`,
 * in this order (each step sees the result of the one before):
 *
 * 1. per block: `drop` rules and the tag-cloud heuristic; else `strip` rules until none matches
 *    (a block left empty goes; a `caption: true` strip marks it a caption), and `drop` again;
 * 2. `list` headers ("Week's Top Stories"): the header and the teaser-like blocks after it
 *    (headlines, blurbs cut with "..."); `truncate` openers ("Dear reader"): the block and
 *    everything after it, once 200+ characters of article text came before it, else it alone;
 * 3. the trailing run: from the end, blocks are removed while they match a `tail` rule;
 * 4. the title repeated as the first block(s) is removed.
 *
 * Never removes a block that no rule names; `removed` lists every removal with its rule.
 */
export function removeBoilerplate(
  blocks: readonly Block[],
  title: string | null,
  rules: BoilerplateRules = defaultBoilerplateRules(),
): BoilerplateResult {
  const removed: RemovedText[] = [];
  const drop = rules.rules.filter((r) => r.action === 'drop');
  const strip = rules.rules.filter((r) => r.action === 'strip');
  const cut = rules.rules.filter((r) => r.action === 'list' || r.action === 'truncate');
  const tail = rules.rules.filter((r) => r.action === 'tail');

  const keys = new Map<string, string | null>();
  const exactKey = (text: string): string | null => {
    let key = keys.get(text);
    if (key === undefined) {
      key = text.length > rules.maxExactLength ? null : normalizeForExact(text);
      keys.set(text, key);
    }
    return key;
  };
  const dropRule = (text: string): string | null => {
    const exact = exactKey(text);
    const rule = drop.find((r) => matches(r, text, exact));
    if (rule !== undefined) return `boilerplate/${rule.id}`;
    return isTagCloud(text, rules.tagCloud) ? 'boilerplate/tag-cloud' : null;
  };
  const kept: Block[] = [];
  for (const original of blocks) {
    // Drop first (so a lone "[ad_1]" is credited to its drop rule), strip, and check again what
    // stripping uncovered ("[ad_1]Subscribe to ..."), so that cleaning twice changes nothing.
    let rule = dropRule(original.text);
    const block = rule === null ? applyStrip(original, strip, removed) : null;
    if (block !== null && block !== original) rule = dropRule(block.text);
    if (rule !== null) removed.push({ rule, text: (block ?? original).text });
    else if (block !== null) kept.push(block);
  }

  let articleChars = 0;
  for (let i = 0; i < kept.length; i++) {
    const block = kept[i] as Block;
    const exact = exactKey(block.text);
    const header = cut.find((r) => matches(r, block.text, exact));
    if (header === undefined) {
      if (endsSentence(block.text)) articleChars += block.text.length;
      continue;
    }
    let end = i + 1;
    if (header.action === 'list') while (end < kept.length && isTeaser((kept[end] as Block).text)) end++;
    else if (articleChars >= rules.truncateAfterChars) end = kept.length;
    for (const b of kept.splice(i, end - i)) removed.push({ rule: `boilerplate/${header.id}`, text: b.text });
    i--;
  }

  while (kept.length > 0) {
    const last = kept[kept.length - 1] as Block;
    const exact = exactKey(last.text);
    const rule = tail.find((r) => matches(r, last.text, exact));
    if (rule === undefined) break;
    removed.push({ rule: `boilerplate/${rule.id}`, text: last.text });
    kept.pop();
  }

  const titleKey = title === null ? null : comparable(title);
  const sameAsTitle = (text: string): boolean =>
    titleKey !== null && text.length <= 2 * (title as string).length + 10 && comparable(text) === titleKey;
  while (kept.length > 0 && sameAsTitle((kept[0] as Block).text)) {
    removed.push({ rule: 'boilerplate/duplicate-title', text: (kept.shift() as Block).text });
  }
  return { blocks: kept, removed };
}

function matches(rule: BoilerplateRule, text: string, exact: string | null): boolean {
  if (text.length > rule.maxLength) return false;
  return (exact !== null && rule.exact.has(exact)) || (rule.pattern !== null && rule.pattern.test(text));
}

/** Applies the strip rules until none matches (one removal can expose another). */
function applyStrip(block: Block, strip: readonly BoilerplateRule[], removed: RemovedText[]): Block | null {
  let text = block.text;
  let caption = false;
  for (let changed = true, rounds = 0; changed && rounds < 4; rounds++) {
    changed = false;
    for (const rule of strip) {
      if (rule.pattern === null || text.length > rule.maxLength) continue;
      const next = text.replace(rule.pattern, (match) => {
        removed.push({ rule: `boilerplate/${rule.id}`, text: match.trim() });
        return ' ';
      });
      if (next !== text) {
        text = next.replace(/ {2,}/g, ' ').trim();
        caption ||= rule.caption;
        changed = true;
      }
    }
  }
  if (text === '') return null;
  if (text === block.text) return block;
  return { text, hint: caption ? 'caption' : block.hint };
}

/** A related-story teaser: a blurb cut with an ellipsis, or a headline (≤ 20 words, no final period). */
function isTeaser(text: string): boolean {
  const end = finalIndex(text);
  if (text[end] === '…' || (text[end] === '.' && text.slice(end - 2, end) === '..')) return true;
  if (text[end] === '.') return false;
  let words = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32 && ++words > TEASER_MAX_WORDS) return false;
  return true;
}

/**
 * A line of tags run together: at least `minJoins` words with a lower→upper join
 * ("newsAsian"), at least `minJoinRatio` of all words, no sentence end. Hashtags, handles and
 * URLs ("#MethWeAreOnIt", "@JohnDoe") do not count.
 */
function isTagCloud(text: string, p: BoilerplateRules['tagCloud']): boolean {
  if (text.length > p.maxLength || endsSentence(text)) return false;
  if ((text.match(JOINS)?.length ?? 0) < p.minJoins) return false;
  const words = text.split(' ');
  if (words.length < 3) return false;
  let joined = 0;
  for (const w of words) if (JOIN.test(w) && !NOT_A_TAG.test(w)) joined++;
  return joined >= p.minJoins && joined / words.length >= p.minJoinRatio;
}

/** The index of the last character before any closing quotes or brackets (-1 when none). */
function finalIndex(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i] as string)) i--;
  return i;
}

/** Ends in . ! ? or … before any closing quotes (a char test: end-anchored regexes scan the whole string). */
function endsSentence(text: string): boolean {
  const c = text[finalIndex(text)];
  return c === '.' || c === '!' || c === '?' || c === '…';
}

/** Title comparison key: letters and digits only, lower case (the whole text when it has none). */
function comparable(s: string): string {
  const lower = s.toLowerCase();
  return lower.replace(ALNUM, '') || lower.trim();
}
