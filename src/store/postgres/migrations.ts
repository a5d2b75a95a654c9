/**
 * The PostgreSQL schema as an ordered list of migrations, the counterpart of
 * `../sqlite/migrations.ts` (same tables, columns and meaning). Append only: never edit or
 * reorder a migration that has shipped; add a new one with the next zero-padded id.
 *
 * Differences from SQLite, and why:
 * - every text key and sortable text column is `COLLATE "C"`, so ordering is by code point
 *   as in SQLite whatever the database's default collation is;
 * - JSON columns are `text`, not `jsonb`: jsonb refuses lone UTF-16 surrogates (`\ud800`),
 *   which `JSON.stringify` writes and a round trip must keep;
 * - full-text search is a stored `tsvector` column (`simple` configuration) with a GIN index;
 * - timestamps stay ISO text, as the Store interface hands them out;
 * - `actor_names` (lower-cased actor names) serves the actor filter, since casting `json` to
 *   jsonb to read them would fail on the rows that hold a lone surrogate.
 */

/** One schema step. */
export interface PostgresMigration {
  readonly id: string;
  readonly up: string;
}

const EVENT_COLUMNS = `
  event_type text NOT NULL,
  sub_event_type text NOT NULL,
  date text COLLATE "C",
  date_end text COLLATE "C",
  side1 text,
  side2 text,
  place_name text,
  lat double precision,
  lon double precision,
  fatalities integer,
  injured integer,
  ceasefire_violation smallint NOT NULL CHECK (ceasefire_violation IN (0, 1)),
  background smallint NOT NULL CHECK (background IN (0, 1)),
  json text NOT NULL,
  -- lower-cased actor1 and actor2 names, for the actor filter without parsing json
  actor_names text NOT NULL DEFAULT ''`;

const INITIAL = `
CREATE TABLE meta (
  key text COLLATE "C" PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE articles (
  seq bigserial PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  source text NOT NULL,
  title text,
  outlet text,
  url text,
  published text COLLATE "C",
  published_source text,
  published_confidence text,
  language text NOT NULL,
  text text NOT NULL,
  extra_json text,
  versions_json text,
  event_count integer NOT NULL,
  statement_count integer NOT NULL,
  diagnostic_count integer NOT NULL,
  content_hash text NOT NULL,
  ingested_at text NOT NULL,
  fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_fts ON articles USING gin (fts);

CREATE TABLE article_events (
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  event_id text COLLATE "C" NOT NULL,
  ordinal integer NOT NULL,${EVENT_COLUMNS},
  UNIQUE (article_id, event_id)
);
CREATE INDEX article_events_date ON article_events (date);

CREATE TABLE article_statements (
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  statement_id text NOT NULL,
  type text NOT NULL,
  date text,
  json text NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE article_diagnostics (
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  code text NOT NULL,
  severity text NOT NULL,
  json text NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE failures (
  source text COLLATE "C" PRIMARY KEY,
  diagnostics_json text NOT NULL,
  recorded_at text NOT NULL
);

CREATE TABLE stories (
  id text COLLATE "C" PRIMARY KEY,
  title text NOT NULL,
  first_date text COLLATE "C",
  last_date text COLLATE "C",
  places_json text NOT NULL,
  updated_at text NOT NULL
);

CREATE TABLE events (
  id text COLLATE "C" PRIMARY KEY,
  story_id text COLLATE "C" REFERENCES stories (id) ON DELETE SET NULL,${EVENT_COLUMNS},
  reports_count integer NOT NULL,
  sources_count integer NOT NULL,
  contradictions_json text NOT NULL,
  updated_at text COLLATE "C" NOT NULL
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_story ON events (story_id);
CREATE INDEX events_updated ON events (updated_at);

-- No foreign key to article_events: see the SQLite schema.
CREATE TABLE event_reports (
  event_id text COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id),
  article_event_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (event_id, ordinal)
);
CREATE INDEX event_reports_article ON event_reports (article_id, article_event_id);
`;

/** Every migration, oldest first. */
export const postgresMigrations: readonly PostgresMigration[] = Object.freeze([
  { id: '0001_initial', up: INITIAL },
  {
    id: '0002_story_size',
    // As in SQLite (0003_story_size): a story's events by date from the index, and its number of
    // events kept by a trigger instead of counted, so the story resolver's reads of a long story
    // do not grow with it.
    up: `
CREATE INDEX events_story_date ON events (story_id, date);
DROP INDEX events_story;
ALTER TABLE stories ADD COLUMN event_count integer NOT NULL DEFAULT 0;
UPDATE stories s SET event_count = (SELECT count(*) FROM events e WHERE e.story_id = s.id);
CREATE FUNCTION events_story_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD.story_id IS NOT NULL THEN
      UPDATE stories SET event_count = event_count - 1 WHERE id = OLD.story_id;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW.story_id IS NOT NULL THEN
      UPDATE stories SET event_count = event_count + 1 WHERE id = NEW.story_id;
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER events_story_count AFTER INSERT OR DELETE OR UPDATE OF story_id ON events
  FOR EACH ROW EXECUTE FUNCTION events_story_count();
`,
  },
]);
