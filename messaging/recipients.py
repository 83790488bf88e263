"""Who a message goes to: an event's registrations, narrowed by status, category and State/UT."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from colloquia.choices import Category, RegistrationStatus
from colloquia.records import Registration
from regions.models import State


@dataclass
class Audience:
    """The registrar's choice of recipients; an empty list means "any"."""

    statuses: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    states: list = field(default_factory=list)  # State/UT codes of the participants' profiles

    def registrations(self, page):
        """The matching registrations of `page`, by name; people whose account was closed are left out."""
        found = Registration.objects.filter(page=page).exclude(user__is_active=False)
        if self.statuses:
            found = found.filter(status__in=self.statuses)
        if self.categories:
            found = found.filter(category__in=self.categories)
        if self.states:
            found = found.filter(user__state__code__in=self.states)
        return found.select_related("user").order_by("name", "pk")

    def describe(self):
        """The choice in words, for the delivery log."""
        parts = []
        if self.statuses:
            labels = ", ".join(str(RegistrationStatus(value).label) for value in self.statuses)
            parts.append(_("Status: %(statuses)s") % {"statuses": labels})
        if self.categories:
            labels = ", ".join(str(Category(value).label) for value in self.categories)
            parts.append(_("Category: %(categories)s") % {"categories": labels})
        if self.states:
            names = dict(State.objects.filter(code__in=self.states).values_list("code", "name"))
            labels = ", ".join(names.get(code, code) for code in self.states)
            parts.append(_("State/UT: %(states)s") % {"states": labels})
        return "; ".join(parts) or _("Everyone registered, whatever their status")


def state_choices(page):
    """The States/UTs of the event's registrants (only those can be chosen), by name."""
    states = State.objects.filter(pk__in=Registration.objects.filter(page=page).values("user__state")).order_by("name")
    return [(state.code, state.name) for state in states]


def category_choices(page):
    """The event's audience categories, and any other category someone is registered under."""
    present = set(page.audience_roles()) | set(
        Registration.objects.filter(page=page).values_list("category", flat=True).distinct()
    )
    return [(value, label) for value, label in Category.choices if value in present]
