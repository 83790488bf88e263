"""Index pages: upcoming and past events, filtered by State/UT, academy, year and kind."""

from django.utils import timezone

from academies.models import Academy, AcademyPage
from regions.models import State

from ..choices import Kind


def index_listing(index_page, params):
    """Upcoming and past events for an index page, filtered by State/UT, academy, year and kind.

    Every live public event for the national index; an academy's index lists its own
    (`index_page.live_events()` gives the events the listing starts from).
    """
    parent = index_page.get_parent().specific_class
    pages = index_page.live_events()
    national = not (parent and issubclass(parent, AcademyPage))
    if not national:
        pages = pages.child_of(index_page)
    filters = {key: (params.get(key) or "").strip() for key in ("state", "academy", "year", "kind")}
    if filters["state"]:
        pages = pages.filter(state__code=filters["state"])
    if filters["academy"] and national:
        pages = pages.filter(academy__short_code=filters["academy"])
    # Only a year a date can hold (1 to 9999, ASCII digits) filters; any other value lists every year.
    year = filters["year"]
    if year.isascii() and year.isdigit() and len(year) <= 4 and int(year) >= 1:
        pages = pages.filter(start_date__year=int(year))
    if filters["kind"] in Kind.values:
        pages = pages.filter(kind=filters["kind"])
    today = timezone.localdate()
    years = sorted({d.year for d in index_page.live_events().values_list("start_date", flat=True)}, reverse=True)
    return {
        "upcoming": list(pages.filter(end_date__gte=today).order_by("start_date", "title")),
        "past": list(pages.filter(end_date__lt=today).order_by("-start_date", "title")),
        "filters": filters,
        "is_national": national,
        "states": State.objects.filter(pk__in=index_page.live_events().values("state")).order_by("name"),
        "academies": Academy.objects.filter(pk__in=index_page.live_events().values("academy")) if national else [],
        "years": years,
        "kinds": Kind.choices,
    }
