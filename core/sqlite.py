"""A SQLite database set up as production PostgreSQL runs: write-ahead logging and planner statistics.

Called after data is loaded in bulk: `manage.py load_demo` (the `make run` database) and the
benchmark's data builder (bench/build_data.py). PostgreSQL needs neither step (it has no journal
mode, and autovacuum keeps its statistics), so other databases are left untouched.
"""

from django.db import DEFAULT_DB_ALIAS, connections

__all__ = ["prepare_sqlite"]


def prepare_sqlite(using=DEFAULT_DB_ALIAS, *, analyze=True):
    """Put a SQLite database in WAL mode and give its query planner fresh statistics.

    - `PRAGMA journal_mode=WAL`: readers no longer wait for a writer (a page view during a
      quiz submission), as on PostgreSQL. The mode is stored in the file, so once is enough;
      SQLite cannot change it inside a transaction, so then only the statistics are refreshed.
    - `ANALYZE`: without the `sqlite_stat1` table the planner guesses at every index's
      selectivity and may pick a poor one on a large table. It runs when `analyze` is true,
      and always on a database that has never been analysed.

    Returns the journal mode now in force ("wal"; "memory" for an in-memory database), or None
    when the database is not SQLite and nothing was done.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            cursor.execute("PRAGMA journal_mode")
        else:
            cursor.execute("PRAGMA journal_mode=WAL")
        mode = cursor.fetchone()[0]
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
        if analyze or cursor.fetchone() is None:
            cursor.execute("ANALYZE")
    return mode
