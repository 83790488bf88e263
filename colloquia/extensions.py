"""The Wagtail hooks through which other apps add to a colloquium's page form and registration forms.

colloquia defines and reads these hooks and imports none of the apps that register them
(the project's table of hooks is in core.extensions):

- `colloquium_event_panels` (EVENT_PANELS): fn() -> a list of Wagtail panels, shown in the
  colloquium page's content tab after "Registration". An app adds rows that belong to the
  event (an InlinePanel over its own model with a ParentalKey to "colloquia.ColloquiumPage"),
  so they are saved with the page's revisions, previewed, copied and published with it.
- `colloquium_registration_form_extensions` (REGISTRATION_FORMS): fn(page, data=None, files=None)
  -> a Django form shown in the event's registration form and its nomination-acceptance form,
  or None. Besides validating as any form does, it has
    `save(registration)`: called inside the transaction that saves the registration, once the
    registration row is saved, so both are saved or neither is;
    `discard()`: called when that transaction fails, to remove what `save` stored outside the
    database (files).
  A form with errors is shown again with everything the person entered (a browser cannot give
  a chosen file back, so the page asks for files again).
- `colloquium_co_organised_events` (CO_ORGANISED_EVENTS): fn(academies) -> the ids of the
  events that any of `academies` (an Academy queryset, not evaluated) organises although the
  event's page lies in another academy's section, as a subquery (`.values("page_id")`). An
  academy's section and its colloquium index list those events beside their own.
- `colloquium_event_sections` (EVENT_SECTIONS): fn(request, page=) -> a section (core.extensions)
  shown in the event page's side column under "Registration", or None. The page is cached only
  for anonymous visitors, so a section for signed-in people may be personal (a feedback link).
- `colloquium_event_sanction` (EVENT_SANCTION): fn(page) -> the amount sanctioned for the event
  as recorded where the money is kept (the support app's sanction), or None. The event page shows
  it instead of the figure the editor typed (`mha_support`); the function declares the page-cache
  tag that its record's saves bump (core.cache.depends_on), so the public page follows the record.
- `colloquium_event_admin_links` (EVENT_ADMIN_LINKS): fn(request, page) -> [{"label", "url"}]:
  the registrar's screens of that event in other apps (messages, registration answers, badges,
  the desk, the attendance grid), linked from the event's registrar screen in hook order. It is
  called only for a registrar of the event (or a platform administrator); each app still checks
  its own permission in its views and may return [] for a user who lacks it.
"""

from django.db.models import Q
from wagtail import hooks
from wagtail.admin.panels import ObjectList

EVENT_PANELS = "colloquium_event_panels"
REGISTRATION_FORMS = "colloquium_registration_form_extensions"
CO_ORGANISED_EVENTS = "colloquium_co_organised_events"
EVENT_SECTIONS = "colloquium_event_sections"
EVENT_ADMIN_LINKS = "colloquium_event_admin_links"
EVENT_SANCTION = "colloquium_event_sanction"


class PanelsFromHook(ObjectList):
    """The panels the functions registered for `hook_name` return, each shown as a section of the tab.

    Read when Wagtail first builds the page's edit handler (at run time, when every app's
    `wagtail_hooks` can be imported), not when models.py is imported.
    """

    def __init__(self, hook_name, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.hook_name = hook_name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "hook_name": self.hook_name}

    def on_model_bound(self):
        self.children = [panel for fn in hooks.get_hooks(self.hook_name) for panel in fn()]
        super().on_model_bound()


def registration_forms(page, data=None, files=None):
    """The forms other apps add to `page`'s registration (bound when `data` is given), in hook order."""
    found = []
    for fn in hooks.get_hooks(REGISTRATION_FORMS):
        form = fn(page, data=data, files=files)
        if form is not None:
            found.append(form)
    return found


def event_admin_links(request, page):
    """[{"label", "url"}]: the screens other apps give the registrar for `page`, in hook order."""
    return [link for fn in hooks.get_hooks(EVENT_ADMIN_LINKS) for link in fn(request, page)]


def all_valid(forms):
    """Validate every form (so each shows its errors), not only up to the first invalid one."""
    results = [form.is_valid() for form in forms]
    return all(results)


def forms_context(forms):
    """What the templates need to show these forms (colloquia/includes/extension_forms.html)."""
    return {
        "extension_forms": forms,
        "multipart": any(form.is_multipart() for form in forms),
        "has_errors": any(form.is_bound and form.errors for form in forms),
    }


def co_organised_filter(academies):
    """A filter on ColloquiumPage for the events other apps say `academies` co-organise, or None
    when no app registers the hook."""
    condition = None
    for fn in hooks.get_hooks(CO_ORGANISED_EVENTS):
        found = Q(pk__in=fn(academies))
        condition = found if condition is None else condition | found
    return condition


def mha_support(page):
    """What the event page says of the MHA support: {"amount": Decimal or None}, or None for none.

    The sanction recorded by another app (EVENT_SANCTION) comes first; otherwise the page's own
    `mha_supported` and `amount_sanctioned`, as the editor typed them."""
    for fn in hooks.get_hooks(EVENT_SANCTION):
        amount = fn(page)
        if amount is not None:
            return {"amount": amount}
    return {"amount": page.amount_sanctioned} if page.mha_supported else None
