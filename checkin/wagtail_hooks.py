from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, sections, services
from .emails import e_ticket_attachment
from .personal_data import export_personal_data


@hooks.register("register_admin_urls")
def register_checkin_admin_urls():
    return [
        path("checkin/", admin_views.events, name="checkin_events"),
        path("checkin/<int:page_id>/badges/", admin_views.badges, name="checkin_badges"),
        path("checkin/<int:page_id>/badges/status.json", admin_views.badge_status, name="checkin_badge_status"),
        path("checkin/<int:page_id>/badges/<int:sheet_id>.pdf", admin_views.badge_sheet, name="checkin_badge_sheet"),
        path("checkin/<int:page_id>/attendance/", admin_views.attendance, name="checkin_attendance"),
        path("checkin/<int:page_id>/attendance.csv", admin_views.attendance_csv, name="checkin_attendance_csv"),
    ]


class RegistrarMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(services.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_checkin_menu_item():
    return RegistrarMenuItem(
        gettext_lazy("Check-in and badges"), reverse("checkin_events"), icon_name="tick", order=261
    )


# --- What this app adds to shared pages and features (the Colloquium hooks: see core.extensions) ---
hooks.register("colloquium_dashboard_sections", sections.my_e_tickets, order=45)
hooks.register("colloquium_personal_data", export_personal_data, order=45)
hooks.register("colloquium_registration_email_attachments", e_ticket_attachment)


@hooks.register("colloquium_staff_screen_prefixes")
def staff_screen_prefixes():
    # The check-in desk is a staff screen outside /admin/ (made for phones): two-factor applies there too.
    return ["/checkin/desk/"]


@hooks.register("colloquium_event_admin_links", order=30)
def event_admin_links(request, page):
    """The event's badges, check-in desk and attendance grid, from its registrar screen in colloquia."""
    if not services.may_run_desk(request.user, page):
        return []
    return [
        {"label": _("Name badges"), "url": reverse("checkin_badges", args=[page.pk])},
        {"label": _("Check-in desk"), "url": reverse("checkin:desk", args=[page.pk])},
        {"label": _("Attendance grid"), "url": reverse("checkin_attendance", args=[page.pk])},
    ]
