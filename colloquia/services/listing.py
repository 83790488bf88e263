"""Index pages: upcoming events, and past events in the archive by year.

The index lists the events that have not ended (upcoming and ongoing), soonest first; its archive
(`<index>archive/` and `<index>archive/<year>/`, routes of the index page) lists the events that
have ended, latest first. Both filter by State/UT, academy (the national index only) and kind,
and show one page at a time (core.pagination), with the years that have past events as links.
A national index lists every live public event; an academy's index lists its own.
"""

from urllib.parse import urlencode

from django.db.models import Case, IntegerField, Max, Q, When
from django.db.models.functions import ExtractYear
from django.utils import timezone

from academies.models import Academy, AcademyPage
from core.cache import memoize
from core.pagination import paginate
from regions.models import State

from ..choices import Kind
from ..extensions import co_organised_filter

EVENTS_PER_PAGE = 12
FILTER_KEYS = ("state", "academy", "year", "kind")


def listing_filters(params):
    """The filters as typed (stripped): State/UT code, academy short code, year, kind."""
    return {key: (params.get(key) or "").strip() for key in FILTER_KEYS}


def parse_year(value):
    """The year `value` names, or None: only a year a date can hold (1 to 9999, ASCII digits) counts."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and len(value) <= 4 and int(value) >= 1:
        return int(value)
    return None


def archived_year(params):
    """The year asked for on the index (`?year=`) when it is over: its events are all in the archive."""
    year = parse_year(params.get("year"))
    return year if year is not None and year < timezone.localdate().year else None


def is_national(index_page):
    """Whether `index_page` is the national calendar (not under an academy's page)."""
    parent = index_page.get_parent().specific_class
    return not (parent and issubclass(parent, AcademyPage))


def _filtered(events, filters, national):
    """`events` narrowed by the State/UT, academy and kind filters (the year is the caller's)."""
    if filters["state"]:
        events = events.filter(state__code=filters["state"])
    if filters["academy"] and national:
        own = Q(academy__short_code=filters["academy"])
        co_organised = co_organised_filter(Academy.objects.filter(short_code=filters["academy"]))
        events = events.filter(own if co_organised is None else own | co_organised)
    if filters["kind"] in Kind.values:
        events = events.filter(kind=filters["kind"])
    return events


def _years(events, today):
    """(years with upcoming or ongoing events, years with past events), latest first, in one query."""
    rows = (
        events.order_by()
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(
            upcoming=Max(Case(When(end_date__gte=today, then=1), default=0, output_field=IntegerField())),
            past=Max(Case(When(end_date__lt=today, then=1), default=0, output_field=IntegerField())),
        )
        .order_by("-year")
    )
    rows = list(rows)
    return [row["year"] for row in rows if row["upcoming"]], [row["year"] for row in rows if row["past"]]


def _organising_academies(events):
    """The academies that organise or co-organise any of `events`, by name: the academy filter's
    choices (an academy that only co-organises is one too; its filter lists those events)."""
    ids = set(events.values_list("academy", flat=True))
    others = Academy.objects.exclude(pk__in=ids)
    co_organised = co_organised_filter(others)
    if co_organised is None or not events.filter(co_organised).exists():
        return list(Academy.objects.filter(pk__in=ids).order_by("name"))  # the usual case: one query more
    for academy in others.only("pk"):
        co_organised = co_organised_filter(Academy.objects.filter(pk=academy.pk))
        if co_organised is not None and events.filter(co_organised).exists():
            ids.add(academy.pk)
    return list(Academy.objects.filter(pk__in=ids).order_by("name"))


def _common(index_page, params):
    """What the index and its archive share: the events before the year filter, the filter choices."""
    filters = listing_filters(params)
    national = is_national(index_page)
    everything = index_page.live_events()  # the one `public()` query, reused by every list below
    if not national:
        # An academy's index lists its own events and those it co-organises (the
        # colloquium_co_organised_events hook), each once.
        own = everything.child_of(index_page)
        co_organised = co_organised_filter(Academy.objects.filter(page_id=index_page.get_parent().pk))
        everything = own if co_organised is None else own | everything.filter(co_organised)
    today = timezone.localdate()

    def filter_choices():
        upcoming_years, past_years = _years(everything, today)
        return {
            "states": list(State.objects.filter(pk__in=everything.values("state")).order_by("name")),
            "academies": _organising_academies(everything) if national else [],
            "upcoming_years": upcoming_years,
            "archive_years": past_years,
        }

    # What the filters offer reads every live event, and changes only when events are published,
    # moved or unpublished (each a new content generation) or the day turns: kept, so a page of
    # the calendar does not read all its events again for its menus.
    choices = memoize(f"colloquia.listing-choices.{index_page.pk}.{today.isoformat()}", filter_choices)
    index_url = index_page.url or ""
    kept = {key: value for key, value in filters.items() if value and key != "year"}
    return {
        "events": _filtered(everything, filters, national),
        "today": today,
        "context": {
            "filters": filters,
            "is_national": national,
            **choices,
            "kinds": Kind.choices,
            "index_url": index_url,
            "archive_url": index_url + index_page.reverse_subpage("archive"),
            # The State/UT, academy and kind chosen, for links to another year or back to the index.
            "filter_query": urlencode(kept),
            # The archive's address with those filters, for a link inside a translated sentence.
            "archive_link": index_url + index_page.reverse_subpage("archive") + (f"?{urlencode(kept)}" if kept else ""),
        },
    }


def upcoming_listing(index_page, params, *, path=""):
    """The index: events that have not ended, soonest first, one page of them; `?year=` narrows to a year."""
    common = _common(index_page, params)
    events = common["events"].filter(end_date__gte=common["today"])
    year = parse_year(common["context"]["filters"]["year"])
    if year is not None:
        events = events.filter(start_date__year=year)
    pagination = paginate(events.order_by("start_date", "title", "pk"), params, EVENTS_PER_PAGE, path=path)
    return {**common["context"], "pagination": pagination, "events": pagination.items, "year": year}


def archive_listing(index_page, params, *, year=None, path=""):
    """The archive: events that have ended, latest first, one page of them; of one year when `year` is given."""
    common = _common(index_page, params)
    events = common["events"].filter(end_date__lt=common["today"])
    if year is not None:
        events = events.filter(start_date__year=year)
    pagination = paginate(events.order_by("-start_date", "title", "pk"), params, EVENTS_PER_PAGE, path=path)
    return {**common["context"], "pagination": pagination, "events": pagination.items, "year": year}
