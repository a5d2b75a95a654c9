/**
 * One article through the stateless stages: clean → publication date → extract. Never throws for
 * a bad article: problems become diagnostics on the result.
 */
import { cleanArticle } from '../clean/clean-article.js';
import { inferPublicationDate } from '../dates/infer-publication-date.js';
import { checkExtractedDates, implausiblePublicationDate, isPlausibleDay, latestPlausibleDay } from '../dates/plausible-dates.js';
import type { ExtractContext } from '../extract/context.js';
import { extractEvents } from '../extract/extract-events.js';
import type { CleanArticle, RawArticle } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ExtractionResult } from '../model/extraction.js';
import { extractionPart } from './extraction-budget.js';

/** Version of the extraction rules; part of every stored result's content hash. */
export const EXTRACTOR_VERSION = '0.4.0';

function output(clean: CleanArticle, confidence: 'high' | 'low' | null) {
  return {
    id: clean.id,
    source: clean.source,
    title: clean.title,
    outlet: clean.outlet,
    url: clean.url,
    published: clean.published,
    published_source: clean.publishedSource,
    published_confidence: confidence,
    language: clean.language,
    text: clean.text,
  };
}

/** Cleans, dates and extracts one raw article. */
export function processArticle(raw: RawArticle, ctx: ExtractContext): ExtractionResult {
  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  let clean: CleanArticle;
  try {
    clean = cleanArticle(raw);
  } catch (err) {
    const rawDay = raw.published !== null && isPlausibleDay(raw.published) ? raw.published.slice(0, 10) : null;
    diagnostics.push({ code: 'clean/failed', severity: 'error', message: `cleaning failed: ${(err as Error).message}`, source: raw.source, articleId: raw.id });
    return {
      article: { id: raw.id, source: raw.source, title: raw.title, outlet: raw.outlet, url: raw.url, published: rawDay, published_source: rawDay === null ? null : raw.publishedSource, published_confidence: null, language: raw.language ?? 'und', text: '' },
      events: [],
      statements: [],
      diagnostics,
    };
  }
  for (const d of clean.diagnostics) if (!diagnostics.includes(d)) diagnostics.push(d);
  // Bounded work (extraction-budget.ts): a huge text is read for events up to a limit.
  const whole = clean;
  const bounded = extractionPart(clean);
  clean = bounded.article;
  if (bounded.diagnostic !== null) diagnostics.push(bounded.diagnostic);
  // Date sanity (plausible-dates.ts): a placeholder such as 9999-12-31 is no publication date.
  const latest = latestPlausibleDay();
  let given = clean.published;
  if (given !== null && !isPlausibleDay(given, latest)) {
    diagnostics.push(implausiblePublicationDate(raw, given, latest));
    given = null;
  }
  let pub = inferPublicationDate({
    text: clean.text,
    title: clean.title,
    published: given,
    publishedSource: given !== null && (clean.publishedSource === 'metadata' || clean.publishedSource === 'flag') ? clean.publishedSource : null,
    // (the key events of the theatres the article is about: only needed when no date is given)
    keyEvents: given === null ? (ctx.forArticle?.(clean.text) ?? ctx).keyEvents : [],
  });
  if (pub.published !== null && !isPlausibleDay(pub.published, latest)) {
    diagnostics.push(implausiblePublicationDate(raw, pub.published, latest));
    pub = { published: null, source: null, confidence: null, evidence: null };
  }
  const dated: CleanArticle = { ...clean, published: pub.published, publishedSource: pub.source, publishedEvidence: pub.evidence };
  if (!pub.published) {
    diagnostics.push({ code: 'dates/no-publication-date', severity: 'info', message: 'no publication date in metadata or text: relative dates stay unresolved', source: raw.source, articleId: raw.id });
  } else if (pub.confidence === 'low') {
    diagnostics.push({ code: 'dates/low-confidence-publication-date', severity: 'warning', message: `publication date ${pub.published} inferred from weak cues (${pub.evidence?.text ?? 'key events'})`, source: raw.source, articleId: raw.id });
  }
  let events: ExtractionResult['events'] = [];
  let statements: ExtractionResult['statements'] = [];
  if (dated.text.trim()) {
    try {
      const x = extractEvents(dated, ctx);
      const checked = checkExtractedDates(raw, x.events, x.statements, latest);
      events = checked.events;
      statements = checked.statements;
      diagnostics.push(...x.diagnostics, ...checked.diagnostics);
    } catch (err) {
      diagnostics.push({ code: 'extract/failed', severity: 'error', message: `extraction failed: ${(err as Error).message}`, source: raw.source, articleId: raw.id });
    }
  }
  return { article: output({ ...dated, text: whole.text }, pub.confidence), events, statements, diagnostics, versions: { extractor: EXTRACTOR_VERSION, ...ctx.versions } };
}
