"""The site's search backend: Wagtail's database backend, ranking SQLite matches in one pass.

`WAGTAILSEARCH_BACKENDS` names this module; it gives the backend Wagtail's
`wagtail.search.backends.database` picks for the database (PostgreSQL, MySQL, SQLite with or
without FTS5), except that on SQLite with FTS5 the results ordered by relevance come from
`RankedSQLiteSearchBackend`.

Why: modelsearch's SQLite backend orders by relevance through a subquery run once for each
matching row, and each run matches the whole index again and has FTS5 work out bm25's
statistics over every match: a page of results costs the square of the number of matches
(130 ms for the 714 pages that say "trafficking" in the national data set). Here the matches are
scored in one pass over the index, narrowed to the searched queryset there (an `IN` over its
primary keys, read once), sorted, and only the page asked for is read: the same bm25 ranking
(title weighted by the index's title norm, as the backend does, ties broken the same way)
for about 1 ms. PostgreSQL's backend already joins the index and needs nothing of this.
"""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as database_backend

__all__ = ["SearchBackend"]


def SearchBackend(params):  # noqa: N802 - the name Wagtail's backend loader looks up in a backend module
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    # Only on SQLite: the module reads SQLite's full-text index models when it is imported.
    from .sqlite_search import RankedSQLiteSearchBackend, SQLiteSearchBackend

    return RankedSQLiteSearchBackend(params) if isinstance(backend, SQLiteSearchBackend) else backend
