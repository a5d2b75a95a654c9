/** The `--help` text: keep it true to what the commands do. */
export const USAGE = `sitrep: a sourced event timeline from news articles about an armed conflict

Usage:
  sitrep extract [--format jsonl|table] [--published DATE] INPUT...
      Read, clean and extract each article; store nothing. jsonl prints one
      object per article (the CLI contract); table (default) a summary.
  sitrep ingest [--db DB] [--published DATE] INPUT...
      Extract and store articles, merging reports of one event across articles.
      Re-ingesting an unchanged article changes nothing.
  sitrep events [--db DB] [--format table|jsonl] [--from DATE] [--to DATE]
                [--type TYPE] [--side SIDE] [--background] [--limit N]
      List the stored events (merged across articles).
  sitrep stories [--db DB] [--format table|jsonl]
      List stories: developing situations that group events.
  sitrep help | --help      This text.   sitrep --version   The version.

Inputs: files (.txt with optional NAME.meta.json sidecar, .html/.htm, .json,
.jsonl, .xml/.rss/.atom feeds), directories (recursive) and - for stdin.
Store: --db PATH or SITREP_DB (a SQLite file; default ./sitrep.db).
Exit codes: 0 when at least one article was processed, 1 when none, 2 bad usage.
Diagnostics go to standard error as "sitrep: SOURCE: severity CODE: message";
set SITREP_VERBOSE=1 to see info-level ones too.
`;
