"""The inter-State channel: whom to call across States, and events several academies organise.

- `Contact`: a person an academy lists on its page, either one of its own contacts or the
  anti-human-trafficking nodal officer of a State/UT it serves. Kept by the academy's editors
  (a ModelViewSet scoped to their academies); shown only to verified users (services.py).
- `CoOrganiser`: another academy organising an event with the academy that owns its page (a
  border-region colloquium). A child row of the colloquium page, edited in the page's form
  through colloquia's `colloquium_event_panels` hook and published with the page.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from .forms import ContactForm


class ContactKind(models.TextChoices):
    ACADEMY = "academy", _("Academy contact")
    NODAL_OFFICER = "nodal_officer", _("Anti-human-trafficking nodal officer")


class Contact(models.Model):
    academy = models.ForeignKey("academies.Academy", on_delete=models.CASCADE, related_name="interstate_contacts")
    kind = models.CharField(max_length=20, choices=ContactKind.choices, default=ContactKind.ACADEMY)
    state = models.ForeignKey(
        "regions.State",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("State/UT"),
        help_text=_("For a nodal officer: the State/UT whose nodal officer this is (one the academy serves)."),
    )
    name = models.CharField(max_length=150)
    designation = models.CharField(max_length=160)
    office = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0, help_text=_("Lower numbers are listed first."))
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = ContactForm
    panels = [
        FieldPanel("academy"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("state")]),
        MultiFieldPanel([FieldPanel("name"), FieldPanel("designation"), FieldPanel("office")], heading=_("Who")),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("How to reach them")),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["academy", "kind", "state__name", "sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="nodal_officer") | models.Q(state__isnull=False),
                name="interstate_nodal_officer_has_state",
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.designation}"

    def clean(self):
        errors = {}
        if self.kind == ContactKind.NODAL_OFFICER and self.state_id is None:
            errors["state"] = gettext("Say which State/UT this nodal officer serves.")
        if self.kind == ContactKind.ACADEMY and self.state_id is not None:
            errors["state"] = gettext(
                "Only nodal officers belong to a State/UT; leave it empty for an academy contact."
            )
        academy = self.academy if self.academy_id else None
        if (
            self.state_id
            and academy is not None
            and not academy.is_national
            and not academy.states.filter(pk=self.state_id).exists()
        ):
            errors["state"] = gettext(
                "The %(academy)s does not serve this State/UT; list officers of the States it serves."
            ) % {"academy": academy.name}
        if not (self.phone or self.email):
            errors["phone"] = gettext("Give a phone number or an email address, so people can reach them.")
        if errors:
            raise ValidationError(errors)


class CoOrganiser(Orderable):
    """An academy organising the event with the academy whose section holds its page."""

    page = ParentalKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="co_organisers")
    academy = models.ForeignKey("academies.Academy", on_delete=models.CASCADE, related_name="co_organised_events")

    panels = [FieldPanel("academy")]

    # No unique constraint: modelcluster saves new rows before deleting removed ones, so an editor
    # swapping rows would hit it. services.organising_academies leaves repeats and the page's own
    # academy out.

    class Meta(Orderable.Meta):
        verbose_name = _("co-organising academy")

    def __str__(self):
        return str(self.academy)
