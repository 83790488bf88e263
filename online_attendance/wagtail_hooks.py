from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, services

IMPORT_ACTION = "colloquium.online_attendance_imported"


@hooks.register("register_admin_urls")
def register_online_attendance_urls():
    return [
        path("online-attendance/", admin_views.events, name="online_attendance_events"),
        path("online-attendance/<int:page_id>/", admin_views.event, name="online_attendance_event"),
        path("online-attendance/import/<int:import_id>/", admin_views.report_view, name="online_attendance_import"),
        path(
            "online-attendance/import/<int:import_id>/columns/", admin_views.mapping, name="online_attendance_mapping"
        ),
        path("online-attendance/import/<int:import_id>/match/", admin_views.match, name="online_attendance_match"),
        path(
            "online-attendance/import/<int:import_id>/unmatch/", admin_views.unmatch, name="online_attendance_unmatch"
        ),
        path(
            "online-attendance/import/<int:import_id>/confirm/", admin_views.confirm, name="online_attendance_confirm"
        ),
        path(
            "online-attendance/import/<int:import_id>/discard/", admin_views.discard, name="online_attendance_discard"
        ),
    ]


class RegistrarMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(services.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_online_attendance_menu_item():
    return RegistrarMenuItem(_("Online attendance"), reverse("online_attendance_events"), icon_name="globe", order=262)


@hooks.register("register_log_actions")
def register_online_attendance_log_actions(actions):
    actions.register_action(IMPORT_ACTION, _("Import online attendance"), _("Online attendance imported"))
