"""Figures for the national statistics page: module completions, in aggregate.

Rows at the grain the statistics page works at: the learner's State/UT (from their profile;
"" when not given), the year of completion and the module. Counted in the database in one
query; no row names a person, and the statistics page leaves out groups too small to publish.
"""

from django.db.models import Count
from django.db.models.functions import ExtractYear

from ..records import Enrolment

__all__ = ["completion_rows"]


def completion_rows(*, year=None, state_code=None):
    """[{"state", "state_name", "year", "module", "module_title", "completions"}] for live modules."""
    enrolments = Enrolment.objects.filter(completed_at__isnull=False, module__live=True)
    if year is not None:
        enrolments = enrolments.filter(completed_at__year=year)
    if state_code:
        enrolments = enrolments.filter(user__state__code=state_code)
    rows = (
        enrolments.order_by()
        .annotate(year=ExtractYear("completed_at"))
        .values("user__state__code", "user__state__name", "year", "module_id", "module__title")
        .annotate(completions=Count("pk"))
    )
    return [
        {
            "state": row["user__state__code"] or "",
            "state_name": row["user__state__name"] or "",
            "year": row["year"],
            "module": row["module_id"],
            "module_title": row["module__title"],
            "completions": row["completions"],
        }
        for row in rows
    ]
