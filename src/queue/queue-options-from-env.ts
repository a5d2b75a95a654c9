import type { ArticleQueueOptions } from './article-queue.js';

/**
 * Queue settings from the environment, so that every worker and producer of one deployment
 * agrees without flags: `SITREP_QUEUE_SCHEMA` (pg-boss schema, default `pgboss`),
 * `SITREP_QUEUE_RETRIES` (3), `SITREP_QUEUE_RETRY_DELAY_S` (5, doubled per retry),
 * `SITREP_QUEUE_EXPIRE_S` (300: a job held longer by a dead worker is retried),
 * `SITREP_QUEUE_MAINTENANCE_S` (30).
 */
export function queueOptionsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): ArticleQueueOptions {
  const int = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
    return value;
  };
  const options: Record<string, string | number> = {};
  if (env.SITREP_QUEUE_SCHEMA) options.schema = env.SITREP_QUEUE_SCHEMA;
  const pairs: [string, string][] = [
    ['retryLimit', 'SITREP_QUEUE_RETRIES'],
    ['retryDelaySeconds', 'SITREP_QUEUE_RETRY_DELAY_S'],
    ['expireInSeconds', 'SITREP_QUEUE_EXPIRE_S'],
    ['maintenanceIntervalSeconds', 'SITREP_QUEUE_MAINTENANCE_S'],
  ];
  for (const [key, name] of pairs) {
    const value = int(name);
    if (value !== undefined) options[key] = value;
  }
  return options as ArticleQueueOptions;
}
