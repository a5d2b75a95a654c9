/**
 * One queued article through the pipeline and into the PostgreSQL store: the worker's unit of
 * work. Idempotent: the content hash is checked before extraction, and again (under a per-article
 * lock) when saving, so a job run twice, or two jobs of the same article, write it once.
 */
import type { RawArticle } from '../model/article.js';
import type { ExtractionResult } from '../model/extraction.js';
import { bodySignature } from '../resolve/near-duplicate-grouper.js';
import { prepareStoredArticle, withMergeDiagnostics, type MetadataChange } from '../pipeline/stored-metadata.js';
import type { EventResolver } from '../store/event-resolver.js';
import { ingestExtraction } from '../store/ingest-extraction.js';
import { mergeIdentity } from '../store/merge-identity.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import type { SaveStatus, Store } from '../store/store.js';
import type { MergeLockKeys } from './merge-lock-keys.js';

/** What processing needs besides the store. */
export interface ArticleJobDeps {
  /** Clean → date → extract (`processArticle` with a context, in production). */
  readonly process: (raw: RawArticle) => ExtractionResult;
  /** Versions of extractor and packs: part of the content hash. */
  readonly versions: Readonly<Record<string, string>>;
  /** Merge neighbourhoods to lock for a result. */
  readonly lockKeys: MergeLockKeys;
  /** Defaults to `ingestExtraction`'s default resolver. */
  readonly resolver?: EventResolver;
}

/** What happened to one article. */
export interface ArticleJobOutcome {
  readonly articleId: string;
  readonly status: SaveStatus;
  /** News events extracted (0 when unchanged). */
  readonly events: number;
  /** Merged events written. */
  readonly writtenEvents: number;
  /** Metadata fields kept from the stored article because the input lacked them (`pipeline/stored-metadata.ts`). */
  readonly metadataKept?: readonly string[];
  /** Metadata fields the input changed. */
  readonly metadataChanged?: readonly MetadataChange[];
  /** Where the time went, in ms: extraction, waiting for merge locks, the whole store transaction (lock wait included). */
  readonly timings?: { readonly extractMs: number; readonly lockMs: number; readonly storeMs: number };
}

/** Parses a job's article, rejecting anything that is not an article object. */
export function parseJobArticle(json: string): RawArticle {
  const value = JSON.parse(json) as unknown;
  if (typeof value !== 'object' || value === null || typeof (value as RawArticle).id !== 'string' || typeof (value as RawArticle).source !== 'string') {
    throw new Error('job data is not an article (id and source missing)');
  }
  return value as RawArticle;
}

/**
 * Extracts `raw` (unless its content hash is already stored) and saves and merges it in one
 * transaction that holds the merge locks of its neighbourhoods from before the resolver reads
 * candidates until the commit.
 */
export async function ingestArticleJob(store: PostgresStore, given: RawArticle, deps: ArticleJobDeps): Promise<ArticleJobOutcome> {
  // Stored metadata merges in before hashing: a job without an outlet keeps the stored one.
  const prepared = await prepareStoredArticle(store, given, deps.versions);
  const { raw, hash, storedHash: stored, merge } = prepared;
  const metadata = merge === null ? {} : { ...(merge.kept.length > 0 ? { metadataKept: merge.kept } : {}), ...(merge.changed.length > 0 ? { metadataChanged: merge.changed } : {}) };
  if (prepared.unchanged) return { articleId: raw.id, status: 'unchanged', events: 0, writtenEvents: 0, ...metadata };
  // CPU-bound work outside any transaction: locks are held only for database work.
  const t0 = performance.now();
  const processed = deps.process(raw);
  const result = merge === null ? processed : { ...processed, diagnostics: withMergeDiagnostics(processed.diagnostics, merge) };
  const t1 = performance.now();
  let lockMs = 0;
  const keys = deps.lockKeys(result, { fresh: stored === null });
  const inner = deps.resolver ?? mergeIdentity;
  // The article's own body signature, computed here rather than read back from the store by the
  // near-duplicate grouper (as the SQLite pipeline's extraction threads hand it over).
  inner.remember?.(raw.id, hash, { bodySignature: bodySignature(result.article.text) });
  // A new article has no earlier merged events, so the merge locks are needed only from the
  // resolver's reads on: taking them there keeps the article's own save out of the serialized
  // section. An update first reads the merged events it reported, so it locks before the save.
  const early = stored !== null;
  const resolver: EventResolver = {
    id: inner.id,
    async resolve(input) {
      if (!early) lockMs = await lockAll(input.store, keys);
      return inner.resolve(input);
    },
  };
  const outcome = await store.transactionPg(async (tx) => {
    if (early) lockMs = await lockAll(tx, keys);
    return ingestExtraction(tx, result, hash, { resolver });
  }, { flat: true });
  const t2 = performance.now();
  return {
    articleId: raw.id,
    status: outcome.status,
    events: outcome.status === 'unchanged' ? 0 : result.events.filter((e) => !e.background).length,
    writtenEvents: outcome.writtenEvents,
    ...metadata,
    timings: { extractMs: t1 - t0, lockMs, storeMs: t2 - t1 },
  };
}

/** Takes the merge locks; resolves to the ms spent waiting for them. */
async function lockAll(store: Store, locks: ReturnType<MergeLockKeys>): Promise<number> {
  if (!(store instanceof PostgresStore)) throw new Error('merge locks need the PostgreSQL store');
  const t = performance.now();
  await store.lockMerges(locks);
  return performance.now() - t;
}
