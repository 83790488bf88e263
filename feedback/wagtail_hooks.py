"""What this app adds to colloquia (through the hooks colloquia reads), to "My learning" and to the admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import InlinePanel

from colloquia.extensions import EVENT_PANELS, EVENT_SECTIONS

from . import sections, services, views


@hooks.register(EVENT_PANELS)
def feedback_panels():
    return [
        InlinePanel(
            "feedback_setup",
            heading=_("Feedback and knowledge tests"),
            label=_("Feedback settings"),
            max_num=1,
            help_text=_(
                "Without settings the event asks attendees for anonymous feedback for 30 days after its "
                "last session, and sets no knowledge test. Add settings to change that."
            ),
        )
    ]


hooks.register(EVENT_SECTIONS, sections.event_section)
hooks.register("colloquium_dashboard_sections", sections.my_feedback, order=25)
hooks.register("colloquium_personal_data", services.personal_data, order=47)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("feedback/", views.report_events, name="feedback_events"),
        path("feedback/<int:page_id>/", views.report, name="feedback_report"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.has_report_role(request.user)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return ReportMenuItem(_("Feedback"), reverse("feedback_events"), icon_name="comment", order=262)
