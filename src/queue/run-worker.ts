/**
 * The worker loop behind `sitrep worker`: N slots, each fetching a small batch of article jobs
 * and processing them one by one (`ingestArticleJob`), completing or failing each job on its own.
 *
 * Graceful stop (`stop()`, wired to SIGTERM by the command): no new fetches; each slot finishes
 * the job it is on and releases the rest of its batch to the queue uncounted. A killed worker
 * (SIGKILL) loses nothing either: its claimed jobs expire and are retried by pg-boss, and the
 * content hash turns a retry of an already committed article into `unchanged`.
 */
import type { Logger } from '../ops/logger.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';
import type { ArticleJob, ArticleQueue } from './article-queue.js';
import { type ArticleJobDeps, type ArticleJobOutcome, ingestArticleJob, parseJobArticle } from './ingest-article-job.js';

export interface WorkerOptions extends ArticleJobDeps {
  readonly store: PostgresStore;
  readonly queue: ArticleQueue;
  /** Jobs processed at once (slots; default 1). Extraction is CPU-bound: more than the cores rarely helps. */
  readonly concurrency?: number;
  /** Jobs claimed per fetch (default 1: lowest latency; larger batches save fetches under backlog). */
  readonly batchSize?: number;
  /** Wait between empty fetches (default 100 ms). */
  readonly pollIntervalMs?: number;
  readonly logger?: Logger;
  /** Called after each job, with its latency from enqueue to commit (benchmarks, tests). */
  readonly onJob?: (report: JobReport) => void;
}

/** One finished (or failed) job. */
export interface JobReport {
  readonly jobId: string;
  readonly outcome: ArticleJobOutcome | null;
  readonly error: unknown;
  /** ms from enqueue to the end of processing. */
  readonly latencyMs: number;
  /** ms spent processing. */
  readonly processMs: number;
}

/** Counts of a worker's run. */
export interface WorkerSummary {
  readonly completed: number;
  readonly failed: number;
  readonly released: number;
}

/** A running worker. */
export interface RunningWorker {
  /** Resolves when every slot has stopped. */
  readonly done: Promise<WorkerSummary>;
  /** Stops gracefully (see the module comment) and resolves with the summary. */
  stop(): Promise<WorkerSummary>;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

const roundedTimings = (o: ArticleJobOutcome): Record<string, number> =>
  o.timings ? { extractMs: Math.round(o.timings.extractMs), lockMs: Math.round(o.timings.lockMs), storeMs: Math.round(o.timings.storeMs) } : {};

/** Starts the worker's slots. */
export function runWorker(options: WorkerOptions): RunningWorker {
  const { store, queue, logger } = options;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const batchSize = Math.max(1, options.batchSize ?? 1);
  const pollMs = options.pollIntervalMs ?? 100;
  const stopping = new AbortController();
  const counts = { completed: 0, failed: 0, released: 0 };

  const handle = async (job: ArticleJob): Promise<void> => {
    const log = logger?.child({ jobId: job.id, attempt: job.retryCount + 1 });
    const t0 = performance.now();
    let outcome: ArticleJobOutcome | null = null;
    let error: unknown = null;
    try {
      const raw = parseJobArticle(job.data.article);
      outcome = await ingestArticleJob(store, raw, options);
      await queue.complete(job.id, { ...outcome });
      counts.completed++;
      log?.info('job done', {
        articleId: outcome.articleId,
        status: outcome.status,
        events: outcome.events,
        ms: Math.round(performance.now() - t0),
        ...roundedTimings(outcome),
        ...(outcome.metadataKept ? { metadataKept: outcome.metadataKept } : {}),
      });
      // A different outlet, title, url, date or language than the stored one (pipeline/stored-metadata.ts).
      if (outcome.metadataChanged) log?.warn('metadata changed', { articleId: outcome.articleId, changes: outcome.metadataChanged });
    } catch (e) {
      error = e;
      counts.failed++;
      log?.error('job failed', { error: e });
      await queue.fail(job.id, e).catch((failError: unknown) => log?.error('could not mark the job failed', { error: failError }));
    }
    const end = Date.now();
    options.onJob?.({ jobId: job.id, outcome, error, latencyMs: end - job.data.enqueuedAt, processMs: performance.now() - t0 });
  };

  const slot = async (index: number): Promise<void> => {
    while (!stopping.signal.aborted) {
      let jobs: ArticleJob[];
      try {
        jobs = await queue.fetch(batchSize);
      } catch (error) {
        logger?.error('fetch failed', { slot: index, error });
        await sleep(Math.max(pollMs, 1000), stopping.signal);
        continue;
      }
      if (jobs.length === 0) {
        await sleep(pollMs, stopping.signal);
        continue;
      }
      for (const [i, job] of jobs.entries()) {
        if (stopping.signal.aborted) {
          const rest = jobs.slice(i).map((j) => j.id);
          await queue.release(rest).catch((error: unknown) => logger?.error('release failed', { error }));
          counts.released += rest.length;
          logger?.info('released jobs on shutdown', { slot: index, jobs: rest.length });
          break;
        }
        await handle(job);
      }
    }
  };

  logger?.info('worker started', { concurrency, batchSize });
  const done = Promise.all(Array.from({ length: concurrency }, (_, i) => slot(i))).then(() => {
    logger?.info('worker stopped', { ...counts });
    return { ...counts };
  });
  return {
    done,
    stop: () => {
      stopping.abort();
      return done;
    },
  };
}
