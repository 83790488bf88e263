"""Sections other pages show (settings.extensions): home, academy page, "My learning"."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from academies.models import Academy
from core.extensions import learner_section
from core.translation import localize_pages

from .extensions import co_organised_filter
from .models import ColloquiumIndexPage, ColloquiumPage, Registration, RegistrationStatus
from .services import calendar_feed, summaries, with_waitlist_position

UPCOMING_LIMIT = 4


def _upcoming():
    return (
        ColloquiumPage.originals.live()
        .public()
        .filter(end_date__gte=timezone.localdate())
        .select_related("academy", "state")
        .order_by("start_date", "title")
    )


def home_upcoming(request, **kwargs):
    events = localize_pages(_upcoming()[:UPCOMING_LIMIT])
    if not events:
        return None
    index = ColloquiumIndexPage.originals.live().filter(depth=3).first()
    return {
        "template": "colloquia/sections/upcoming.html",
        "heading": _("Upcoming colloquia"),
        "events": events,
        "more_url": index.url if index else "",
    }


def academy_upcoming(request, academy=None, **kwargs):
    if academy is None:
        return None
    own = Q(academy=academy)
    co_organised = co_organised_filter(Academy.objects.filter(pk=academy.pk))
    events = localize_pages(_upcoming().filter(own if co_organised is None else own | co_organised)[:UPCOMING_LIMIT])
    index = ColloquiumIndexPage.originals.live().child_of(academy.page).first() if academy.page_id else None
    if not events and index is None:
        return None
    return {
        "template": "colloquia/sections/upcoming.html",
        "heading": _("Colloquia of the %(academy)s") % {"academy": academy.name},
        "events": events,
        "more_url": index.url if index else "",
        "empty": _("No colloquia are scheduled at the moment."),
    }


def my_colloquia(request, **kwargs):
    return learner_section(
        request, "colloquia", "colloquia/sections/my_colloquia.html", lambda: _my_registrations(request)
    )


def _my_registrations(request):
    user = request.user
    registrations = list(
        with_waitlist_position(Registration.objects.filter(user=user))
        .select_related("page", "page__academy")
        .prefetch_related("page__sessions")
        .order_by("-page__start_date")
    )
    if not registrations:
        return None
    today = timezone.localdate()
    rows = []
    for registration in registrations:
        page = registration.page
        summary = summaries(page, [registration])[registration.pk] if page.start_date <= today else None
        rows.append(
            {
                "registration": registration,
                "page": page,
                "summary": summary,
                "can_withdraw": registration.status
                in (RegistrationStatus.PENDING, RegistrationStatus.APPROVED, RegistrationStatus.WAITLISTED)
                and page.end_date >= today,
            }
        )
    feed = calendar_feed(user)
    return {
        "rows": rows,
        "feed_url": request.build_absolute_uri(reverse("colloquia:personal_feed", args=[feed.token])),
    }
