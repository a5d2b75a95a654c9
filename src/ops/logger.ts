/**
 * Structured logs: one JSON object per line (`time`, `level`, `msg`, then fields such as
 * `jobId`, `requestId`, `articleId`, `ms`), written to standard error so standard output stays
 * the commands' data. `child()` binds fields (a job or request id) to every line after it.
 *
 * @example
 * ```ts
 * const log = createLogger({ base: { service: 'worker' } });
 * log.child({ jobId: job.id }).info('job done', { ms: 12 });
 * // {"time":"2026-…","level":"info","msg":"job done","service":"worker","jobId":"…","ms":12}
 * ```
 */

/** Severity, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Fields added to a line. Errors are written as `{name, message, code?}`. */
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** Lines go here (default: `process.stderr.write`). */
  readonly write?: (line: string) => void;
  /** Lowest level written (default `SITREP_LOG_LEVEL`, else `info`). */
  readonly level?: LogLevel;
  /** Fields on every line. */
  readonly base?: LogFields;
  /** Clock, injectable for tests. */
  readonly now?: () => Date;
}

function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}

function isLevel(value: string | undefined): value is LogLevel {
  return value !== undefined && value in RANK;
}

/** Creates a JSON-lines logger. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const envLevel = process.env.SITREP_LOG_LEVEL;
  const min = RANK[options.level ?? (isLevel(envLevel) ? envLevel : 'info')];
  const now = options.now ?? (() => new Date());
  const make = (bound: LogFields): Logger => {
    const log = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
      if (RANK[level] < min) return;
      const line: Record<string, unknown> = { time: now().toISOString(), level, msg };
      for (const [k, v] of Object.entries(bound)) line[k] = serialize(v);
      for (const [k, v] of Object.entries(fields)) line[k] = serialize(v);
      write(`${JSON.stringify(line)}\n`);
    };
    return {
      debug: (msg, fields) => log('debug', msg, fields),
      info: (msg, fields) => log('info', msg, fields),
      warn: (msg, fields) => log('warn', msg, fields),
      error: (msg, fields) => log('error', msg, fields),
      child: (fields) => make({ ...bound, ...fields }),
    };
  };
  return make(options.base ?? {});
}
