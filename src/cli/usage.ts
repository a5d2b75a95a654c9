/**
 * The CLI's help texts and, per command, the flags it takes: keep them true to what the commands
 * do. `sitrep --help` prints {@link USAGE}; `sitrep COMMAND --help` prints that command's
 * {@link commandHelp}. This module holds only strings (it is loaded by `--version`, which must
 * stay fast).
 */

export const VERSION = '0.1.0';

/** Exit codes of every command (README "Exit codes" repeats this table). */
export const EXIT = { ok: 0, nothingProcessed: 1, usage: 2, partial: 3 } as const;

interface CommandSpec {
  /** One line for the global help. */
  readonly summary: string;
  /** The usage line(s), after `sitrep `. */
  readonly usage: string;
  /** What it does, a few lines. */
  readonly about: string;
  /** Each flag it takes (long name without dashes) with its help line. */
  readonly flags: readonly (readonly [flag: string, help: string])[];
  readonly example: string;
}

const DB = ['db', 'DB: a SQLite file (default ./sitrep.db, or SITREP_DB) or a postgres:// URL'] as const;
const QUIET = ['quiet', 'no progress, summary, info or warning lines on standard error; errors still print (-q)'] as const;
const JSON_FLAG = ['json', 'the same as --format json'] as const;
const FILTERS: readonly (readonly [string, string])[] = [
  ['from', 'DATE: events on or after this day (YYYY-MM-DD)'],
  ['to', 'DATE: events on or before this day'],
  ['type', 'TYPE: an ACLED event type or sub-event type, any case ("battles", "Armed clash"); repeat for any of several'],
  ['sub-type', 'SUB: an ACLED sub-event type, any case; narrows --type; repeatable'],
  ['side', 'CODE: actor1 or actor2 of this side (ARM, AZE, HAMAS, CIV…; any case; codes of the loaded packs)'],
  ['actor', 'NAME: part of the name of actor1 or actor2'],
  ['outlet', 'NAME: reported by an article of this outlet (exact name)'],
  ['story', 'ID: events of this story'],
  ['ceasefire', 'only ceasefire violations'],
  ['text', 'WORDS: words that must all occur in one reporting article'],
  ['bbox', 'W,S,E,N: inside this box (degrees)'],
  ['background', 'include background (history, context) events'],
  ['limit', 'N: at most N events'],
];

/** Every command, in the order of the global help. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  extract: {
    summary: 'read, clean and extract articles; store nothing',
    usage: 'extract [--format table|jsonl|json] [--published DATE] [--quiet] INPUT...',
    about: 'Reads, cleans and extracts each article and prints the result; stores nothing. jsonl prints\none object per article (the CLI contract), json the same objects as one array, table\n(default) one row per news event.',
    flags: [
      ['format', 'table (default), jsonl or json'],
      JSON_FLAG,
      ['published', 'DATE: the publication day of inputs that carry none (YYYY-MM-DD)'],
      QUIET,
    ],
    example: 'sitrep extract --format jsonl examples/',
  },
  places: {
    summary: 'geoparse articles: every place name with the place chosen for it',
    usage: 'places [--format table|jsonl|json] [--quiet] INPUT...',
    about: 'Geoparses each article: every place name with its span (UTF-16 offsets into the article\ntext as given, no cleaning), the place chosen for it (name, country, admin1, feature,\nlat/lon, ACLED precision 1-3) and up to three runner-up candidates with their scores. jsonl\nprints one object per article, {"article": {"id"}, "places": [...]}, json those objects as\none array; table (default) one row per mention. Reads the same inputs as extract.',
    flags: [['format', 'table (default), jsonl or json'], JSON_FLAG, QUIET],
    example: 'sitrep places --format jsonl article.txt',
  },
  ingest: {
    summary: 'extract and store articles, merging reports of one event across articles',
    usage: 'ingest [--db DB] [--published DATE] [--threads N] [--strict] [--quiet] INPUT...',
    about: "Extracts and stores articles, merging reports of one event across articles. Re-ingesting an\nunchanged article changes nothing. SQLite: N threads extract (default one per extra core,\nat most 4; 0: none), articles are committed 64 at a time, each atomic, and stories assigned\nonce per 64 articles and whenever the input is idle. INPUT '-' reads standard input (JSONL a\nline at a time, as it arrives). With PostgreSQL, enqueues them instead for 'sitrep worker'.\nExit 0 when at least one article was stored or unchanged (inputs that failed are reported\non standard error), 1 when none, 3 with --strict when any input failed.",
    flags: [
      DB,
      ['published', 'DATE: the publication day of inputs that carry none'],
      ['threads', 'N: extraction threads, 0-64 (or SITREP_EXTRACT_THREADS)'],
      ['strict', 'exit 3 when any input failed, even if others were stored'],
      QUIET,
    ],
    example: 'sitrep ingest --db news.db --strict examples/',
  },
  worker: {
    summary: 'PostgreSQL: process queued articles until SIGTERM',
    usage: 'worker [--db URL] [--concurrency N] [--batch-size N] [--quiet]',
    about: 'PostgreSQL only: processes queued articles until SIGTERM (then finishes the jobs in hand and\nreleases the rest). Run any number, on any machines.',
    flags: [DB, ['concurrency', 'N: articles in flight (default 1)'], ['batch-size', 'N: jobs claimed at a time'], QUIET],
    example: 'sitrep worker --db postgres://localhost/sitrep --concurrency 2',
  },
  queue: {
    summary: 'PostgreSQL: queue depth, rate, failures and dead letters',
    usage: 'queue [--db URL] [--format table|json|jsonl]',
    about: 'PostgreSQL only: queue depth, rate, failures and dead letters. json and jsonl print the same\none-line object.',
    flags: [DB, ['format', 'table (default), json or jsonl'], JSON_FLAG],
    example: 'sitrep queue --db postgres://localhost/sitrep --format json',
  },
  events: {
    summary: 'list the stored events (merged across articles)',
    usage: 'events [--db DB] [--format table|jsonl|json] [FILTERS]',
    about: 'Lists the stored events, merged across articles, by date (undated last). The filters are\nthose of export and of the API; an unknown type, sub-type or side is a usage error (exit 2)\nnaming the allowed values.',
    flags: [DB, ['format', 'table (default), jsonl (one event per line) or json (one array)'], JSON_FLAG, ...FILTERS],
    example: 'sitrep events --type "armed clash" --side AZE --from 2020-10-01 --limit 20',
  },
  stories: {
    summary: 'list stories: developing situations that group events',
    usage: 'stories [--db DB] [--format table|jsonl|json]',
    about: 'Lists stories: developing situations that group events.',
    flags: [DB, ['format', 'table (default), jsonl or json'], JSON_FLAG],
    example: 'sitrep stories --format jsonl',
  },
  serve: {
    summary: 'serve the HTTP API and the web page',
    usage: 'serve [--db DB] [--port N] [--host HOST] [--token T | --token-file F] [--private]\n             [--allow-host NAME] [--cors-origin ORIGIN] [--quiet]',
    about: 'Serves the HTTP API (/api/..., OpenAPI at /openapi.json) and the web page (map, timeline,\ndossiers, stories, ceasefire chart). Default port 8787 on 127.0.0.1. With a token (--token,\n--token-file, or SITREP_API_TOKEN; at least 16 characters) writes need\n"Authorization: Bearer T", and --private makes reads need it too; a --host other than\nloopback needs a token. Without a token, writes must be JSON and not from another site\'s page.',
    flags: [
      DB,
      ['port', 'N: port (default 8787; 0 picks a free one)'],
      ['host', 'HOST: address to listen on (default 127.0.0.1)'],
      ['token', 'T: the API token'],
      ['token-file', 'F: read the API token from this file'],
      ['private', 'reads need the token too'],
      ['allow-host', 'NAME: a host name the server answers to besides IP addresses and localhost (repeatable)'],
      ['cors-origin', 'ORIGIN: let pages of ORIGIN call the API (CORS; repeatable)'],
      QUIET,
    ],
    example: 'sitrep serve --db news.db --port 8787',
  },
  export: {
    summary: 'export stored events: ACLED-style CSV, GeoJSON or JSONL',
    usage: 'export --format acled-csv|csv|geojson|jsonl [--db DB] [--output FILE] [FILTERS] [--quiet]',
    about: 'Exports stored events: ACLED-style CSV (csv is the same), GeoJSON FeatureCollection or JSONL,\nto standard output or --output FILE.',
    flags: [DB, ['format', 'acled-csv (or csv), geojson or jsonl (required)'], ['output', 'FILE: write here instead of standard output (-o)'], ...FILTERS, QUIET],
    example: 'sitrep export --format geojson --type battles -o battles.geojson',
  },
  ceasefires: {
    summary: 'known ceasefires and the violations registered under each',
    usage: 'ceasefires [--db DB] [--format table|jsonl|json]',
    about: "The theatres' known ceasefires and, for each, the violations registered while it was in\nforce: by accused side, by place and by week.",
    flags: [DB, ['format', 'table (default), jsonl or json'], JSON_FLAG],
    example: 'sitrep ceasefires --format jsonl',
  },
};

/** Flags every command takes. */
export const COMMON_FLAGS = ['help', 'version', 'quiet'] as const;

/** The help of one command: usage, what it does, its flags and an example. */
export function commandHelp(command: string): string {
  const spec = COMMANDS[command];
  if (spec === undefined) return USAGE;
  const width = Math.max(...spec.flags.map(([f]) => f.length)) + 4;
  const lines = spec.flags.map(([flag, help]) => `  --${flag.padEnd(width - 2)}${help}`);
  return `Usage: sitrep ${spec.usage}\n\n${spec.about}\n\nOptions:\n${lines.join('\n')}\n  ${'-h, --help'.padEnd(width)}this help\n\nExample:\n  ${spec.example}\n\n${TRAILER}`;
}

const TRAILER = `Exit codes: 0 done (at least one article processed, where articles are read), 1 no
article processed or a failure (unwritable output, database error), 2 bad usage (unknown
command, option or value, missing database), 3 ingest --strict: some input failed.
`;

/** The global `--help` text. */
export const USAGE = `sitrep: a sourced event timeline from news articles about an armed conflict

Usage: sitrep COMMAND [OPTIONS] [INPUT...]

Commands:
${Object.entries(COMMANDS)
  .map(([name, spec]) => `  ${name.padEnd(12)}${spec.summary}`)
  .join('\n')}

Run 'sitrep COMMAND --help' for a command's options and an example.

Global options:
  -h, --help       this help (after a command: that command's help)
  -V, --version    the version
  -q, --quiet      no progress, summary, info or warning lines on standard error

Inputs: files (.txt with optional NAME.meta.json sidecar, .html/.htm, .json,
.jsonl, .xml/.rss/.atom feeds), directories (recursive) and - for stdin.
Store: --db PATH or SITREP_DB: a SQLite file (default ./sitrep.db) or a
postgres:// URL (shared by many workers; queue settings: SITREP_QUEUE_*).
Only ingest and serve create a missing SQLite file; read commands refuse it.
Diagnostics go to standard error as "sitrep: SOURCE: severity CODE: message";
set SITREP_VERBOSE=1 to see info-level ones too.
${TRAILER}`;
