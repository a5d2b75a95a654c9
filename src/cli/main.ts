/**
 * The `sitrep` command line: parses arguments and dispatches to one command module. Exit codes
 * (`EXIT` in usage.ts, README "Exit codes"): 0 done, 1 nothing processed or a failure, 2 bad
 * usage, 3 `ingest --strict` with a failed input.
 *
 * Everything but argument parsing and the help texts is imported lazily, per command, so
 * `sitrep --version` and `--help` load neither the NLP model, nor the packs, nor a database.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { COMMANDS, COMMON_FLAGS, EXIT, USAGE, VERSION, commandHelp } from './usage.js';
import { note, setQuiet } from './output.js';

const options = {
  format: { type: 'string' },
  json: { type: 'boolean' },
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
  strict: { type: 'boolean' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  private: { type: 'boolean' },
  'cors-origin': { type: 'string', multiple: true },
  'allow-host': { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>['values'];

class UsageError extends Error {}

/** Commands that only read the store. */
const READ_COMMANDS = new Set(['events', 'stories', 'export', 'ceasefires']);

/** The CLI flag for each API filter parameter (for messages). */
const FLAG_OF: Readonly<Record<string, string>> = { sub_type: 'sub-type', q: 'text' };

function need(cond: boolean, message: string): void {
  if (!cond) throw new UsageError(message);
}

/** One line for a node:util parseArgs error, naming the option (its own text spans lines and suggests `--`). */
function parseErrorLine(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/ambiguous/.test(error.message)) return `option '${option}' needs a value (a value starting with '-' is written ${option}=-VALUE)`;
      return /does not take/.test(error.message) ? `option '${option}' takes no value` : `option '${option}' needs a value`;
    default:
      return error.message.split('\n')[0]!;
  }
}

/** `--format` of a command (`--json` is `--format json`), checked against what it accepts. */
function formatOf(values: Values, allowed: readonly string[], fallback: string | undefined): string {
  need(!(values.json && values.format !== undefined && values.format !== 'json'), `--json and --format ${values.format} contradict each other`);
  const format = values.json ? 'json' : (values.format ?? fallback);
  need(format !== undefined && allowed.includes(format), format === undefined ? `--format is required: ${allowed.join('|')}` : `--format must be ${allowed.join(', ')}; got '${format}'`);
  return format!;
}

/** `--limit` as a positive integer. */
function limitOf(values: Values): number | undefined {
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  need(limit === undefined || (Number.isInteger(limit) && limit > 0), '--limit must be a positive integer');
  return limit;
}

/** The event filter of `events` and `export`, validated exactly as the API validates its query. */
async function filterOf(values: Values) {
  const { parseEventFilter } = await import('../api/event-query.js');
  const { ProblemError } = await import('../api/problem.js');
  const filters: Record<string, string[]> = {};
  const put = (key: string, value: string | readonly string[] | boolean | undefined): void => {
    if (value === undefined || value === false) return;
    filters[key] = typeof value === 'boolean' ? ['true'] : typeof value === 'string' ? [value] : [...value];
  };
  put('from', values.from); put('to', values.to); put('type', values.type); put('sub_type', values['sub-type']);
  put('side', values.side); put('actor', values.actor); put('outlet', values.outlet); put('story', values.story);
  put('ceasefire', values.ceasefire); put('q', values.text); put('bbox', values.bbox); put('background', values.background);
  try {
    return parseEventFilter(filters);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const params = error.invalidParams ?? [{ name: '', reason: error.message }];
    throw new UsageError(
      params.map((p) => {
        const key = p.name.replace(/^query\.?/, '');
        return key ? `--${FLAG_OF[key] ?? key}: ${p.reason}` : p.reason;
      }).join('; '),
    );
  }
}

/** `--threads N`, else SITREP_EXTRACT_THREADS, else one per core besides the main thread (at most 4). */
async function extractThreads(flag: string | undefined): Promise<number> {
  const value = flag ?? process.env.SITREP_EXTRACT_THREADS;
  if (value === undefined || value.trim() === '') return (await import('../pipeline/thread-extractor.js')).defaultExtractThreads();
  const n = Number(value);
  need(Number.isInteger(n) && n >= 0 && n <= 64, `--threads (or SITREP_EXTRACT_THREADS) must be an integer from 0 to 64, got '${value}'`);
  return n;
}

/**
 * The access options of `sitrep serve` (see `src/api/access-control.ts`): the token from
 * `--token`, else the file `--token-file` names, else SITREP_API_TOKEN; without one, only a
 * loopback `--host`.
 */
async function serveAccess(values: Values) {
  const { readFileSync } = await import('node:fs');
  const { tokenProblem } = await import('../api/access-control.js');
  const { isLoopbackHost } = await import('../api/start-server.js');
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
  // The command, if any, for the usage hint: the first word that is not an option.
  const named = argv.find((a) => !a.startsWith('-'));
  const hint = named !== undefined && COMMANDS[named] ? `sitrep ${named} --help` : 'sitrep --help';
  setQuiet(false);
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(parseErrorLine(error as Error));
      throw error;
    }
    const { values, positionals } = parsed;
    const [command, ...inputs] = positionals;
    if (values.version) {
      process.stdout.write(`sitrep ${VERSION}\n`);
      return EXIT.ok;
    }
    if (command === 'help') {
      process.stdout.write(inputs[0] !== undefined && COMMANDS[inputs[0]] ? commandHelp(inputs[0]) : USAGE);
      return EXIT.ok;
    }
    if (command === undefined) {
      process.stdout.write(USAGE);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    const spec = COMMANDS[command];
    need(spec !== undefined, `unknown command '${command}' (commands: ${Object.keys(COMMANDS).join(', ')})`);
    if (values.help) {
      process.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    // A flag of another command is a mistake, not something to ignore.
    const accepted = new Set<string>([...COMMON_FLAGS, ...spec!.flags.map(([f]) => f)]);
    for (const flag of Object.keys(values)) need(accepted.has(flag), `${command} takes no --${flag}`);
    setQuiet(values.quiet ?? false);

    const { isCalendarDate } = await import('../model/calendar.js');
    if (values.published !== undefined) need(isCalendarDate(values.published), `--published must be a calendar date YYYY-MM-DD, got '${values.published}'`);
    for (const k of ['from', 'to'] as const) if (values[k] !== undefined) need(isCalendarDate(values[k]!), `--${k} must be a calendar date YYYY-MM-DD, got '${values[k]}'`);
    const db = values.db ?? process.env.SITREP_DB;
    const { DEFAULT_DB, isPostgresSpec } = await import('../store/open-store.js');
    const { existsSync } = await import('node:fs');
    /** The SQLite file the --db spec names, or null for PostgreSQL and in-memory stores. */
    const sqliteFile = (): string | null => {
      const chosen = db?.trim() ? db.trim() : DEFAULT_DB;
      if (isPostgresSpec(chosen)) return null;
      const file = chosen.replace(/^sqlite:(?:\/\/)?/i, '') || DEFAULT_DB;
      return file === ':memory:' ? null : file;
    };
    // Read commands never create a database: a mistyped --db is an error, not an empty result.
    if (READ_COMMANDS.has(command)) {
      const file = sqliteFile();
      need(file === null || existsSync(file), `no database at '${file}': run 'sitrep ingest' first, or give --db (or SITREP_DB) the path of an existing one`);
    }
    switch (command) {
      case 'extract': {
        need(inputs.length > 0, 'extract needs at least one INPUT (a file, a directory or -)');
        const format = formatOf(values, ['table', 'jsonl', 'json'], 'table') as 'table' | 'jsonl' | 'json';
        const { runExtract } = await import('./commands/extract.js');
        return await runExtract(inputs, { format, ...(values.published ? { published: values.published } : {}) });
      }
      case 'places': {
        need(inputs.length > 0, 'places needs at least one INPUT (a file, a directory or -)');
        const format = formatOf(values, ['table', 'jsonl', 'json'], 'table') as 'table' | 'jsonl' | 'json';
        const { runPlaces } = await import('./commands/places.js');
        return await runPlaces(inputs, { format });
      }
      case 'ingest': {
        need(inputs.length > 0, 'ingest needs at least one INPUT (a file, a directory or -)');
        // PostgreSQL: enqueue for `sitrep worker`; SQLite: process here, no queue.
        if (isPostgresSpec(db)) {
          const { runEnqueue } = await import('./commands/queue.js');
          return await runEnqueue(inputs, { db: db!, published: values.published, strict: values.strict ?? false });
        }
        const threads = await extractThreads(values.threads);
        const { runIngest } = await import('./commands/ingest.js');
        return await runIngest(inputs, { db, published: values.published, threads, strict: values.strict ?? false });
      }
      case 'worker': {
        const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
        need(Number.isInteger(concurrency) && concurrency > 0, '--concurrency must be a positive integer');
        const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
        need(batchSize === undefined || (Number.isInteger(batchSize) && batchSize > 0), '--batch-size must be a positive integer');
        const { runWorkerCommand } = await import('./commands/worker.js');
        return await runWorkerCommand({ db, concurrency, ...(batchSize === undefined ? {} : { batchSize }) });
      }
      case 'queue': {
        const format = formatOf(values, ['table', 'json', 'jsonl'], 'table') as 'table' | 'json' | 'jsonl';
        const { runQueue } = await import('./commands/queue.js');
        return await runQueue({ db, format });
      }
      case 'events': {
        const format = formatOf(values, ['table', 'jsonl', 'json'], 'table') as 'table' | 'jsonl' | 'json';
        const limit = limitOf(values);
        const filter = await filterOf(values);
        const { runEvents } = await import('./commands/events.js');
        return await runEvents({ db, format, filter, limit });
      }
      case 'stories': {
        const format = formatOf(values, ['table', 'jsonl', 'json'], 'table') as 'table' | 'jsonl' | 'json';
        const { runStories } = await import('./commands/stories.js');
        return await runStories({ db, format });
      }
      case 'serve': {
        const port = values.port === undefined ? undefined : Number(values.port);
        need(port === undefined || (Number.isInteger(port) && port >= 0 && port < 65536), '--port must be a port number (0-65535)');
        // Checked before anything is opened or created.
        const access = await serveAccess(values);
        const file = sqliteFile();
        if (file !== null && !existsSync(file)) note(`sitrep: no database at '${file}': starting with a new, empty one\n`);
        const { runServe } = await import('./commands/serve.js');
        return await runServe({ db, port, host: values.host, access });
      }
      case 'export': {
        const { EXPORT_FORMATS } = await import('../export/export-events.js');
        // `csv` is the ACLED-style CSV, the only CSV there is.
        const format = formatOf(values, [...EXPORT_FORMATS, 'csv'], undefined);
        const limit = limitOf(values);
        const filter = await filterOf(values);
        const { runExport } = await import('./commands/export.js');
        return await runExport({ db, format: (format === 'csv' ? 'acled-csv' : format) as (typeof EXPORT_FORMATS)[number], filter, limit, output: values.output });
      }
      case 'ceasefires': {
        const format = formatOf(values, ['table', 'jsonl', 'json'], 'table') as 'table' | 'jsonl' | 'json';
        const { runCeasefires } = await import('./commands/ceasefires.js');
        return await runCeasefires({ db, format });
      }
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`sitrep: ${err.message} (see '${hint}')\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
