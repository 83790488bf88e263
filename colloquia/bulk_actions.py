"""Bulk decisions on an event's registrations, through Wagtail's bulk actions (the list's checkboxes).

Approve, reject and move to the waiting list, each after a confirmation page with an optional
note for the email. Each person goes through the registration services as a single decision
would (quotas respected: an approval with no place free puts the person on the waiting list),
and the emails are queued for the task worker (services.in_background). Only registrations of
the registrar's own academies are acted on: ids of others are left out and the refusal logged;
a request with none of theirs is answered 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.permissions import policy_registry

from accounts.audit import log_refusal

from . import services
from .records import Registration
from .registrar_forms import NoteForm

PERMISSION = "colloquia.change_registration"


class RegistrationBulkAction(BulkAction):
    models = [Registration]
    form_class = NoteForm
    template_name = "colloquia/admin/bulk_action.html"
    question = ""  # "Approve these registrations?"
    button = ""  # the confirmation button's label

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            log_refusal(request, "registrations bulk action", "missing permission")
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def _registrations(self):
        # Only explicit ids: "select all in listing" would reach beyond the filters the registrar sees.
        wanted = {value for value in self.request.GET.getlist("id") if value.isdigit()}
        policy = policy_registry.get_by_type(Registration)
        scoped = policy.instances_user_has_any_permission_for(self.request.user, ["change"])
        found = list(scoped.filter(pk__in=wanted).select_related("page").order_by("name", "pk"))
        if len(found) < len(wanted):
            log_refusal(self.request, f"registrations {sorted(wanted)}", "outside the user's academies or missing")
        if not found:
            raise Http404
        return found

    def get_actionable_objects(self):
        return self._registrations, {"items_with_no_access": []}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "question": self.question, "button": self.button}

    def get_execution_context(self):
        return {"view": self}

    @classmethod
    def act(cls, registration, *, by, note):
        raise NotImplementedError

    @classmethod
    def execute_action(cls, objects, view=None, **kwargs):
        note = view.cleaned_form.cleaned_data["note"]
        view.outcomes, view.refusals = [], []
        with services.in_background():
            for registration in objects:
                try:
                    view.outcomes.append(cls.act(registration, by=view.request.user, note=note))
                except services.Refused as refusal:
                    view.refusals.append(_("%(name)s: %(reason)s") % {"name": registration.name, "reason": refusal})
        return len(view.outcomes), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        for refusal in self.refusals:
            messages.error(self.request, refusal)
        if not self.outcomes:
            return None
        counts = {}
        for registration in self.outcomes:
            label = registration.get_status_display().lower()
            counts[label] = counts.get(label, 0) + 1
        summary = "; ".join(
            _("%(count)s %(status)s") % {"count": count, "status": label} for label, count in counts.items()
        )
        return _("%(summary)s. Each person is being emailed.") % {"summary": summary}


class ApproveBulkAction(RegistrationBulkAction):
    display_name = gettext_lazy("Approve")
    action_type = "approve"
    aria_label = gettext_lazy("Approve the selected registrations")
    action_priority = 10
    question = gettext_lazy("Approve these registrations?")
    button = gettext_lazy("Yes, approve")

    @classmethod
    def act(cls, registration, *, by, note):
        return services.decide(registration, approve=True, by=by, note=note)


class RejectBulkAction(RegistrationBulkAction):
    display_name = gettext_lazy("Reject")
    action_type = "reject"
    aria_label = gettext_lazy("Reject the selected registrations")
    action_priority = 20
    classes = {"serious"}
    question = gettext_lazy("Reject these registrations?")
    button = gettext_lazy("Yes, reject")

    @classmethod
    def act(cls, registration, *, by, note):
        return services.decide(registration, approve=False, by=by, note=note)


class WaitlistBulkAction(RegistrationBulkAction):
    display_name = gettext_lazy("Move to the waiting list")
    action_type = "waitlist"
    aria_label = gettext_lazy("Move the selected registrations to the waiting list")
    action_priority = 30
    question = gettext_lazy("Move these people to the end of the waiting list?")
    button = gettext_lazy("Yes, move them")

    @classmethod
    def act(cls, registration, *, by, note):
        return services.move_to_waitlist(registration, by=by, note=note)


BULK_ACTIONS = [ApproveBulkAction, RejectBulkAction, WaitlistBulkAction]
