"""The catalogue: filtering the modules a catalogue page lists, their academies and topics."""

from django.db.models import Q
from taggit.models import Tag

from academies.models import Academy
from core.cache import memoize


def academies_by_module(modules):
    """{module pk: Academy or None}: the academy whose section holds each of `modules` (one query).

    Only the academies on the modules' own paths are read, each module's found by its ancestors'
    paths: the work follows the modules shown, not the number of academies.
    """
    modules = list(modules)
    ancestors = {m.pk: [m.path[: m.steplen * depth] for depth in range(1, m.depth)] for m in modules}
    wanted = {path for paths in ancestors.values() for path in paths}
    by_path = {a.page.path: a for a in Academy.objects.filter(page__path__in=wanted).select_related("page")}
    return {pk: next((by_path[p] for p in paths if p in by_path), None) for pk, paths in ancestors.items()}


def catalogue_topics():
    """Topics that at least one module carries, for the catalogue filter (kept under the content generation)."""
    return memoize(
        "courses.topics",
        lambda: list(Tag.objects.filter(courses_coursepagetopic_items__isnull=False).distinct().order_by("name")),
    )


def catalogue_modules(index_page, *, role="", topic="", state="", query=""):
    """Live modules for a catalogue page, filtered, by title: a queryset, so that one page of it costs
    the same however many modules match. Under an academy: its children; otherwise every module
    (`CourseIndexPage.live_modules()`)."""
    modules = index_page.live_modules()
    if topic:
        modules = modules.filter(topics__slug=topic)  # tag slugs are unique: one row per module
    if query:
        modules = modules.filter(Q(title__icontains=query) | Q(summary__icontains=query) | Q(outcomes__icontains=query))
    if state:
        # Keep modules of academies serving the State, of national academies, and national modules.
        elsewhere = Academy.objects.filter(page__isnull=False, is_national=False).exclude(states__code=state)
        for path in elsewhere.values_list("page__path", flat=True):
            modules = modules.exclude(path__startswith=path)
    if role:
        # Audience is a short JSON list of role values; an empty one is open to every role. The role
        # is matched in the list's JSON text, quotes included, as JSONField `contains` is not
        # available on SQLite.
        modules = modules.filter(Q(audience=[]) | Q(audience__icontains=f'"{role}"'))
    return modules.order_by("title", "pk")
