/**
 * The SQLite schema as an ordered list of migrations. Append only: never edit or reorder a
 * migration that has shipped; add a new one. Each runs in its own transaction and is recorded
 * in the `migrations` table under its `id`, so ids must sort in order (zero-padded prefix).
 *
 * Indexed columns of `article_events` and `events` are copies of fields of the JSON in `json`
 * (which is authoritative) for filtering: the same names and meaning in both tables so one
 * filter builder serves both.
 *
 * Indexes are few on purpose: every index is more pages written per article commit (measured:
 * dropping the side/type indexes took a per-article ingest from ~1.0 to ~0.7 ms on a file).
 * Side and type have a handful of values each, so an index on them would rarely be used;
 * add one in a new migration when a query needs it.
 */

/** One schema step. */
export interface SqliteMigration {
  readonly id: string;
  readonly up: string;
}

const EVENT_COLUMNS = `
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  date TEXT,
  date_end TEXT,
  side1 TEXT,
  side2 TEXT,
  place_name TEXT,
  lat REAL,
  lon REAL,
  fatalities INTEGER,
  injured INTEGER,
  ceasefire_violation INTEGER NOT NULL CHECK (ceasefire_violation IN (0, 1)),
  background INTEGER NOT NULL CHECK (background IN (0, 1)),
  json TEXT NOT NULL`;

const INITIAL = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- seq is the stable integer key the FTS index points to (an implicit rowid may change on VACUUM).
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  title TEXT,
  outlet TEXT,
  url TEXT,
  published TEXT,
  published_source TEXT,
  published_confidence TEXT,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  extra_json TEXT,
  versions_json TEXT,
  event_count INTEGER NOT NULL,
  statement_count INTEGER NOT NULL,
  diagnostic_count INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE article_events (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,${EVENT_COLUMNS},
  UNIQUE (article_id, event_id)
);
CREATE INDEX article_events_date ON article_events (date);

CREATE TABLE article_statements (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  statement_id TEXT NOT NULL,
  type TEXT NOT NULL,
  date TEXT,
  json TEXT NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE article_diagnostics (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  code TEXT NOT NULL,
  severity TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE failures (
  source TEXT PRIMARY KEY,
  diagnostics_json TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  first_date TEXT,
  last_date TEXT,
  places_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  story_id TEXT REFERENCES stories (id) ON DELETE SET NULL,${EVENT_COLUMNS},
  reports_count INTEGER NOT NULL,
  sources_count INTEGER NOT NULL,
  contradictions_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_story ON events (story_id);
CREATE INDEX events_updated ON events (updated_at);

-- No foreign key to article_events: an article's events are replaced when it is updated, and
-- the resolver must still find the merged events its old version reported.
CREATE TABLE event_reports (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  article_id TEXT NOT NULL REFERENCES articles (id),
  article_event_id TEXT NOT NULL,
  PRIMARY KEY (event_id, ordinal)
);
CREATE INDEX event_reports_article ON event_reports (article_id, article_event_id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, text,
  content = 'articles', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
`;

/** Every migration, oldest first. */
export const migrations: readonly SqliteMigration[] = Object.freeze([
  { id: '0001_initial', up: INITIAL },
  {
    id: '0002_date_range_indexes',
    // Window queries ("events overlapping [from, to]") read date and date_end from the index
    // alone, so the rows before the window are skipped without being loaded.
    up: `
CREATE INDEX article_events_date_range ON article_events (date, date_end, background);
CREATE INDEX events_date_range ON events (date, date_end, background);
`,
  },
  {
    id: '0003_story_size',
    // What the story resolver reads of a story that runs longer than its window, at a cost that
    // does not grow with the story:
    // - events_story_date: a story's events in a date window, and its first or last event
    //   outside a set, without reading the whole story; it replaces the index on story_id alone
    //   (same number of indexes to write per event);
    // - stories.event_count: its number of events, kept by triggers (one row update per event
    //   written or deleted) instead of counted, which costs the story's length.
    up: `
CREATE INDEX events_story_date ON events (story_id, date);
DROP INDEX events_story;
ALTER TABLE stories ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET event_count = (SELECT count(*) FROM events e WHERE e.story_id = stories.id);
CREATE TRIGGER events_story_count_insert AFTER INSERT ON events WHEN new.story_id IS NOT NULL BEGIN
  UPDATE stories SET event_count = event_count + 1 WHERE id = new.story_id;
END;
CREATE TRIGGER events_story_count_delete AFTER DELETE ON events WHEN old.story_id IS NOT NULL BEGIN
  UPDATE stories SET event_count = event_count - 1 WHERE id = old.story_id;
END;
CREATE TRIGGER events_story_count_update AFTER UPDATE OF story_id ON events WHEN old.story_id IS NOT new.story_id BEGIN
  UPDATE stories SET event_count = event_count - 1 WHERE id = old.story_id;
  UPDATE stories SET event_count = event_count + 1 WHERE id = new.story_id;
END;
`,
  },
  {
    id: '0004_drop_date_indexes',
    // The (date, date_end, background) indexes of 0002 serve every query on date alone (date is
    // their first column), so the single-column ones only cost index writes per event row.
    up: `
DROP INDEX events_date;
DROP INDEX article_events_date;
`,
  },
  {
    id: '0005_deferred_fts',
    // Full-text indexing once per commit instead of once per article: a new or changed article is
    // queued in articles_fts_pending and the writer indexes the queue just before it commits, in
    // the same transaction (SqliteCore.#indexPending), so committed data is always indexed. One
    // INSERT … SELECT over a group of 64 articles costs about half of 64 trigger inserts. An
    // update of an article not yet indexed needs nothing: the queue indexes its current text.
    up: `
CREATE TABLE articles_fts_pending (seq INTEGER PRIMARY KEY);
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts_pending (seq) VALUES (new.seq);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text)
    SELECT 'delete', old.seq, old.title, old.text WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE seq = old.seq);
  DELETE FROM articles_fts_pending WHERE seq = old.seq;
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
  WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE seq = old.seq) BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts_pending (seq) VALUES (old.seq);
END;
`,
  },
  {
    id: '0006_story_debt',
    // Story passes in batches (`sitrep ingest`): the merged events written without their story
    // since the last pass, and the earlier version (id, story, date, reports) of those removed or
    // rewritten, null for an event the batch created. Kept in the database, in the articles'
    // transactions, so an interrupted ingest leaves the debt for the next pass.
    up: `
CREATE TABLE story_debt (
  event_id TEXT PRIMARY KEY,
  replaced_json TEXT
) WITHOUT ROWID;
`,
  },
  {
    id: '0007_event_summaries',
    // Many reports of one happening (DESIGN.md): a merged event made by the resolver keeps its
    // summary (summary_json, see src/store/event-summary.ts) and its distinct compatibility kinds
    // (event_kinds, one row each, indexed like article_events by date), so one more report can be
    // added without reading the event's reports. Such an event's claims and evidence are those of
    // its reports' article events and are not copied into its JSON. `meta.event_kinds` says that
    // every event has its kinds (true of an empty store; cleared by any event written without a
    // summary), without which the fast path cannot prove that a report joins one event only.
    up: `
ALTER TABLE events ADD COLUMN summary_json TEXT;
CREATE TABLE event_kinds (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  signature TEXT NOT NULL,
  article_id TEXT NOT NULL,${EVENT_COLUMNS},
  PRIMARY KEY (event_id, signature)
) WITHOUT ROWID;
CREATE INDEX event_kinds_date_range ON event_kinds (date, date_end, background);
INSERT INTO meta (key, value) SELECT 'event_kinds', 'complete' WHERE NOT EXISTS (SELECT 1 FROM events);
`,
  },
]);
