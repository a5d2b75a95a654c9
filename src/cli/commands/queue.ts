/**
 * `sitrep queue`: depth, rate and failures of the article queue; and the PostgreSQL side of
 * `sitrep ingest`, which enqueues articles for the workers instead of processing them.
 */
import { createExtractContext } from '../../extract/create-extract-context.js';
import { readInputs } from '../../ingest/read-inputs.js';
import type { RawArticle } from '../../model/article.js';
import { EXTRACTOR_VERSION } from '../../pipeline/process-article.js';
import { ArticleQueue } from '../../queue/article-queue.js';
import { queueOptionsFromEnv } from '../../queue/queue-options-from-env.js';
import { readQueueStats } from '../../queue/read-queue-stats.js';
import { prepareStoredArticle } from '../../pipeline/stored-metadata.js';
import { isPostgresSpec } from '../../store/open-store.js';
import { PostgresStore } from '../../store/postgres/postgres-store.js';
import { note, printDiagnostics, table } from '../output.js';

/** Articles per INSERT when enqueueing. */
const ENQUEUE_BATCH = 500;

export interface QueueCommandOptions {
  readonly db: string | undefined;
  /** json and jsonl print the same one-line object. */
  readonly format: 'table' | 'json' | 'jsonl';
}

/** Prints the queue's stats; exit 2 without PostgreSQL. */
export async function runQueue(opts: QueueCommandOptions): Promise<number> {
  if (!isPostgresSpec(opts.db)) {
    process.stderr.write('sitrep: queue needs a PostgreSQL database: --db postgres://… or SITREP_DB (SQLite has no queue)\n');
    return 2;
  }
  const queue = await ArticleQueue.start(opts.db!, { ...queueOptionsFromEnv(), supervise: false });
  try {
    const s = await readQueueStats(queue);
    if (opts.format !== 'table') {
      process.stdout.write(`${JSON.stringify(s)}\n`);
      return 0;
    }
    const rows = [
      ['waiting', String(s.queued)],
      ['retrying', String(s.retrying)],
      ['in progress', String(s.active)],
      ['completed', String(s.completed)],
      ['failed (last retry)', String(s.failed)],
      [`rate (last ${s.window_s} s)`, `${s.rate_per_s} articles/s`],
      ['oldest waiting', s.oldest_waiting_s === null ? '-' : `${s.oldest_waiting_s} s`],
      ['dead letters', String(s.dead_letters)],
    ];
    process.stdout.write(table(['queue', 'value'], rows));
    if (s.last_dead_letters.length > 0) {
      process.stdout.write(`\n${table(['dead letter', 'article', 'error', 'at'], s.last_dead_letters.map((d) => [d.id, d.article_id ?? '-', d.error, d.at]))}`);
    }
    return 0;
  } finally {
    await queue.stop();
  }
}

export interface EnqueueOptions {
  readonly db: string;
  readonly published: string | undefined;
  /** Exit 3 when any input failed. */
  readonly strict?: boolean;
}

/**
 * `sitrep ingest` on PostgreSQL: reads the inputs, records unreadable ones as failures, skips
 * articles whose content hash is stored already, and enqueues the rest for `sitrep worker`.
 */
export async function runEnqueue(inputs: readonly string[], opts: EnqueueOptions): Promise<number> {
  const ctx = createExtractContext();
  const versions = { extractor: EXTRACTOR_VERSION, ...ctx.versions };
  const store = PostgresStore.open(opts.db, { maxConnections: 2 });
  const counts = { enqueued: 0, unchanged: 0, failed: 0, metadataKept: 0, metadataChanged: 0 };
  let queue: ArticleQueue | null = null;
  try {
    await store.migrate();
    queue = await ArticleQueue.start(opts.db, { ...queueOptionsFromEnv(), supervise: false });
    let batch: RawArticle[] = [];
    const flush = async (): Promise<void> => {
      counts.enqueued += await queue!.enqueue(batch);
      batch = [];
    };
    for await (const item of readInputs([...inputs], opts.published ? { published: opts.published } : {})) {
      if (item.kind === 'failure') {
        printDiagnostics(item.diagnostics);
        await store.saveFailure(item.source, item.diagnostics);
        counts.failed++;
        continue;
      }
      // Stored metadata merges in (pipeline/stored-metadata.ts): the worker merges again when it runs.
      const prepared = await prepareStoredArticle(store, item.article, versions);
      if (prepared.merge) {
        printDiagnostics(prepared.merge.diagnostics);
        if (prepared.merge.kept.length > 0) counts.metadataKept++;
        if (prepared.merge.changed.length > 0) counts.metadataChanged++;
      }
      if (prepared.unchanged) {
        counts.unchanged++;
        continue;
      }
      batch.push(prepared.raw);
      if (batch.length >= ENQUEUE_BATCH) await flush();
    }
    await flush();
  } finally {
    await queue?.stop();
    await store.close();
  }
  const metadata = [
    counts.metadataKept > 0 ? `stored metadata kept for ${counts.metadataKept} article(s) whose input lacked it` : '',
    counts.metadataChanged > 0 ? `metadata changed for ${counts.metadataChanged} article(s) (see the ingest/metadata-changed warnings)` : '',
  ].filter(Boolean);
  note(`enqueued ${counts.enqueued}, ${counts.unchanged} unchanged, ${counts.failed} failed${metadata.map((m) => `; ${m}`).join('')}; run 'sitrep worker' to process them\n`);
  if (counts.enqueued + counts.unchanged === 0) return 1;
  return opts.strict && counts.failed > 0 ? 3 : 0;
}
