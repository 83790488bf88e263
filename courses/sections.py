"""Sections the courses app adds to shared pages (registered in wagtail_hooks.py; see core.extensions)."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from core.extensions import learner_section
from core.translation import localize_pages

from . import services
from .models import CourseIndexPage, CoursePage


def section(request, **kwargs):
    """'My learning': enrolled modules with progress, completed ones with date and score."""
    return learner_section(
        request, "courses", "courses/sections/dashboard.html", lambda: _learner_modules(request.user)
    )


def _learner_modules(user):
    enrolments = list(services.learner_enrolments(user))
    localize_pages([e.module for e in enrolments])  # each module's title in the reader's language
    scores = services.best_scores(enrolments)
    progress = services.progress_for(enrolments, best=scores)
    rows = [
        {"enrolment": e, "module": e.module, "progress": progress[e.pk], "score": scores.get(e.pk)} for e in enrolments
    ]
    return {
        "current": [row for row in rows if not row["enrolment"].completed_at],
        "completed": [row for row in rows if row["enrolment"].completed_at],
        "catalogue": CourseIndexPage.national_catalogue(),
    }


def featured_section(request, **kwargs):
    """Home page: modules editors marked as featured, else the newest."""
    modules = localize_pages(CoursePage.originals.live().order_by("-featured", "-first_published_at")[:3])
    if not modules:
        return None
    return {
        "template": "courses/sections/featured.html",
        "title": _("Featured modules"),
        "modules": modules,
        "catalogue": CourseIndexPage.national_catalogue(),
    }


ACADEMY_MODULES_SHOWN = 6


def academy_section(request, academy=None, **kwargs):
    """An academy's page: the first few modules of its section, and a link to its whole (paginated) catalogue."""
    if academy is None or academy.page_id is None:
        return None
    academy_page = Page.objects.get(pk=academy.page_id)
    modules = localize_pages(
        CoursePage.originals.live().descendant_of(academy_page).order_by("title", "pk")[:ACADEMY_MODULES_SHOWN]
    )
    if not modules:
        return None
    return {
        "template": "courses/sections/featured.html",
        "title": _("Training modules of %(academy)s") % {"academy": academy.short_code},
        "modules": modules,
        "catalogue": CourseIndexPage.originals.live().child_of(academy_page).first(),
    }
