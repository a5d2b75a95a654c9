/**
 * Where extraction runs: in this thread ({@link inlineExtractor}) or in a pool of worker threads
 * (`thread-extractor.ts`). Both turn a raw article into the same {@link ExtractionResult}; callers
 * that store results (`ingestItems`) do not care which.
 */
import { createExtractContext } from '../extract/create-extract-context.js';
import type { ExtractContext } from '../extract/context.js';
import type { RawArticle } from '../model/article.js';
import type { ExtractionHints, ExtractionResult } from '../model/extraction.js';
import { EXTRACTOR_VERSION, processArticle } from './process-article.js';

/** One extraction, with what the extracting thread derived from it for later stages. */
export interface Extracted {
  readonly result: ExtractionResult;
  readonly hints: ExtractionHints;
}

export interface Extractor {
  /** Versions of the extractor and the packs: part of every content hash. */
  readonly versions: Readonly<Record<string, string>>;
  /** Threads extracting besides the caller's (0 for {@link inlineExtractor}). */
  readonly threads: number;
  /** Cleans, dates and extracts `raw` (never rejects for a bad article: see `processArticle`). */
  extract(raw: RawArticle): Promise<Extracted>;
  /** Releases the threads, if any. */
  close(): Promise<void>;
}

/** Extraction in the calling thread, with the shared context. */
export function inlineExtractor(ctx: ExtractContext = createExtractContext()): Extractor {
  return {
    versions: { extractor: EXTRACTOR_VERSION, ...ctx.versions },
    threads: 0,
    // No hints: in one thread, computing them here or where they are used costs the same.
    extract: (raw) => Promise.resolve({ result: processArticle(raw, ctx), hints: {} }),
    close: () => Promise.resolve(),
  };
}
