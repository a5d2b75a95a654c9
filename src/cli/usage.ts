/** The `--help` text: keep it true to what the commands do. */
export const USAGE = `sitrep: a sourced event timeline from news articles about an armed conflict

Usage:
  sitrep extract [--format jsonl|table] [--published DATE] INPUT...
      Read, clean and extract each article; store nothing. jsonl prints one
      object per article (the CLI contract); table (default) a summary.
  sitrep places [--format jsonl|table] INPUT...
      Geoparse each article: every place name with its span (UTF-16 offsets
      into the article text as given, no cleaning), the place chosen for it
      (name, country, admin1, feature, lat/lon, ACLED precision 1-3) and up to
      three runner-up candidates with their scores. jsonl prints one object
      per article, {"article": {"id"}, "places": [...]}; table (default) one
      row per mention. Reads the same inputs as extract.
  sitrep ingest [--db DB] [--published DATE] [--threads N] INPUT...
      Extract and store articles, merging reports of one event across articles.
      Re-ingesting an unchanged article changes nothing. SQLite: N threads
      extract (default one per extra core, at most 4; 0: none), articles are
      committed 64 at a time, each atomic, and stories assigned once per 64
      articles and whenever the input is idle. INPUT '-' reads standard input
      (JSONL a line at a time, as it arrives). With PostgreSQL, enqueue them
      instead for 'sitrep worker'.
  sitrep worker [--db URL] [--concurrency N] [--batch-size N]
      PostgreSQL only: process queued articles until SIGTERM (then finish the
      jobs in hand and release the rest). Run any number, on any machines.
  sitrep queue [--db URL] [--format table|json]
      PostgreSQL only: queue depth, rate, failures and dead letters.
  sitrep events [--db DB] [--format table|jsonl] [--from DATE] [--to DATE]
                [--type TYPE] [--side SIDE] [--background] [--limit N]
      List the stored events (merged across articles).
  sitrep stories [--db DB] [--format table|jsonl]
      List stories: developing situations that group events.
  sitrep serve [--db DB] [--port N] [--host HOST] [--token T | --token-file F]
               [--private] [--allow-host NAME] [--cors-origin ORIGIN]
      Serve the HTTP API (/api/..., OpenAPI at /openapi.json) and the web page
      (map, timeline, dossiers, stories, ceasefire chart). Default port 8787 on
      127.0.0.1. With a token (--token, --token-file, or SITREP_API_TOKEN; at
      least 16 characters) writes need "Authorization: Bearer T", and --private
      makes reads need it too; a --host other than loopback needs a token.
      Without a token, writes must be JSON and not from another site's page.
      --allow-host NAME: a host name the server answers to besides IP addresses
      and localhost (the name behind a reverse proxy). --cors-origin ORIGIN:
      let pages of ORIGIN call the API (CORS; off by default). Both repeatable.
  sitrep export --format acled-csv|geojson|jsonl [--db DB] [--output FILE]
                [--from DATE] [--to DATE] [--type TYPE] [--sub-type T] [--side S]
                [--actor NAME] [--outlet NAME] [--story ID] [--ceasefire]
                [--text WORDS] [--bbox W,S,E,N] [--background] [--limit N]
      Export stored events: ACLED-style CSV, GeoJSON FeatureCollection or JSONL.
  sitrep ceasefires [--db DB] [--format table|jsonl]
      The theatres' known ceasefires and, for each, the violations registered
      while it was in force: by accused side, by place and by week.
  sitrep help | --help      This text.   sitrep --version   The version.

Inputs: files (.txt with optional NAME.meta.json sidecar, .html/.htm, .json,
.jsonl, .xml/.rss/.atom feeds), directories (recursive) and - for stdin.
Store: --db PATH or SITREP_DB: a SQLite file (default ./sitrep.db) or a
postgres:// URL (shared by many workers; queue settings: SITREP_QUEUE_*).
Only ingest and serve create a missing SQLite file; read commands refuse it.
Exit codes: 0 when at least one article was processed, 1 when none, 2 bad usage.
Diagnostics go to standard error as "sitrep: SOURCE: severity CODE: message";
set SITREP_VERBOSE=1 to see info-level ones too.
`;
