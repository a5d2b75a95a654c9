import type { Diagnostic, Severity } from '../model/diagnostic.js';

/**
 * Every diagnostic code the ingest stage emits, with its fixed severity. `error` codes mean the
 * input (or one item of a batch) produced no article; `warning` and `info` codes are attached to
 * the article that was still read.
 */
export const INGEST_CODES = {
  /** The path does not exist. */
  'ingest/not-found': 'error',
  /** The path exists but could not be read (permissions, I/O error, not a regular file). */
  'ingest/unreadable': 'error',
  /** The file (or stdin) holds no bytes, or only whitespace. */
  'ingest/empty-file': 'error',
  /** NUL bytes or many control characters: not a text file. */
  'ingest/binary-file': 'error',
  /** Larger than the configured limit (default 10 MB); checked with stat before reading. */
  'ingest/too-large': 'error',
  /** Not valid UTF-8: decoded with U+FFFD replacement characters and processed anyway. */
  'ingest/invalid-utf8': 'warning',
  /** Lone UTF-16 surrogates (from JSON `\ud800` escapes) replaced with U+FFFD before storing. */
  'ingest/ill-formed-unicode': 'warning',
  /** Decoded from a UTF-16 byte-order mark or a declared legacy charset instead of UTF-8. */
  'ingest/charset': 'info',
  /** A `.json` file or one JSONL line that does not parse. */
  'ingest/invalid-json': 'error',
  /** A JSON value that is not an article object. */
  'ingest/invalid-article': 'error',
  /** An article object (or feed item) with neither `text` nor `html`. */
  'ingest/missing-body': 'error',
  /** A metadata field of the wrong type; the field is ignored. */
  'ingest/invalid-field': 'warning',
  /** A `published` value that is not an ISO or RFC 2822 date; it is ignored. */
  'ingest/invalid-date': 'warning',
  /** A `NAME.meta.json` sidecar that does not parse or is not an object; it is ignored. */
  'ingest/invalid-sidecar': 'warning',
  /** An XML file that is not an RSS/Atom feed or has no items. */
  'ingest/invalid-feed': 'error',
  /** A batch file (JSON array, JSONL) that holds no article at all. */
  'ingest/no-articles': 'warning',
  /** Re-ingesting an article id from an input without some metadata (outlet, date…): the stored values are kept. */
  'ingest/metadata-kept': 'info',
  /** Re-ingesting an article id whose input gives another outlet, title, url, date or language than the stored one: the new value replaces it. */
  'ingest/metadata-changed': 'warning',
} as const satisfies Record<string, Severity>;

/** A diagnostic code of the ingest stage. */
export type IngestCode = keyof typeof INGEST_CODES;

/** Builds an ingest diagnostic; its severity comes from {@link INGEST_CODES}. */
export function ingestDiagnostic(code: IngestCode, source: string, message: string, articleId?: string): Diagnostic {
  const severity: Severity = INGEST_CODES[code];
  return articleId === undefined ? { code, severity, message, source } : { code, severity, message, source, articleId };
}
