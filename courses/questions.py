"""A module's question bank and its review options (edited inline on the module page)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from .blocks import OptionsBlock


class ReviewAnswers(models.TextChoices):
    """When learners see the right answers, feedback and legal basis of a submitted attempt
    (as Moodle's review options)."""

    EACH_ATTEMPT = "each_attempt", _("After each attempt")
    WHEN_FINISHED = "when_finished", _("Only after passing or using the last attempt")
    NEVER = "never", _("Never")


def normalise_answer(text):
    """Short answers match ignoring case and all spaces: ' 14  Years ' == '14years'."""
    return re.sub(r"\s+", "", str(text)).casefold()


class Question(Orderable):
    """A question in a module's bank. Single choice and true/false need exactly one correct option."""

    SINGLE, MULTIPLE, TRUE_FALSE, SHORT = "single", "multiple", "true_false", "short"
    KINDS = [
        (SINGLE, _("Single choice")),
        (MULTIPLE, _("Multiple choice (tick all that apply)")),
        (TRUE_FALSE, _("True or false")),
        (SHORT, _("Short answer")),
    ]

    module = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=12, choices=KINDS, default=SINGLE)
    text = models.TextField(_("question"))
    options = StreamField(
        OptionsBlock(), blank=True, help_text=_("For choice and true/false questions. Tick the correct ones.")
    )
    accepted_answers = models.TextField(
        blank=True, help_text=_("Short answer only: one accepted answer per line. Case and spaces are ignored.")
    )
    feedback = models.TextField(blank=True, help_text=_("Shown after submission (if the module shows feedback)."))
    basis = models.CharField(
        _("legal basis"),
        max_length=200,
        blank=True,
        help_text=_("Optional: the statute or case, e.g. 'BNS 143, Expl. 2'."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("options"),
        FieldPanel("accepted_answers"),
        FieldPanel("feedback"),
        FieldPanel("basis"),
    ]

    def __str__(self):
        return self.text[:80]

    @property
    def accepted_list(self):
        return [line.strip() for line in self.accepted_answers.splitlines() if line.strip()]

    def option_values(self):
        """[(option id, text, correct)] in the editor's order."""
        return [(child.id, child.value["text"], bool(child.value["correct"])) for child in self.options]

    def clean(self):
        super().clean()
        options = self.option_values()
        correct = sum(1 for _id, _text, ok in options if ok)
        if self.kind == self.SHORT:
            if not self.accepted_list:
                raise ValidationError(
                    {"accepted_answers": _("A short-answer question needs at least one accepted answer.")}
                )
            if options:
                raise ValidationError({"options": _("A short-answer question has no options; remove them.")})
            return
        if self.kind == self.TRUE_FALSE and len(options) != 2:
            raise ValidationError({"options": _("A true/false question needs exactly two options (True, False).")})
        if len(options) < 2:
            raise ValidationError({"options": _("Give at least two options.")})
        if self.kind in (self.SINGLE, self.TRUE_FALSE) and correct != 1:
            raise ValidationError({"options": _("Tick exactly one correct option.")})
        if self.kind == self.MULTIPLE and correct < 1:
            raise ValidationError({"options": _("Tick at least one correct option.")})
