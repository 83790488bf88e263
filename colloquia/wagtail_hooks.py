from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from academies.permissions import AcademyScopedPermissionPolicy
from academies.services import REGISTRAR, academies_for

from . import admin_places, admin_views, agenda, sections, services
from .bulk_actions import BULK_ACTIONS
from .materials import guard_document
from .models import Attendance, ColloquiumPage, Registration
from .viewsets import AttendanceViewSet, RegistrationViewSet

# Registrars see the registrations and attendance of their academies' events; national events
# (no academy) are for platform administrators, whom the policy lets see everything.
register_permission_policy(
    Registration,
    AcademyScopedPermissionPolicy(
        Registration, scope=lambda user, qs: qs.filter(page__academy__in=academies_for(user, REGISTRAR))
    ),
)
register_permission_policy(
    Attendance,
    AcademyScopedPermissionPolicy(
        Attendance, scope=lambda user, qs: qs.filter(registration__page__academy__in=academies_for(user, REGISTRAR))
    ),
)


@hooks.register("register_admin_viewset")
def register_participant_lists():
    return [RegistrationViewSet(), AttendanceViewSet()]


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_admin_urls")
def register_registrar_urls():
    return [
        path("colloquia/", admin_views.event_list, name="colloquia_events"),
        path("colloquia/<int:page_id>/", admin_views.event_detail, name="colloquia_event"),
        path(
            "colloquia/<int:page_id>/registrations/<int:registration_id>/decide/",
            admin_views.decide,
            name="colloquia_decide",
        ),
        path(
            "colloquia/<int:page_id>/registrations/<int:registration_id>/eligibility/",
            admin_views.override,
            name="colloquia_override",
        ),
        path("colloquia/<int:page_id>/nominations/", admin_views.nominations, name="colloquia_nominations"),
        path("colloquia/<int:page_id>/waiting-list/", admin_places.waiting_list, name="colloquia_waiting_list"),
        path("colloquia/<int:page_id>/register/", admin_places.register_on_behalf, name="colloquia_register_on_behalf"),
        path(
            "colloquia/<int:page_id>/registrations/<int:registration_id>/waiting-list-position/",
            admin_places.move_on_waitlist,
            name="colloquia_move_on_waitlist",
        ),
        path(
            "colloquia/<int:page_id>/registrations/<int:registration_id>/promote/",
            admin_places.promote,
            name="colloquia_promote",
        ),
        path(
            "colloquia/<int:page_id>/registrations/<int:registration_id>/resend-invitation/",
            admin_places.resend_invitation,
            name="colloquia_resend_invitation",
        ),
        path(
            "colloquia/<int:page_id>/sessions/<int:session_id>/attendance/",
            admin_views.attendance,
            name="colloquia_attendance",
        ),
        path(
            "colloquia/<int:page_id>/sessions/<int:session_id>/sign-in-sheet.pdf",
            admin_views.sign_in_sheet,
            name="colloquia_sign_in_sheet",
        ),
        path(
            "colloquia/<int:page_id>/sessions/<int:session_id>/room-screen/",
            admin_views.room_screen,
            name="colloquia_room_screen",
        ),
        path(
            "colloquia/<int:page_id>/sessions/<int:session_id>/room-screen/state/",
            admin_views.room_screen_state,
            name="colloquia_room_screen_state",
        ),
    ]


class RegistrarMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_registrar_menu_item():
    return RegistrarMenuItem(_("Colloquium registrations"), reverse("colloquia_events"), icon_name="date", order=260)


@hooks.register("before_serve_document")
def protect_participant_materials(document, request):
    return guard_document(document, request)


@hooks.register("after_copy_page")
def new_identities_for_copied_agenda(request, page, new_page):
    if isinstance(new_page.specific, ColloquiumPage):
        agenda.renew_session_uids(new_page)


@hooks.register("register_log_actions")
def register_colloquium_log_actions(actions):
    for action, label, message in [
        ("colloquium.registered", _("Register for a colloquium"), _("Registered for a colloquium")),
        ("colloquium.registration_approved", _("Approve registration"), _("Registration approved")),
        ("colloquium.registration_rejected", _("Reject registration"), _("Registration rejected")),
        ("colloquium.registration_withdrawn", _("Withdraw registration"), _("Registration withdrawn")),
        ("colloquium.registration_promoted", _("Promote from waiting list"), _("Promoted from the waiting list")),
        (
            "colloquium.quota_overridden",
            _("Give a place beyond the quota"),
            _("Given a place beyond the quota, with a reason"),
        ),
        ("colloquium.registration_waitlisted", _("Move to the waiting list"), _("Moved to the waiting list")),
        ("colloquium.waitlist_reordered", _("Reorder the waiting list"), _("Moved on the waiting list")),
        ("colloquium.registered_on_behalf", _("Register on someone's behalf"), _("Registered by the registrar")),
        ("colloquium.invitation_resent", _("Send an invitation again"), _("Invitation sent again")),
        ("colloquium.invitation_lapsed", _("Invitation lapsed"), _("Invitation lapsed unanswered")),
        ("colloquium.nominations_imported", _("Import nominations"), _("Nominations imported")),
        ("colloquium.invitation_accepted", _("Accept invitation"), _("Invitation accepted")),
        ("colloquium.invitation_declined", _("Decline invitation"), _("Invitation declined")),
        (
            "colloquium.account_from_invitation",
            _("Create account from invitation"),
            _("Account created from invitation"),
        ),
        ("colloquium.attendance_recorded", _("Record attendance"), _("Attendance recorded")),
        ("colloquium.checked_in", _("QR check-in"), _("Checked in by QR code")),
        ("colloquium.eligibility_override", _("Override eligibility"), _("Certificate eligibility overridden")),
        ("colloquium.agenda_revised", _("Revise agenda"), _("Agenda revised")),
    ]:
        actions.register_action(action, label, message)


# --- What this app adds to shared pages and features (the Colloquium hooks: see core.extensions) ---
hooks.register("colloquium_home_sections", sections.home_upcoming, order=10)
hooks.register("colloquium_academy_sections", sections.academy_upcoming, order=20)
hooks.register("colloquium_dashboard_sections", sections.my_colloquia, order=40)
hooks.register("colloquium_personal_data", services.export_personal_data, order=40)


@hooks.register("colloquium_page_cache_models")
def page_cache_models():
    return ["colloquia.AgendaRevision"]
