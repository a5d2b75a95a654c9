/**
 * What `sitrep queue` shows: depth (waiting, retrying, in progress), throughput over a recent
 * window, failures and the dead-letter queue with its latest errors. Read straight from
 * pg-boss's job table (completed jobs stay there until archived, 12 h by default).
 */
import { ARTICLE_QUEUE, type ArticleQueue, DEAD_LETTER_QUEUE } from './article-queue.js';

/** A dead-lettered job, as shown. */
export interface DeadLetter {
  readonly id: string;
  readonly article_id: string | null;
  readonly error: string;
  readonly at: string;
}

export interface QueueStats {
  /** Jobs waiting for a first attempt. */
  readonly queued: number;
  /** Jobs waiting for a retry (after a failure or an expired attempt). */
  readonly retrying: number;
  /** Jobs a worker holds now. */
  readonly active: number;
  readonly completed: number;
  /** Jobs that failed their last retry (each also has a copy in the dead-letter queue). */
  readonly failed: number;
  /** Completed in the last `window_s` seconds. */
  readonly completed_recent: number;
  readonly window_s: number;
  /** Articles per second over the window. */
  readonly rate_per_s: number;
  /** Age of the oldest waiting job, in seconds, or null. */
  readonly oldest_waiting_s: number | null;
  /** Jobs in the dead-letter queue. */
  readonly dead_letters: number;
  /** The newest dead letters (at most 5). */
  readonly last_dead_letters: readonly DeadLetter[];
}

/** Reads the stats of the article queue. */
export async function readQueueStats(queue: ArticleQueue, windowSeconds = 60): Promise<QueueStats> {
  const db = queue.boss.getDb();
  const j = `${queue.schema}.job`;
  const { rows } = await db.executeSql(
    `SELECT
       count(*) FILTER (WHERE state = 'created')::int AS queued,
       count(*) FILTER (WHERE state = 'retry')::int AS retrying,
       count(*) FILTER (WHERE state = 'active')::int AS active,
       count(*) FILTER (WHERE state = 'completed')::int AS completed,
       count(*) FILTER (WHERE state = 'failed')::int AS failed,
       count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - $2 * interval '1 second')::int AS completed_recent,
       extract(epoch FROM now() - min(created_on) FILTER (WHERE state IN ('created', 'retry')))::float8 AS oldest_waiting_s
     FROM ${j} WHERE name = $1`,
    [ARTICLE_QUEUE, windowSeconds],
  );
  const dead = await db.executeSql(
    `SELECT count(*) OVER ()::int AS total, id::text, data->>'article' AS article, output, created_on
     FROM ${j} WHERE name = $1 ORDER BY created_on DESC LIMIT 5`,
    [DEAD_LETTER_QUEUE],
  );
  const r = (rows[0] ?? {}) as Record<string, number | null>;
  const num = (k: string): number => Number(r[k] ?? 0);
  const lastDead: DeadLetter[] = (dead.rows as { id: string; article: string | null; output: { message?: string; value?: { message?: string } } | null; created_on: Date }[]).map((d) => ({
    id: d.id,
    article_id: articleIdOf(d.article),
    error: d.output?.message ?? d.output?.value?.message ?? JSON.stringify(d.output),
    at: new Date(d.created_on).toISOString(),
  }));
  return {
    queued: num('queued'),
    retrying: num('retrying'),
    active: num('active'),
    completed: num('completed'),
    failed: num('failed'),
    completed_recent: num('completed_recent'),
    window_s: windowSeconds,
    rate_per_s: Math.round((num('completed_recent') / windowSeconds) * 100) / 100,
    oldest_waiting_s: r.oldest_waiting_s === null || r.oldest_waiting_s === undefined ? null : Math.round(Number(r.oldest_waiting_s)),
    dead_letters: Number((dead.rows[0] as { total?: number } | undefined)?.total ?? 0),
    last_dead_letters: lastDead,
  };
}

function articleIdOf(json: string | null): string | null {
  if (json === null) return null;
  try {
    const id = (JSON.parse(json) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
