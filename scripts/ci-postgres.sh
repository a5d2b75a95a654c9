#!/usr/bin/env bash
# Makes sure the local PostgreSQL server is up and creates a throw-away database for the store,
# queue and worker tests. Source it (`. scripts/ci-postgres.sh`) so that PG_URL stays exported;
# call `sitrep_pg_drop` at the end (or leave it: the next run drops stale sitrep_ci_* databases).
# Without a PostgreSQL installation it prints a note and leaves PG_URL unset (tests skip).
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /etc/postgresql ]; then
  echo "ci-postgres: no PostgreSQL installed; PostgreSQL tests will be skipped" >&2
  return 0 2>/dev/null || exit 0
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
# Drop databases left by earlier runs, then create this run's.
for db in $(psql -h 127.0.0.1 -U postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'sitrep_ci_%'"); do
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
done
SITREP_CI_DB="sitrep_ci_$$"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $SITREP_CI_DB" >/dev/null
export PG_URL="postgres://postgres@127.0.0.1:5432/$SITREP_CI_DB"
sitrep_pg_drop() { psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $SITREP_CI_DB WITH (FORCE)" >/dev/null; }
echo "ci-postgres: PG_URL=$PG_URL" >&2
