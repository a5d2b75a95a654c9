/**
 * `POST /api/articles`: the body is read exactly like the CLI reads standard input (format
 * sniffed: one JSON article object or an array, JSON lines, a web page, plain text), then each
 * article goes through the same pipeline and store transaction as `sitrep ingest`.
 */
import { Readable } from 'node:stream';
import { decodeBytes } from '../ingest/decode-bytes.js';
import { parseJsonLine } from '../ingest/parse-json-batch.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { IngestItem } from '../model/ingest-item.js';
import type { RawArticle } from '../model/article.js';
import { StoreError } from '../store/errors.js';
import type { ArticleEvent } from '../model/event.js';
import type { Extractor } from '../pipeline/extractor.js';
import { prepareStoredArticle, withMergeDiagnostics } from '../pipeline/stored-metadata.js';
import { ingestExtraction } from '../store/ingest-extraction.js';
import type { EventResolver } from '../store/event-resolver.js';
import type { SaveStatus, Store } from '../store/store.js';

/** One article of an ingest request and what became of it. */
export interface IngestedArticle {
  readonly id: string;
  readonly title: string | null;
  readonly status: SaveStatus;
  /** The events extracted from it (empty when `unchanged`: nothing was extracted again). */
  readonly events: readonly ArticleEvent[];
  /** Merged events that now carry a report from it. */
  readonly merged_event_ids: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** What `POST /api/articles` returns. */
export interface IngestResponse {
  readonly articles: readonly IngestedArticle[];
  readonly failures: readonly { readonly source: string; readonly diagnostics: readonly Diagnostic[] }[];
}

const JSON_LINES = /^application\/(?:x-ndjson|jsonl|x-jsonlines|jsonlines)\b/i;

/**
 * The items of a request body: JSON lines line by line when the media type says so (a bad line
 * is a failure of that line only), else sniffed like the CLI's standard input.
 */
async function* bodyItems(body: Uint8Array, contentType: string, maxBytes: number): AsyncGenerator<IngestItem> {
  if (JSON_LINES.test(contentType)) {
    const decoded = decodeBytes(body, 'body');
    if (!decoded.ok) return yield { kind: 'failure', source: 'body', id: null, diagnostics: [decoded.diagnostic] };
    const ctx = { source: 'body', format: 'jsonl' as const, flagPublished: null, diagnostics: decoded.diagnostics };
    let n = 0;
    for (const line of decoded.text.split('\n')) {
      const item = parseJsonLine(line, ++n, ctx);
      if (item !== null) yield item;
    }
    return;
  }
  yield* readInputs(['-'], { stdin: Readable.from([Buffer.from(body)]), maxBytes });
}

/**
 * Ingests the articles in `body` (at most `maxBytes`) into `store`, extracting with `extractor`
 * (in `sitrep serve` a worker thread, so the event loop stays free); `contentType` tells JSON
 * lines apart (`application/x-ndjson`), anything else is sniffed; `resolver` merges events across
 * articles (default: the store's identity merge, as in `ingestExtraction`).
 */
export async function ingestArticles(store: Store, extractor: Extractor, body: Uint8Array, maxBytes: number, contentType = '', resolver?: EventResolver): Promise<IngestResponse> {
  const versions = extractor.versions;
  const articles: IngestedArticle[] = [];
  const failures: { source: string; diagnostics: readonly Diagnostic[] }[] = [];
  for await (const item of bodyItems(body, contentType, maxBytes)) {
    if (item.kind === 'failure') {
      failures.push({ source: item.source, diagnostics: item.diagnostics });
      continue;
    }
    // Reading and parsing a large body, hashing, storing and answering are each tens of ms on the
    // event loop: a turn of it between them lets other requests in (#16).
    await turnOfEventLoop();
    // One article that cannot be stored is a failure of that article only: the others of the
    // batch, before and after it, are stored (each in its own transaction).
    try {
      articles.push(await ingestOne(store, extractor, item.article, versions, resolver));
    } catch (error) {
      if (!isArticleError(error)) throw error;
      const source = item.article.source;
      failures.push({
        source,
        diagnostics: [
          { code: error instanceof ExtractionFailed ? 'extract/failed' : 'store/write-failed', severity: 'error', message: `article ${item.article.id}: ${error instanceof Error ? error.message : String(error)}`, source, articleId: item.article.id },
        ],
      });
    }
  }
  return { articles, failures };
}

/** Resolves after a whole turn of the event loop, its I/O (other requests) included. */
function turnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** An article's extraction failed (its thread stopped, or it ran out of time). */
class ExtractionFailed extends Error {}

/** Errors that belong to one article; a closed or unmigrated store fails the whole request. */
function isArticleError(error: unknown): boolean {
  return !(error instanceof StoreError && (error.code === 'store/closed' || error.code === 'store/not-migrated'));
}

async function ingestOne(store: Store, extractor: Extractor, given: RawArticle, versions: Readonly<Record<string, string>>, resolver: EventResolver | undefined): Promise<IngestedArticle> {
  // Stored metadata merges in first (pipeline/stored-metadata.ts): a re-post without an outlet
  // keeps the stored one; a different outlet is an update with an ingest/metadata-changed warning.
  await turnOfEventLoop();
  const prepared = await prepareStoredArticle(store, given, versions);
  const { raw, hash } = prepared;
  if (prepared.unchanged) {
    const merged = await store.listEvents({ articleId: raw.id, includeBackground: true });
    return { id: raw.id, title: raw.title, status: 'unchanged', events: [], merged_event_ids: merged.map((e) => e.id), diagnostics: withMergeDiagnostics([], prepared.merge) };
  }
  let extracted;
  try {
    extracted = await extractor.extract(raw);
  } catch (error) {
    throw new ExtractionFailed(error instanceof Error ? error.message : String(error));
  }
  const { hints } = extracted;
  const result = prepared.merge === null ? extracted.result : { ...extracted.result, diagnostics: withMergeDiagnostics(extracted.result.diagnostics, prepared.merge) };
  resolver?.remember?.(raw.id, hash, hints);
  await turnOfEventLoop();
  const outcome = await ingestExtraction(store, result, hash, resolver ? { resolver } : {});
  await turnOfEventLoop();
  const merged = await store.listEvents({ articleId: raw.id, includeBackground: true });
  return {
    id: raw.id,
    title: result.article.title,
    status: outcome.status,
    events: result.events,
    merged_event_ids: merged.map((e) => e.id),
    diagnostics: result.diagnostics,
  };
}
