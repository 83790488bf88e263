"""The academy's contacts and nodal officers in the Wagtail admin: a ModelViewSet its editors keep.

Editors see and change only their own academies' rows (the academies.permissions policy
registered for Contact in wagtail_hooks; any other row answers 404); platform administrators
see all of them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from academies.permissions import AcademyScopedViewSetMixin

from .models import Contact


class ContactIndexView(generic.IndexView):
    def get_base_queryset(self):
        scoped = self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["change", "view"])
        return scoped.select_related("academy", "state")


class ContactViewSet(AcademyScopedViewSetMixin, ModelViewSet):
    model = Contact
    name = "interstate_contacts"
    url_prefix = "interstate/contacts"
    icon = "group"
    menu_label = _("Contacts and nodal officers")
    add_to_admin_menu = True
    menu_order = 270
    list_display = ["name", "designation", "kind", "state", "academy", "updated_at"]
    list_filter = ["kind", "state"]
    search_fields = ["name", "designation", "office"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = ContactIndexView
