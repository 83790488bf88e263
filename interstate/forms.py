from wagtail.admin.forms import WagtailAdminModelForm

from academies.services import EDITOR, academies_for, acts_for_all


class ContactForm(WagtailAdminModelForm):
    """Editors list contacts only for the academies they edit."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not acts_for_all(for_user) and "academy" in self.fields:
            self.fields["academy"].queryset = academies_for(for_user, EDITOR)
            self.fields["academy"].empty_label = None
