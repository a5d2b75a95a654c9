import type { RawArticle } from './article.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * What the ingest stage yields, in input order: an article to process, or an input that could
 * not be turned into one (unreadable file, bad JSON line) with the diagnostics that say why.
 */
export type IngestItem =
  | { readonly kind: 'article'; readonly article: RawArticle }
  | { readonly kind: 'failure'; readonly source: string; readonly id: string | null; readonly diagnostics: readonly Diagnostic[] };
