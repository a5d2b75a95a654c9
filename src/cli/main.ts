/**
 * The `sitrep` command line: parses arguments and dispatches to one command module.
 * Exit codes follow the CLI contract: 0 some article processed, 1 none, 2 bad usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runExtract } from './commands/extract.js';
import { runPlaces } from './commands/places.js';
import { runIngest } from './commands/ingest.js';
import { runEvents } from './commands/events.js';
import { runStories } from './commands/stories.js';
import { runCeasefires } from './commands/ceasefires.js';
import { runServe } from './commands/serve.js';
import { runExport } from './commands/export.js';
import { isExportFormat, EXPORT_FORMATS } from '../export/export-events.js';
import { runEnqueue, runQueue } from './commands/queue.js';
import { runWorkerCommand } from './commands/worker.js';
import { DEFAULT_DB, isPostgresSpec } from '../store/open-store.js';
import { existsSync, readFileSync } from 'node:fs';
import { type AccessOptions, tokenProblem } from '../api/access-control.js';
import { isLoopbackHost } from '../api/start-server.js';
import { USAGE } from './usage.js';
import { isCalendarDate } from '../model/calendar.js';
import { defaultExtractThreads } from '../pipeline/thread-extractor.js';

const VERSION = '0.1.0';

const options = {
  format: { type: 'string' },
  published: { type: 'string' },
  db: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  type: { type: 'string', multiple: true },
  side: { type: 'string' },
  background: { type: 'boolean' },
  limit: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  actor: { type: 'string' },
  outlet: { type: 'string' },
  story: { type: 'string' },
  ceasefire: { type: 'boolean' },
  text: { type: 'string' },
  bbox: { type: 'string' },
  'sub-type': { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
  concurrency: { type: 'string' },
  'batch-size': { type: 'string' },
  threads: { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  private: { type: 'boolean' },
  'cors-origin': { type: 'string', multiple: true },
  'allow-host': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

class UsageError extends Error {}

/** Commands that only read the store. */
const READ_COMMANDS = new Set(['events', 'stories', 'export', 'ceasefires']);

/** The SQLite file a --db spec names, or null for PostgreSQL and in-memory stores. */
function sqliteFile(spec: string | undefined): string | null {
  const chosen = spec?.trim() ? spec.trim() : DEFAULT_DB;
  if (isPostgresSpec(chosen)) return null;
  const file = chosen.replace(/^sqlite:(?:\/\/)?/i, '') || DEFAULT_DB;
  return file === ':memory:' ? null : file;
}


function need(cond: boolean, message: string): void {
  if (!cond) throw new UsageError(message);
}

/** `--threads N`, else SITREP_EXTRACT_THREADS, else one per core besides the main thread (at most 4). */
function extractThreads(flag: string | undefined): number {
  const value = flag ?? process.env.SITREP_EXTRACT_THREADS;
  if (value === undefined || value.trim() === '') return defaultExtractThreads();
  const n = Number(value);
  need(Number.isInteger(n) && n >= 0 && n <= 64, `--threads (or SITREP_EXTRACT_THREADS) must be an integer from 0 to 64, got '${value}'`);
  return n;
}

/**
 * The access options of `sitrep serve` (see `src/api/access-control.ts`): the token from
 * `--token`, else the file `--token-file` names, else SITREP_API_TOKEN; without one, only a
 * loopback `--host`.
 */
function serveAccess(values: { token?: string; 'token-file'?: string; private?: boolean; 'cors-origin'?: string[]; 'allow-host'?: string[]; host?: string }): AccessOptions {
  let token: string | null = null;
  if (values.token !== undefined) token = values.token.trim();
  else if (values['token-file'] !== undefined) {
    try {
      token = readFileSync(values['token-file'], 'utf8').trim();
    } catch (error) {
      throw new UsageError(`--token-file: cannot read '${values['token-file']}': ${(error as Error).message}`);
    }
  } else if (process.env.SITREP_API_TOKEN?.trim()) token = process.env.SITREP_API_TOKEN.trim();
  if (token !== null) {
    const problem = tokenProblem(token);
    need(problem === null, `the API token (--token, --token-file or SITREP_API_TOKEN) is not usable: ${problem}`);
  }
  need(token !== null || !values.private, '--private needs a token (--token, --token-file or SITREP_API_TOKEN)');
  need(
    token !== null || values.host === undefined || isLoopbackHost(values.host),
    `serving on --host ${values.host} (not a loopback address) needs a token (--token, --token-file or SITREP_API_TOKEN): anyone who can reach the port could write`,
  );
  const corsOrigins = (values['cors-origin'] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    let ok = false;
    try {
      const url = new URL(origin);
      ok = (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin;
    } catch {
      ok = false;
    }
    need(ok, `--cors-origin must be an origin such as https://dash.example.org (scheme, host, optional port; no path), got '${origin}'`);
  }
  const allowedHosts = (values['allow-host'] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return { token, privateReads: values.private ?? false, corsOrigins, allowedHosts };
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    const [command, ...inputs] = positionals;
    if (values.version) {
      process.stdout.write(`sitrep ${VERSION}\n`);
      return 0;
    }
    if (values.help || !command || command === 'help') {
      process.stdout.write(USAGE);
      return command || values.help ? 0 : 2;
    }
    if (values.published !== undefined) need(isCalendarDate(values.published), `--published must be a calendar date YYYY-MM-DD, got '${values.published}'`);
    for (const k of ['from', 'to'] as const) if (values[k] !== undefined) need(isCalendarDate(values[k]!), `--${k} must be a calendar date YYYY-MM-DD, got '${values[k]}'`);
    const db = values.db ?? process.env.SITREP_DB;
    // Read commands never create a database: a mistyped --db is an error, not an empty result.
    if (READ_COMMANDS.has(command ?? '')) {
      const file = sqliteFile(db);
      need(file === null || existsSync(file), `no database at '${file}': run 'sitrep ingest' first, or give --db (or SITREP_DB) the path of an existing one`);
    }
    // Checked before anything is opened or created.
    const access = command === 'serve' ? serveAccess(values) : undefined;
    if (command === 'serve') {
      const file = sqliteFile(db);
      if (file !== null && !existsSync(file)) process.stderr.write(`sitrep: no database at '${file}': starting with a new, empty one\n`);
    }
    switch (command) {
      case 'extract': {
        need(inputs.length > 0, 'extract needs at least one INPUT (a file, a directory or -)');
        const format = values.format ?? 'table';
        need(format === 'jsonl' || format === 'table', `--format must be jsonl or table, got '${format}'`);
        return await runExtract(inputs, { format: format as 'jsonl' | 'table', ...(values.published ? { published: values.published } : {}) });
      }
      case 'places': {
        need(inputs.length > 0, 'places needs at least one INPUT (a file, a directory or -)');
        const format = values.format ?? 'table';
        need(format === 'jsonl' || format === 'table', `--format must be jsonl or table, got '${format}'`);
        return await runPlaces(inputs, { format: format as 'jsonl' | 'table' });
      }
      case 'ingest':
        need(inputs.length > 0, 'ingest needs at least one INPUT (a file, a directory or -)');
        // PostgreSQL: enqueue for `sitrep worker`; SQLite: process here, no queue.
        if (isPostgresSpec(db)) return await runEnqueue(inputs, { db: db!, published: values.published });
        return await runIngest(inputs, { db, published: values.published, threads: extractThreads(values.threads) });
      case 'worker': {
        const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
        need(Number.isInteger(concurrency) && concurrency > 0, '--concurrency must be a positive integer');
        const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
        need(batchSize === undefined || (Number.isInteger(batchSize) && batchSize > 0), '--batch-size must be a positive integer');
        return await runWorkerCommand({ db, concurrency, ...(batchSize === undefined ? {} : { batchSize }) });
      }
      case 'queue': {
        const format = values.format ?? 'table';
        need(format === 'json' || format === 'table', `--format must be table or json, got '${format}'`);
        return await runQueue({ db, format: format as 'table' | 'json' });
      }
      case 'events': {
        const format = values.format ?? 'table';
        need(format === 'jsonl' || format === 'table', `--format must be jsonl or table, got '${format}'`);
        const limit = values.limit === undefined ? undefined : Number(values.limit);
        need(limit === undefined || (Number.isInteger(limit) && limit > 0), '--limit must be a positive integer');
        return await runEvents({ db, format: format as 'jsonl' | 'table', from: values.from, to: values.to, types: values.type, side: values.side, background: values.background ?? false, limit });
      }
      case 'stories': {
        const format = values.format ?? 'table';
        need(format === 'jsonl' || format === 'table', `--format must be jsonl or table, got '${format}'`);
        return await runStories({ db, format: format as 'jsonl' | 'table' });
      }
      case 'serve': {
        const port = values.port === undefined ? undefined : Number(values.port);
        need(port === undefined || (Number.isInteger(port) && port >= 0 && port < 65536), '--port must be a port number (0-65535)');
        return await runServe({ db, port, host: values.host, ...(access ? { access } : {}) });
      }
      case 'export': {
        const format = values.format ?? '';
        need(isExportFormat(format), `export needs --format ${EXPORT_FORMATS.join('|')}`);
        const limit = values.limit === undefined ? undefined : Number(values.limit);
        need(limit === undefined || (Number.isInteger(limit) && limit > 0), '--limit must be a positive integer');
        const filters: Record<string, string[]> = {};
        const put = (key: string, value: string | readonly string[] | boolean | undefined): void => {
          if (value === undefined || value === false) return;
          filters[key] = typeof value === 'boolean' ? ['true'] : typeof value === 'string' ? [value] : [...value];
        };
        put('from', values.from); put('to', values.to); put('type', values.type); put('sub_type', values['sub-type']);
        put('side', values.side); put('actor', values.actor); put('outlet', values.outlet); put('story', values.story);
        put('ceasefire', values.ceasefire); put('q', values.text); put('bbox', values.bbox); put('background', values.background);
        return await runExport({ db, format: format as typeof EXPORT_FORMATS[number], filters, limit, output: values.output });
      }
      case 'ceasefires': {
        const format = values.format ?? 'table';
        need(format === 'jsonl' || format === 'table', `--format must be jsonl or table, got '${format}'`);
        return await runCeasefires({ db, format: format as 'jsonl' | 'table' });
      }
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`sitrep: ${(err as Error).message}\nRun 'sitrep --help' for usage.\n`);
      return 2;
    }
    throw err;
  }
}
