from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Academy
from .services import scope_role_queue


class AcademyViewSet(SnippetViewSet):
    model = Academy
    icon = "group"
    menu_label = _("Academies")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "short_code", "high_court", "is_national"]
    list_filter = ["is_national", "states"]
    search_fields = ["name", "short_code"]


register_snippet(AcademyViewSet)


# --- What this app adds to shared pages and features (the Colloquium hooks: see core.extensions) ---
# Registrars verify the roles of users in the States/UTs their academies serve.
hooks.register("colloquium_role_queue_scope", scope_role_queue)


@hooks.register("colloquium_page_cache_models")
def page_cache_models():
    return ["academies.Academy", "academies.Signatory"]
