from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from academies.permissions import AcademyScopedPermissionPolicy
from core.csv_export import listing_export_view

from . import admin_views, sections, services
from .records import Enrolment
from .viewsets import EnrolmentViewSet

# Editors and registrars see the enrolments of their academies' modules (platform administrators all).
register_permission_policy(
    Enrolment,
    AcademyScopedPermissionPolicy(
        Enrolment, scope=lambda user, qs: qs.filter(module__in=admin_views.scoped_modules(user))
    ),
)
learners = EnrolmentViewSet()


@hooks.register("register_admin_viewset")
def register_learner_list():
    return learners


@hooks.register("register_admin_urls")
def register_course_admin_urls():
    return [
        path("training/", admin_views.reports_index, name="courses_reports"),
        path("training/<int:module_id>/", admin_views.module_report, name="courses_module_report"),
        # The module's CSV before the learner list had its own downloads: the list's CSV, same columns.
        path(
            "training/<int:module_id>/enrolments.csv",
            listing_export_view(learners.index_view),
            name="courses_module_csv",
        ),
        path("training/<int:module_id>/enrol/", admin_views.bulk_enrol, name="courses_bulk_enrol"),
        path("training/learners/<int:user_id>/", admin_views.transcript, name="courses_transcript"),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.view_enrolment")


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(_("Training reports"), reverse("courses_reports"), icon_name="list-ul", order=260)


@hooks.register("register_log_actions")
def register_course_log_actions(actions):
    actions.register_action("colloquium.course_enrolled", _("Enrol in module"), _("Enrolled in module"))
    actions.register_action("colloquium.course_bulk_enrolled", _("Bulk enrol"), _("Learners bulk-enrolled"))
    actions.register_action("colloquium.module_completed", _("Complete module"), _("Module completed"))


# --- What this app adds to shared pages and features (the Colloquium hooks: see core.extensions) ---
hooks.register("colloquium_home_sections", sections.featured_section, order=20)
hooks.register("colloquium_academy_sections", sections.academy_section, order=10)
hooks.register("colloquium_dashboard_sections", sections.section, order=10)
hooks.register("colloquium_personal_data", services.export_personal_data, order=10)
