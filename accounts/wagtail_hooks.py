from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .middleware import is_platform_admin


@hooks.register("register_admin_urls")
def register_role_queue_urls():
    return [
        path("roles/", admin_views.role_queue, name="accounts_role_queue"),
        path("roles/<int:user_id>/decide/", admin_views.role_decide, name="accounts_role_decide"),
    ]


class RoleQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("accounts.verify_role")


@hooks.register("register_admin_menu_item")
def register_role_queue_menu_item():
    return RoleQueueMenuItem(_("Role verification"), reverse("accounts_role_queue"), icon_name="user", order=250)


@hooks.register("construct_reports_menu")
def hide_site_history_from_academy_staff(request, menu_items):
    if not is_platform_admin(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action("colloquium.role_verified", _("Verify role"), _("Role verified"))
    actions.register_action("colloquium.role_rejected", _("Reject role"), _("Role rejected"))
    actions.register_action("colloquium.account_anonymised", _("Anonymise account"), _("Account anonymised"))
    actions.register_action("colloquium.groups_changed", _("Change staff groups"), _("Group membership changed"))
