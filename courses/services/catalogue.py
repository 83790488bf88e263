"""The catalogue: filtering the modules a catalogue page lists, their academies and topics."""

from django.db.models import Q
from taggit.models import Tag

from academies.models import Academy
from core.cache import memoize


def academies_by_module(modules):
    """{module pk: Academy or None}: the academy whose section holds each module (one query)."""
    academies = list(Academy.objects.filter(page__isnull=False).select_related("page"))
    result = {}
    for m in modules:
        result[m.pk] = next((a for a in academies if m.path.startswith(a.page.path)), None)
    return result


def catalogue_topics():
    """Topics that at least one module carries, for the catalogue filter (kept under the content generation)."""
    return memoize(
        "courses.topics",
        lambda: list(Tag.objects.filter(courses_coursepagetopic_items__isnull=False).distinct().order_by("name")),
    )


def catalogue_modules(index_page, *, role="", topic="", state="", query=""):
    """Live modules for a catalogue page, filtered. Under an academy: its children; otherwise every module
    (`CourseIndexPage.live_modules()`)."""
    modules = index_page.live_modules()
    if topic:
        modules = modules.filter(topics__slug=topic)
    if query:
        modules = modules.filter(Q(title__icontains=query) | Q(summary__icontains=query) | Q(outcomes__icontains=query))
    if state:
        # Keep modules of academies serving the State, of national academies, and national modules.
        elsewhere = Academy.objects.filter(page__isnull=False, is_national=False).exclude(states__code=state)
        for path in elsewhere.values_list("page__path", flat=True):
            modules = modules.exclude(path__startswith=path)
    modules = list(modules.distinct().order_by("title").prefetch_related("topics"))
    if role:
        # Audience is a short JSON list; filtering it in Python works on every database.
        modules = [m for m in modules if not m.audience or role in m.audience]
    return modules
