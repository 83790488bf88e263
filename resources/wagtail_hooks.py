"""Admin: organisations (verified by academy staff), the audit-log actions, and a link to the moderation queue."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from academies.permissions import AcademyScopedPermissionPolicy, AcademyScopedViewSetMixin
from academies.services import MODERATOR, states_served_by

from . import sections, services
from .models import Organisation


def _organisations_in_served_states(user, queryset):
    states = states_served_by(user, MODERATOR)
    return queryset if states is None else queryset.filter(state__in=states)


class OrganisationViewSet(AcademyScopedViewSetMixin, SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations (CSOs)")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "state", "registration_number", "verified", "verified_at"]
    list_filter = ["verified", "state"]
    search_fields = ["name", "registration_number"]
    # Moderators verify organisations based in the States/UTs their academies serve
    # (a national academy's moderators, and platform administrators, all of them).


register_permission_policy(
    Organisation, AcademyScopedPermissionPolicy(Organisation, scope=_organisations_in_served_states)
)
register_snippet(OrganisationViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def stamp_organisation_verification(request, instance):
    """Record who verified an organisation (or withdrew verification), and when."""
    if isinstance(instance, Organisation):
        stamped = instance.verified_by_id is not None
        if instance.verified != stamped:
            # The form saved the tick; set_verified stamps who and when and writes the audit entry.
            Organisation.objects.filter(pk=instance.pk).update(verified=not instance.verified)
            services.set_verified(instance, instance.verified, request.user)


class ModerationQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return services.moderated_academies(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationQueueMenuItem(
        _("Resources to moderate"), reverse("resources:moderation_queue"), icon_name="tasks", order=265
    )


@hooks.register("register_log_actions")
def register_resource_log_actions(actions):
    actions.register_action("colloquium.resource_submitted", _("Submit resource"), _("Resource submitted"))
    actions.register_action("colloquium.resource_edited", _("Edit resource"), _("Resource edited (new version)"))
    actions.register_action("colloquium.resource_approve", _("Approve resource"), _("Resource approved"))
    actions.register_action("colloquium.resource_changes", _("Request changes"), _("Changes requested to resource"))
    actions.register_action("colloquium.resource_reject", _("Reject resource"), _("Resource rejected"))
    actions.register_action("colloquium.organisation_verified", _("Verify organisation"), _("Organisation verified"))
    actions.register_action(
        "colloquium.organisation_unverified", _("Unverify organisation"), _("Organisation unverified")
    )


# --- What this app adds to shared pages and features (the Colloquium hooks: see core.extensions) ---
hooks.register("colloquium_home_sections", sections.recent_resources, order=30)
hooks.register("colloquium_dashboard_sections", sections.my_submissions, order=30)
hooks.register("colloquium_personal_data", services.export_personal_data, order=30)


@hooks.register("colloquium_staff_screen_prefixes")
def staff_screen_prefixes():
    # The front-end moderation queue: staff need two-factor authentication there too. The check
    # compares addresses without their language prefix, so /hi/resources/moderation/ is covered.
    return ["/resources/moderation/"]


hooks.register("colloquium_page_cache_tags", services.page_cache_tags)
