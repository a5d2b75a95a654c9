import type { ParagraphKind } from '../model/article.js';
import type { Block } from './block.js';

/** Headings are short: at most this many words and characters, with no final punctuation. */
const HEADING_MAX_WORDS = 10;
const HEADING_MAX_CHARS = 90;
const FINAL_PUNCT = /[.!?…:;,"”’»]$/;
const HAS_LETTER = /\p{L}/u;
/** "HARD BATTLES: This picture …": an upper-case lead and a colon. */
const CAPS_LEAD = /^([\p{Lu}\d][\p{Lu}\d '’&-]{1,48}):\s+\S/u;
/** Leads that open news, not captions. */
const NEWS_LEADS = new Set([
  'UPDATE', 'UPDATED', 'BREAKING', 'BREAKING NEWS', 'EXCLUSIVE', 'WATCH', 'LIVE', 'ANALYSIS', 'OPINION', 'COMMENT',
  "EDITOR'S NOTE", 'EDITOR’S NOTE', 'CORRECTION', 'CLARIFICATION', 'ALERT', 'URGENT', 'FLASH', 'NOTE', 'BACKGROUND',
  'CONTEXT', 'FACTBOX', 'TIMELINE', 'QUOTE', 'WHY IT MATTERS', 'WHAT NEXT', 'READ MORE', 'DISCLAIMER',
]);
/** Words a photo caption uses about its picture. */
const PICTURE_CUE =
  /\b(?:photos?|pictures?|pictured|images?|footage|video|screenshot|screengrab|illustration|seen here|(?:this|the) (?:photo|picture|image) shows)\b/i;
const QUOTE_OPEN = /^(?:[“"«„]|[–—-] )/;
/** A caption labelled as such: "[Photo: ...", "(Photo caption: ...", "Image: ...", "Pictured: ...". */
const CAPTION_LABEL = /^[[(]?\s*(?:photo(?:\s+caption)?|picture|image|caption|pictured|file photo|video)\s*:/i;

/**
 * The kind of a body paragraph (never `title`):
 * - `caption`: marked by markup or a stripped photo credit, labelled ("[Photo: ...", "Image: ..."),
 *   or an upper-case lead with a colon
 *   that speaks of a picture ("HARD BATTLES: This picture was given …"), leads such as
 *   "UPDATE:" excepted;
 * - `heading`: a short line (≤ 10 words, ≤ 90 characters) without final punctuation that is
 *   not the article's last paragraph ("Dead and wounded"), or an `<h2>`-style block;
 * - `quote`: a `<blockquote>`, or a paragraph opening with a quotation mark or speech dash;
 * - `body` otherwise.
 * Captions and headings carry no events (see the extractor), so the rules stay conservative.
 */
export function classifyParagraph(block: Block, isLast: boolean): ParagraphKind {
  const { text, hint } = block;
  if (hint === 'caption' || CAPTION_LABEL.test(text)) return 'caption';
  const lead = CAPS_LEAD.exec(text);
  if (lead !== null && /\p{Lu}{3}/u.test(lead[1] as string) && !NEWS_LEADS.has((lead[1] as string).trim()) && PICTURE_CUE.test(text)) {
    return 'caption';
  }
  if (hint === 'heading' && text.length <= 200) return 'heading';
  if (hint === 'quote') return 'quote';
  if (!isLast && isHeadingLine(text)) return 'heading';
  return QUOTE_OPEN.test(text) ? 'quote' : 'body';
}

function isHeadingLine(text: string): boolean {
  if (text.length > HEADING_MAX_CHARS || FINAL_PUNCT.test(text) || !HAS_LETTER.test(text)) return false;
  let words = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32 && ++words > HEADING_MAX_WORDS) return false;
  return true;
}
