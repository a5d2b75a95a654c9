import type { Diagnostic } from './diagnostic.js';
import type { ArticleEvent, Statement } from './event.js';
import type { PublishedSource } from './article.js';

/** The `article` object of the CLI contract's `extract --format jsonl` output. */
export interface ArticleOutput {
  readonly id: string;
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly published_source: PublishedSource;
  /** Sitrep extension: `high`, or `low` for a date inferred from weak cues; null when unknown. */
  readonly published_confidence: 'high' | 'low' | null;
  readonly language: string;
  readonly text: string;
}

/**
 * Data derived from an extraction that later stages would otherwise compute from it, computed
 * where the extraction ran (an extraction thread) so the storing thread does not have to. Never
 * stored; every field may be missing.
 */
export interface ExtractionHints {
  /** MinHash signature of the article's body (`bodySignature`), for near-duplicate detection. */
  readonly bodySignature?: Uint32Array;
}

/** One article's extraction: what `sitrep extract` prints per line and what the store keeps. */
export interface ExtractionResult {
  readonly article: ArticleOutput;
  readonly events: readonly ArticleEvent[];
  readonly statements: readonly Statement[];
  readonly diagnostics: readonly Diagnostic[];
  /** Sitrep extension: pack versions and extractor version that produced this result. */
  readonly versions?: Readonly<Record<string, string>>;
}
