from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Academy


class AcademyViewSet(SnippetViewSet):
    model = Academy
    icon = "group"
    menu_label = "Academies"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "short_code", "high_court", "is_national"]
    list_filter = ["is_national", "states"]
    search_fields = ["name", "short_code"]


register_snippet(AcademyViewSet)
