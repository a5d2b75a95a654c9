import type { Diagnostic } from './diagnostic.js';
import type { Span } from './span.js';

/** The input format an article came from. */
export type InputFormat = 'txt' | 'html' | 'json' | 'jsonl' | 'rss' | 'atom';

/**
 * An article as read from its input, before cleaning. Exactly one of `text` / `html` carries
 * the body. Metadata fields are null when the input does not give them.
 */
export interface RawArticle {
  readonly id: string;
  /** The path, URL or `-` (stdin) it was read from, with `#n` for the n-th item of a batch file. */
  readonly source: string;
  readonly format: InputFormat;
  readonly title: string | null;
  readonly text: string | null;
  readonly html: string | null;
  readonly url: string | null;
  readonly outlet: string | null;
  /** ISO date or date-time as given by metadata (or `--published`). */
  readonly published: string | null;
  /** How `published` was obtained so far: `metadata` or `flag` (the `--published` option). */
  readonly publishedSource: 'metadata' | 'flag' | null;
  readonly language: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** How an article's publication date was obtained (the contract's `published_source`). */
export type PublishedSource = 'metadata' | 'text' | 'flag' | 'inferred' | null;

/** What a paragraph of the cleaned text is. */
export type ParagraphKind = 'title' | 'body' | 'heading' | 'caption' | 'quote';

export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly kind: ParagraphKind;
}

/**
 * An article after cleaning: the single coordinate system. `text` is the title line, a blank
 * line, then the body paragraphs separated by blank lines; every later Span points into it.
 */
export interface CleanArticle {
  readonly id: string;
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  /** `YYYY-MM-DD` or null when unknown. */
  readonly published: string | null;
  readonly publishedSource: PublishedSource;
  /** The evidence for an inferred or text-derived publication date. */
  readonly publishedEvidence: Span | null;
  /** ISO 639-1 code, or `und` when it could not be told. */
  readonly language: string;
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly { start: number; end: number }[];
  /** Boilerplate that was removed (in the raw input's coordinates is not kept; only what and why). */
  readonly removed: readonly { readonly rule: string; readonly text: string }[];
  readonly diagnostics: readonly Diagnostic[];
}
