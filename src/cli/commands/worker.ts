/**
 * `sitrep worker`: processes queued articles from a PostgreSQL database until SIGTERM/SIGINT,
 * then stops gracefully (finishes the jobs in hand, releases the rest). Logs are JSON lines on
 * standard error, one per job with its `jobId`. Run as many as you like, on any machines.
 * `SITREP_RESOLVER=identity` swaps cross-article resolution for the identity merge (benchmarks).
 */
import { createExtractContext } from '../../extract/create-extract-context.js';
import { createLogger } from '../../ops/logger.js';
import { onShutdown } from '../../ops/shutdown.js';
import { loadPacks } from '../../packs/load-packs.js';
import { EXTRACTOR_VERSION, processArticle } from '../../pipeline/process-article.js';
import { ArticleQueue } from '../../queue/article-queue.js';
import { theatreLockKeys } from '../../queue/merge-lock-keys.js';
import { queueOptionsFromEnv } from '../../queue/queue-options-from-env.js';
import { runWorker } from '../../queue/run-worker.js';
import { createResolver } from '../../resolve/create-resolver.js';
import { mergeIdentity } from '../../store/merge-identity.js';
import { isPostgresSpec } from '../../store/open-store.js';
import { PostgresStore } from '../../store/postgres/postgres-store.js';

export interface WorkerCommandOptions {
  readonly db: string | undefined;
  /** Jobs processed at once in this process (default 1). */
  readonly concurrency: number;
  /** Jobs claimed per fetch (default 1). */
  readonly batchSize?: number;
}

/** Runs the worker until a signal stops it; resolves to the exit code (2 without PostgreSQL). */
export async function runWorkerCommand(opts: WorkerCommandOptions): Promise<number> {
  if (!isPostgresSpec(opts.db)) {
    process.stderr.write("sitrep: worker needs a PostgreSQL database: --db postgres://… or SITREP_DB (SQLite ingests without a queue)\n");
    return 2;
  }
  const url = opts.db!;
  const log = createLogger({ base: { service: 'sitrep-worker', pid: process.pid } });
  // Asynchronous commit: safe here, see PostgresStoreOptions.synchronousCommit.
  const store = PostgresStore.open(url, { maxConnections: opts.concurrency + 1, applicationName: 'sitrep-worker', synchronousCommit: false });
  await store.migrate();
  const queue = await ArticleQueue.start(url, { ...queueOptionsFromEnv(), synchronousCommit: false });
  const ctx = createExtractContext();
  const worker = runWorker({
    store,
    queue,
    process: (raw) => processArticle(raw, ctx),
    versions: { extractor: EXTRACTOR_VERSION, ...ctx.versions },
    lockKeys: theatreLockKeys(ctx.theatres),
    // SITREP_RESOLVER=identity: one merged event per report (benchmarks: measures the queue and store alone).
    resolver: process.env.SITREP_RESOLVER === 'identity' ? mergeIdentity : createResolver(loadPacks()),
    concurrency: opts.concurrency,
    ...(opts.batchSize === undefined ? {} : { batchSize: opts.batchSize }),
    pollIntervalMs: Number(process.env.SITREP_WORKER_POLL_MS ?? 100),
    logger: log,
  });
  const shutdown = onShutdown(
    async () => {
      await worker.stop();
      await queue.stop();
      await store.close();
    },
    { onEvent: (e) => log.info(`shutdown ${e.type}`, { ...(e.signal === undefined ? {} : { signal: e.signal }), ...(e.error === undefined ? {} : { error: e.error }) }) },
  );
  await worker.done;
  await shutdown.done;
  return 0;
}
