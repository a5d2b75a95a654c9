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

/** A paragraph that ends like a sentence (counts as article text before a truncate header). */
const SENTENCE_END = /[.!?…]["”’»)]*$/;
const JOIN = /\p{Ll}\p{Lu}/u;
const NOT_A_TAG = /^[#@]|[/.]\S/;
const ELLIPSIS_END = /(?:\.\.\.|…)["”’»)\]]*$/;
const PERIOD_END = /\.["”’»)\]]*$/;
const TEASER_MAX_WORDS = 20;
const ALNUM = /[^\p{L}\p{N}]+/gu;

/**
 * Removes site chrome from an article's blocks with the rules of `data/lexicon/boilerplate.yml`,
 * in this order (each step sees the result of the one before):
 *
 * 1. per block: `drop` rules, the tag-cloud heuristic, then `strip` rules (a block left empty
 *    goes; a `caption: true` strip marks the block as a caption);
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

  const kept: Block[] = [];
  for (const block of blocks) {
    const exact = normalizeForExact(block.text);
    const dropped = drop.find((r) => matches(r, block.text, exact));
    if (dropped !== undefined) {
      removed.push({ rule: `boilerplate/${dropped.id}`, text: block.text });
      continue;
    }
    if (isTagCloud(block.text, rules.tagCloud)) {
      removed.push({ rule: 'boilerplate/tag-cloud', text: block.text });
      continue;
    }
    const stripped = applyStrip(block, strip, removed);
    if (stripped !== null) kept.push(stripped);
  }

  let articleChars = 0;
  for (let i = 0; i < kept.length; i++) {
    const block = kept[i] as Block;
    const exact = normalizeForExact(block.text);
    const header = cut.find((r) => matches(r, block.text, exact));
    if (header === undefined) {
      if (SENTENCE_END.test(block.text)) articleChars += block.text.length;
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
    const exact = normalizeForExact(last.text);
    const rule = tail.find((r) => matches(r, last.text, exact));
    if (rule === undefined) break;
    removed.push({ rule: `boilerplate/${rule.id}`, text: last.text });
    kept.pop();
  }

  const titleKey = title === null ? '' : comparable(title);
  while (titleKey !== '' && kept.length > 0 && comparable((kept[0] as Block).text) === titleKey) {
    removed.push({ rule: 'boilerplate/duplicate-title', text: (kept.shift() as Block).text });
  }
  return { blocks: kept, removed };
}

function matches(rule: BoilerplateRule, text: string, exact: string): boolean {
  if (text.length > rule.maxLength) return false;
  return rule.exact.has(exact) || (rule.pattern !== null && rule.pattern.test(text));
}

function applyStrip(block: Block, strip: readonly BoilerplateRule[], removed: RemovedText[]): Block | null {
  let text = block.text;
  let caption = false;
  for (const rule of strip) {
    if (rule.pattern === null || text.length > rule.maxLength) continue;
    const next = text.replace(rule.pattern, (match) => {
      removed.push({ rule: `boilerplate/${rule.id}`, text: match.trim() });
      return ' ';
    });
    if (next !== text) {
      text = next.replace(/ {2,}/g, ' ').trim();
      caption ||= rule.caption;
    }
  }
  if (text === '') return null;
  if (text === block.text) return block;
  return { text, hint: caption ? 'caption' : block.hint };
}

/** A related-story teaser: a blurb cut with an ellipsis, or a headline (≤ 20 words, no final period). */
function isTeaser(text: string): boolean {
  if (ELLIPSIS_END.test(text)) return true;
  if (PERIOD_END.test(text)) return false;
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
  if (text.length > p.maxLength || SENTENCE_END.test(text)) return false;
  const words = text.split(' ');
  if (words.length < 3) return false;
  let joined = 0;
  for (const w of words) if (JOIN.test(w) && !NOT_A_TAG.test(w)) joined++;
  return joined >= p.minJoins && joined / words.length >= p.minJoinRatio;
}

/** Title comparison key: letters and digits only, lower case. */
function comparable(s: string): string {
  return s.toLowerCase().replace(ALNUM, '');
}
