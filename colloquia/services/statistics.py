"""Figures for the national statistics page: events held and who attended, in aggregate.

Each function returns rows at the finest grain the statistics page works at (the State/UT
where the event was held, the year it started, and for people their category), filtered in
the database and counted there: the number of queries does not grow with the data. No row
names a person; the statistics page leaves out groups too small to publish.

An event is one page however many academies organise it (co-organisers are rows beside the
page), so it is counted once.
"""

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone

from ..records import Attendance, Registration

__all__ = ["attended_rows", "held_event_rows"]


def _held_events(pages, year=None, state_code=None):
    """`pages` (the caller's live, public colloquium pages) narrowed to those that have ended."""
    events = pages.filter(end_date__lt=timezone.localdate())
    if year is not None:
        events = events.filter(start_date__year=year)
    if state_code:
        events = events.filter(state__code=state_code)
    return events


def held_event_rows(pages, *, year=None, state_code=None):
    """[{"state": code or "", "state_name": name or "", "year", "events"}] for events that have ended.

    `pages` is a ColloquiumPage queryset (the caller's choice of live and public pages), so this
    module imports no page class. One query."""
    rows = (
        _held_events(pages, year, state_code)
        .order_by()
        .annotate(year=ExtractYear("start_date"))
        .values("state__code", "state__name", "year")
        .annotate(events=Count("pk", distinct=True))
    )
    return [
        {
            "state": row["state__code"] or "",
            "state_name": row["state__name"] or "",
            "year": row["year"],
            "events": row["events"],
        }
        for row in rows
    ]


def _session_hours(start, end):
    minutes = int((datetime.combine(date.min, end) - datetime.combine(date.min, start)).total_seconds() // 60)
    return Decimal(max(minutes, 0)) / Decimal(60)


def attended_rows(pages, *, year=None, state_code=None):
    """[{"state", "state_name", "year", "category", "people", "hours"}] for events that have ended.

    people: registrations marked present at one session or more (a person at two events counts
    at each); hours: the length of every session each of them was marked present at, summed
    (training hours). Two queries whatever the number of events, people and sessions.
    """
    events = _held_events(pages, year, state_code).values("pk")
    people = (
        Registration.objects.filter(page__in=events, attendance__status=Attendance.Status.PRESENT)
        .order_by()
        .annotate(year=ExtractYear("page__start_date"))
        .values("page__state__code", "page__state__name", "year", "category")
        .annotate(people=Count("pk", distinct=True))
    )
    rows = {
        (row["page__state__code"] or "", row["year"], row["category"]): {
            "state": row["page__state__code"] or "",
            "state_name": row["page__state__name"] or "",
            "year": row["year"],
            "category": row["category"],
            "people": row["people"],
            "hours": Decimal(0),
        }
        for row in people
    }
    # Attendance marks counted per session and category; the session's length is worked out here
    # (time arithmetic differs between databases), once per session, not per person.
    marks = (
        Attendance.objects.filter(registration__page__in=events, status=Attendance.Status.PRESENT)
        .order_by()
        .annotate(year=ExtractYear("registration__page__start_date"))
        .values(
            "registration__page__state__code",
            "year",
            "registration__category",
            "session__start_time",
            "session__end_time",
        )
        .annotate(marks=Count("pk"))
    )
    hours = defaultdict(Decimal)
    for row in marks:
        key = (row["registration__page__state__code"] or "", row["year"], row["registration__category"])
        hours[key] += _session_hours(row["session__start_time"], row["session__end_time"]) * row["marks"]
    for key, value in hours.items():
        if key in rows:
            rows[key]["hours"] = value.quantize(Decimal("0.01"))
    return list(rows.values())
