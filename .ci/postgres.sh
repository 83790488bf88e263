#!/usr/bin/env bash
# Start the machine's PostgreSQL 15 cluster and make sure the test role exists.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
  echo "PostgreSQL 15 is not installed (apt-get install postgresql-15)." >&2
  exit 1
fi
if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -u postgres bash -c "$1"; fi; }
as_postgres "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'colloquium') THEN CREATE ROLE colloquium LOGIN CREATEDB PASSWORD 'colloquium'; END IF; END \\\$\\\$;\""
as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'colloquium'\" | grep -q 1 || createdb -O colloquium colloquium"
