from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, reminders, services


@hooks.register("register_admin_urls")
def register_messaging_urls():
    return admin_views.admin_urls()


class RegistrarMenuItem(MenuItem):
    def is_shown(self, request):
        return services.is_a_registrar(request.user)


@hooks.register("register_admin_menu_item")
def register_messaging_menu_item():
    return RegistrarMenuItem(
        gettext_lazy("Messages to participants"), reverse("messaging_events"), icon_name="mail", order=265
    )


@hooks.register("register_log_actions")
def register_messaging_log_actions(actions):
    actions.register_action(
        services.ACTION_SENT,
        gettext_lazy("Send a message to participants"),
        gettext_lazy("Message sent to participants"),
    )
    actions.register_action(
        services.ACTION_RESENT,
        gettext_lazy("Send a message again"),
        gettext_lazy("Message sent again to failed recipients"),
    )
    actions.register_action(
        reminders.ACTION_CHANGED, gettext_lazy("Change event reminders"), gettext_lazy("Event reminders switched")
    )


# --- What this app adds to shared features (the Colloquium hooks: see core.extensions) ---
hooks.register("colloquium_personal_data", services.export_personal_data, order=50)


@hooks.register("colloquium_event_admin_links", order=20)
def event_admin_links(request, page):
    if not services.may_message(request.user, page):
        return []
    return [{"label": _("Messages and reminders"), "url": reverse("messaging_event", args=[page.pk])}]
