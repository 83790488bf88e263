"""What this app adds to colloquia and the academies' pages (through the hooks they read) and to the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import InlinePanel
from wagtail.permissions import register_permission_policy

from academies.permissions import AcademyScopedPermissionPolicy
from academies.services import EDITOR, academies_for
from colloquia.extensions import CO_ORGANISED_EVENTS, EVENT_PANELS, EVENT_SECTIONS

from . import sections, services
from .models import Contact
from .viewsets import ContactViewSet


@hooks.register(EVENT_PANELS)
def co_organiser_panels():
    return [
        InlinePanel(
            "co_organisers",
            heading=_("Co-organising academies"),
            label=_("Academy"),
            help_text=_(
                "Academies of other States organising this event with yours (a border-region colloquium). "
                "The event is listed in each of their sections too, and counted once in the statistics."
            ),
        )
    ]


hooks.register(CO_ORGANISED_EVENTS, services.co_organised_event_ids)
hooks.register(EVENT_SECTIONS, sections.event_organisers, order=5)
hooks.register("colloquium_academy_sections", sections.academy_contacts, order=30)
hooks.register("colloquium_page_cache_tags", services.page_cache_tags)

# Editors keep their own academies' contacts; platform administrators every academy's.
register_permission_policy(
    Contact,
    AcademyScopedPermissionPolicy(Contact, scope=lambda user, qs: qs.filter(academy__in=academies_for(user, EDITOR))),
)


@hooks.register("register_admin_viewset")
def register_contacts():
    return ContactViewSet()
