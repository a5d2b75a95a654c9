import type { CleanArticle, PublishedSource, RawArticle } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Block } from './block.js';
import type { BoilerplateRules } from './boilerplate-rules.js';
import { cleanDiagnostic } from './clean-diagnostic.js';
import { detectLanguage } from './detect-language.js';
import { extractHtml, type HtmlExtraction } from './extract-html.js';
import { primaryLanguage } from './html-metadata.js';
import { normalizeLine, textBlocks } from './normalize-text.js';
import { removeBoilerplate } from './remove-boilerplate.js';
import { segment } from './segment.js';
import { capSentences, MAX_SENTENCE_CHARS } from './cap-sentences.js';
import { MAX_PARAGRAPH_CHARS, splitLongParagraphs } from './split-long-paragraphs.js';

/** Options of {@link cleanArticle}. */
export interface CleanOptions {
  /** Boilerplate rules; default `data/lexicon/boilerplate.yml`, loaded once. */
  readonly rules?: BoilerplateRules;
}

/** A detected language overrides the metadata's only at or above this confidence. */
const OVERRIDE_CONFIDENCE = 0.75;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Turns a raw article into the clean coordinate system: body paragraphs (from HTML through
 * Readability, or from plain-text lines), boilerplate removed (`removed` says what and why),
 * `text` = title + blank line + paragraphs, paragraph kinds and sentence ranges, language.
 *
 * Metadata: the raw fields win; a page's tags fill the gaps, and a page's date replaces a
 * `--published` flag date (the flag is for inputs that carry none). `published` is the date part
 * (`YYYY-MM-DD`); `publishedEvidence` is null (text-based dating is a later stage).
 * Diagnostics: the raw ones (same objects), then `clean/*` (see `CLEAN_CODES`).
 * Synchronous, never throws for any input; idempotent on its own `text`.
 *
 * @example
 * const clean = cleanArticle(raw);
 * for (const s of clean.sentences) console.log(clean.text.slice(s.start, s.end));
 */
export function cleanArticle(raw: RawArticle, opts: CleanOptions = {}): CleanArticle {
  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  const report = (code: Parameters<typeof cleanDiagnostic>[0], message: string): void => {
    diagnostics.push(cleanDiagnostic(code, raw.source, raw.id, message));
  };
  let page: HtmlExtraction | null = null;
  let blocks: readonly Block[];
  if (raw.html !== null) {
    page = extractHtml(raw.html);
    blocks = page.blocks;
    if (page.method === 'dom-fallback' || page.method === 'strip-tags') {
      report('clean/html-fallback', `no article container found in the page (${page.method}); used the page text`);
    }
  } else {
    blocks = textBlocks(raw.text ?? '');
  }
  const titleText = raw.title ?? page?.title ?? null;
  const title = titleText === null ? null : normalizeLine(titleText) || null;
  const { blocks: kept, removed } = removeBoilerplate(blocks, title, opts.rules);
  const { blocks: body, cut: longParagraphs } = splitLongParagraphs(kept);
  if (longParagraphs > 0) report('clean/long-paragraph-split', `${longParagraphs} paragraph(s) longer than ${MAX_PARAGRAPH_CHARS} characters cut at sentence ends (bounded extraction time)`);
  const segmented = segment(title, body);
  const { text, paragraphs } = segmented;
  const { sentences, cut } = capSentences(text, segmented.sentences);
  if (cut > 0) report('clean/long-sentence-split', `${cut} sentence(s) longer than ${MAX_SENTENCE_CHARS} characters read in pieces (bounded extraction time)`);
  if (body.length === 0) report('clean/empty-body', 'no article text left after cleaning');

  const bodyStart = paragraphs.find((p) => p.kind !== 'title')?.start ?? text.length;
  const guess = detectLanguage(text.slice(bodyStart));
  const declared = primaryLanguage(raw.language ?? '') ?? page?.language ?? null;
  let language = declared ?? guess.language;
  if (declared !== null && guess.language !== 'und' && guess.language !== declared && guess.confidence >= OVERRIDE_CONFIDENCE) {
    const said = `metadata says "${declared}" but the text reads as "${guess.language}" (${guess.confidence})`;
    report('clean/language-mismatch', `${said}; using "${guess.language}"`);
    language = guess.language;
  }
  if (language !== 'en' && language !== 'und') report('clean/not-english', `article language is "${language}"; extraction rules are for English`);

  const fromPage = page?.published ?? null;
  const useRaw = raw.published !== null && (raw.publishedSource === 'metadata' || fromPage === null);
  const published = dateOnly(useRaw ? raw.published : fromPage);
  const publishedSource: PublishedSource = published === null ? null : useRaw ? raw.publishedSource : 'metadata';
  return {
    id: raw.id,
    source: raw.source,
    title,
    outlet: raw.outlet ?? page?.outlet ?? null,
    url: raw.url ?? page?.url ?? null,
    published,
    publishedSource,
    publishedEvidence: null,
    language,
    text,
    paragraphs,
    sentences,
    removed,
    diagnostics,
  };
}

function dateOnly(value: string | null): string | null {
  return value !== null && ISO_DATE.test(value) ? value.slice(0, 10) : null;
}
