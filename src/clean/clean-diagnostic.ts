import type { Diagnostic, Severity } from '../model/diagnostic.js';

/** Every diagnostic code the clean stage emits, with its fixed severity. */
export const CLEAN_CODES = {
  /** Nothing but boilerplate (or nothing at all) was left: no events can come from it. */
  'clean/empty-body': 'error',
  /** The article is not in English; extraction rules are English-only. */
  'clean/not-english': 'warning',
  /** The metadata language and the text disagree clearly; the text's language is used. */
  'clean/language-mismatch': 'warning',
  /** A sentence too long to read as one (a page without punctuation) was read in pieces. */
  'clean/long-sentence-split': 'info',
  /** A paragraph too long to read as one (a page on one line) was cut at sentence ends. */
  'clean/long-paragraph-split': 'info',
  /** Readability found no article in the page; the page's text outside its chrome was used. */
  'clean/html-fallback': 'info',
} as const satisfies Record<string, Severity>;

/** A diagnostic code of the clean stage. */
export type CleanCode = keyof typeof CLEAN_CODES;

/** Builds a clean-stage diagnostic for an article; severity from {@link CLEAN_CODES}. */
export function cleanDiagnostic(code: CleanCode, source: string, articleId: string, message: string): Diagnostic {
  return { code, severity: CLEAN_CODES[code], message, source, articleId };
}
