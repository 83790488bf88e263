"""Wagtail's SQLite (FTS5) search backend with relevance ordering in one pass over the matches.

Imported only on SQLite (`core.search_backend`): modelsearch defines the full-text index models
for the database it runs on. See `core.search_backend` for why.
"""

from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

__all__ = ["RankedSQLiteSearchBackend", "SQLiteSearchBackend"]


class RankedEntries:
    """For a query compiler of the SQLite backend (a search, or an autocomplete): its matches ranked in one pass."""

    def ranked_entries(self, config):
        """The index entries of the searched queryset's objects that match, with their `score`, best first.

        None when the results are not ordered by relevance, or the query matches everything or
        excludes its matches: the backend's own query reads the index once for those.
        """
        if not self.order_by_relevance:
            return None
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not):
            return None
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
        # The backend's score: bm25 over each indexed vector (the title's weighted by its norm), summed.
        score = None
        for vector, boost in self.get_search_vectors():
            rank = self.build_tsrank(vector, query, config=config) * boost
            score = rank if score is None else score + rank
        model = self.queryset.model
        pk = model._meta.pk.target_field if model._meta.pk.is_relation else model._meta.pk
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(model),
                # The searched queryset's keys, read once (not once per match).
                index_entry__object_id__in=self.queryset.order_by().values("pk"),
            )
            .annotate(score=score, object_pk=Cast("index_entry__object_id", output_field=pk))
            # bm25 is lower for a better match; equal scores in the backend's order (latest key first).
            .order_by("score", "-object_pk")
        )


class RankedSQLiteSearchQueryCompiler(RankedEntries, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(RankedEntries, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _ranked(self):
        return self.query_compiler.ranked_entries(self.query_compiler.get_config(self.backend))

    def _do_search(self):
        ranked = self._ranked()
        if ranked is None:
            return super()._do_search()
        order = list(ranked[self.start : self.stop].values_list("object_pk", flat=True))
        # The page's objects in one query (the searched queryset's own: specific pages stay specific).
        found = {obj.pk: obj for obj in self.query_compiler.queryset.filter(pk__in=order)}
        return [found[pk] for pk in order if pk in found]

    def _do_count(self):
        ranked = self._ranked()
        return super()._do_count() if ranked is None else ranked[self.start : self.stop].count()

    def annotate_score(self, field_name):
        # A score on each object is the backend's own query, which annotates it.
        results = SQLiteSearchResults(self.backend, self.query_compiler, prefetch_related=self.prefetch_related)
        results.start, results.stop = self.start, self.stop
        return results.annotate_score(field_name)


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
