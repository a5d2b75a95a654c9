/**
 * The article queue: pg-boss 10 on the same PostgreSQL database as the store. `sitrep ingest`
 * (and `POST /api/articles`) enqueue raw articles; `sitrep worker` fetches and processes them.
 *
 * - Retries with exponential backoff (`retryLimit`, `retryDelaySeconds`); after the last retry a
 *   job moves to the dead-letter queue {@link DEAD_LETTER_QUEUE} with its error as output.
 * - A job whose worker died (SIGKILL, lost machine) stays `active` until `expireInSeconds`, when
 *   maintenance puts it back for retry: nothing is lost; the store's content hash makes the
 *   second run a no-op if the first had committed.
 * - Job data is the article as a JSON *string*: pg-boss keeps data as jsonb, which refuses NUL
 *   and lone surrogates that an article may hold; inside a string they are plain escapes.
 */
import { withStartupOption } from '../store/postgres/startup-options.js';
import PgBoss from 'pg-boss';
import type { RawArticle } from '../model/article.js';

/** Name of the article queue. */
export const ARTICLE_QUEUE = 'sitrep-articles';
/** Where jobs go after their last failed retry. */
export const DEAD_LETTER_QUEUE = 'sitrep-articles-dead';

/** What one job carries. */
export interface ArticleJobData {
  /** `JSON.stringify(RawArticle)`. */
  readonly article: string;
  /** When it was enqueued (ms since the epoch), for article-to-event latency. */
  readonly enqueuedAt: number;
}

/** A fetched job. */
export interface ArticleJob {
  readonly id: string;
  readonly data: ArticleJobData;
  /** Earlier failed attempts of this job (0 on the first). */
  readonly retryCount: number;
}

/** Options of {@link ArticleQueue.start}. */
export interface ArticleQueueOptions {
  /** PostgreSQL schema pg-boss keeps its tables in (default `pgboss`). */
  readonly schema?: string;
  /** Retries after the first failure (default 3). */
  readonly retryLimit?: number;
  /** First retry delay in seconds, doubled each retry (default 5). */
  readonly retryDelaySeconds?: number;
  /** An active job not finished in this time is retried (default 300 s). */
  readonly expireInSeconds?: number;
  /** How often maintenance (expiry, archiving) runs, in seconds (default 30). */
  readonly maintenanceIntervalSeconds?: number;
  /** Run maintenance in this process (default true; off for enqueue-only clients). */
  readonly supervise?: boolean;
  /** Connections of pg-boss's own pool (default 2). */
  readonly maxConnections?: number;
  /**
   * false: pg-boss's connections commit without waiting for the WAL flush (workers). Safe for
   * the queue: a job whose completion a server crash loses is run again, and the article store
   * is idempotent by content hash. Default true.
   */
  readonly synchronousCommit?: boolean;
}

/** pg-boss wrapper with the operations Sitrep needs. */
export class ArticleQueue {
  readonly boss: PgBoss;
  readonly schema: string;

  private constructor(boss: PgBoss, schema: string) {
    this.boss = boss;
    this.schema = schema;
  }

  /** Connects, installs or upgrades pg-boss's schema, and creates both queues if missing. */
  static async start(url: string, options: ArticleQueueOptions = {}): Promise<ArticleQueue> {
    const schema = options.schema ?? 'pgboss';
    const boss = new PgBoss({
      connectionString: options.synchronousCommit === false ? withStartupOption(url, '-c synchronous_commit=off') : url,
      schema,
      max: options.maxConnections ?? 2,
      supervise: options.supervise ?? true,
      schedule: false,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
      application_name: 'sitrep-queue',
    });
    // Errors of background maintenance are retried by pg-boss; keep them from crashing the process.
    boss.on('error', () => undefined);
    await boss.start();
    const queue = new ArticleQueue(boss, schema);
    await queue.#ensureQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retryLimit: 0 });
    await queue.#ensureQueue(ARTICLE_QUEUE, {
      name: ARTICLE_QUEUE,
      retryLimit: options.retryLimit ?? 3,
      retryDelay: options.retryDelaySeconds ?? 5,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? 300,
      deadLetter: DEAD_LETTER_QUEUE,
    });
    return queue;
  }

  async #ensureQueue(name: string, options: PgBoss.Queue): Promise<void> {
    // create_queue is INSERT … ON CONFLICT DO NOTHING: safe when several processes start at once.
    if ((await this.boss.getQueue(name)) === null) await this.boss.createQueue(name, options);
  }

  /** Enqueues articles (one INSERT for the lot) and returns how many. */
  async enqueue(articles: readonly RawArticle[], enqueuedAt: number = Date.now()): Promise<number> {
    if (articles.length === 0) return 0;
    const jobs = articles.map((raw) => ({ name: ARTICLE_QUEUE, data: { article: JSON.stringify(raw), enqueuedAt } satisfies ArticleJobData }));
    await this.boss.insert(jobs);
    return jobs.length;
  }

  /** Claims up to `batchSize` jobs (`FOR UPDATE SKIP LOCKED`: no two workers get the same job). */
  async fetch(batchSize: number): Promise<ArticleJob[]> {
    const jobs = await this.boss.fetch<ArticleJobData>(ARTICLE_QUEUE, { batchSize, includeMetadata: true });
    return jobs.map((j) => ({ id: j.id, data: j.data, retryCount: j.retryCount }));
  }

  /** Marks a job done, with a small output (status, events) kept for `sitrep queue`. */
  async complete(id: string, output: Record<string, unknown> = {}): Promise<void> {
    await this.boss.complete(ARTICLE_QUEUE, id, output);
  }

  /** Marks a job failed: it is retried with backoff, or dead-lettered after the last retry. */
  async fail(id: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.boss.fail(ARTICLE_QUEUE, id, { message, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
  }

  /**
   * Hands claimed jobs back without counting an attempt (graceful shutdown): they become
   * `created` again and the next fetch of any worker takes them.
   */
  async release(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.boss.getDb().executeSql(
      `UPDATE ${this.schema}.job SET state = 'created', started_on = NULL WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
      [ARTICLE_QUEUE, [...ids]],
    );
  }

  /** Runs pg-boss maintenance now (expire timed-out jobs, archive): for tests and `sitrep queue --maintain`. */
  async maintain(): Promise<void> {
    await this.boss.maintain();
  }

  /** Stops timers and closes pg-boss's pool. */
  async stop(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }
}
