"""Sections this app adds to shared pages (hooks colloquium_home_sections / colloquium_dashboard_sections)."""

from core.learner_pages import shows_own_records

from . import services
from .display import library_cards
from .models import ResourceIndexPage

RECENT_COUNT = 4


def recent_resources(request):
    """Home page: the newest approved resources."""
    index_page = ResourceIndexPage.originals.live().first()
    if index_page is None:
        return None
    resources = list(services.public_resources()[:RECENT_COUNT])
    if not resources:
        return None
    return {
        "template": "resources/sections/recent.html",
        "resources": library_cards(resources, index_page),
        "index_page": index_page,
    }


def my_submissions(request):
    """Dashboard: a CSO member's submissions with status and notes; a moderator's queue size."""
    user = request.user
    section = {"template": "resources/sections/dashboard.html"}
    organisation = services.organisation_of(user)
    if organisation is None and not user.is_staff:
        # Nothing to show (only staff moderate) until the person joins an organisation, which
        # resources.receivers announces: their "My learning" may be kept meanwhile.
        shows_own_records()
        return None
    if organisation is not None:
        section["organisation"] = organisation
        section["resources"] = list(services.submissions_of(organisation)[:10])
        section["gate"] = services.upload_gate(user)
    if services.moderated_academies(user).exists():
        section["queue_count"] = services.moderation_queue(user).count()
    if len(section) == 1:
        return None
    return section
