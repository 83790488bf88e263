"""An event's own registration questions, and each participant's answers.

RegistrationQuestion rows are children of the colloquium page (a ParentalKey, as Wagtail's
form builder keeps its fields), so they are edited in the page's form, saved with its
revisions and copied with it. Answer rows belong to a registration and go with it (CASCADE);
a stored file is removed from storage when its answer is deleted (receivers.py).
"""

import os
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from resources.storage import private_storage

from .choices import CHOICE_KINDS, MAX_CHOICE_LENGTH, MAX_CHOICES, QuestionKind


def choice_lines(text):
    """The choices typed one per line: stripped, blank lines and repeats left out, in the order typed."""
    seen = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line and line not in seen:
            seen.append(line)
    return seen


class RegistrationQuestion(Orderable):
    """One question the event asks in its registration and nomination-acceptance forms."""

    page = ParentalKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="registration_questions")
    label = models.CharField(
        gettext_lazy("question"), max_length=255, help_text=gettext_lazy("As participants read it, e.g. “Travel mode”.")
    )
    kind = models.CharField(max_length=20, choices=QuestionKind.choices, default=QuestionKind.SHORT_TEXT)
    required = models.BooleanField(default=True, help_text=gettext_lazy("Untick to make the question optional."))
    help_text = models.CharField(max_length=500, blank=True, help_text=gettext_lazy("Shown under the question."))
    choices = models.TextField(
        blank=True,
        help_text=gettext_lazy("For single and multiple choice: one choice per line. Leave empty for other kinds."),
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("help_text"),
        FieldPanel("choices"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = gettext_lazy("registration question")

    def __str__(self):
        return self.label

    def choice_list(self):
        return choice_lines(self.choices)

    def clean(self):
        choices = self.choice_list()
        if self.kind in CHOICE_KINDS:
            if len(choices) < 2:
                raise ValidationError({"choices": _("Give at least two choices, one per line.")})
            if len(choices) > MAX_CHOICES:
                raise ValidationError({"choices": _("At most %(max)s choices.") % {"max": MAX_CHOICES}})
            too_long = next((choice for choice in choices if len(choice) > MAX_CHOICE_LENGTH), None)
            if too_long:
                raise ValidationError(
                    {
                        "choices": _("“%(choice)s…” is longer than %(max)s characters.")
                        % {"choice": too_long[:40], "max": MAX_CHOICE_LENGTH}
                    }
                )
        elif choices:
            raise ValidationError({"choices": _("Only single and multiple choice questions have choices.")})


def answer_file_name(instance, filename):
    """A random name; the person's (sanitised) file name is kept only in the database."""
    extension = os.path.splitext(filename)[1].lower()[:6]
    return f"registration-answers/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{extension}"


class Answer(models.Model):
    """A participant's answer to one question, as given when they registered or accepted.

    The question as it was asked (its label and kind) is kept with the answer: removing or
    changing a question later leaves the answers already given readable.
    """

    registration = models.ForeignKey(
        "colloquia.Registration", on_delete=models.CASCADE, related_name="question_answers"
    )
    question = models.ForeignKey(
        RegistrationQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    question_label = models.CharField(max_length=255)
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    # Text, a list of choices, an ISO date ("2026-03-14") or true/false; null for a file.
    value = models.JSONField(null=True, blank=True)
    file = models.FileField(storage=private_storage, upload_to=answer_file_name, max_length=200, blank=True)
    file_name = models.CharField(
        max_length=120, blank=True, help_text=gettext_lazy("The sanitised name the person gave the file.")
    )
    content_type = models.CharField(max_length=120, blank=True, help_text=gettext_lazy("Detected from the content."))
    size = models.PositiveBigIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]  # saved in the order the questions are asked
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"],
                condition=Q(question__isnull=False),
                name="registration_answer_once_per_question",
            ),
            models.CheckConstraint(
                condition=Q(kind=QuestionKind.FILE, value__isnull=True) | (~Q(kind=QuestionKind.FILE) & Q(file="")),
                name="registration_answer_file_only_for_file_questions",
            ),
        ]

    def __str__(self):
        return f"{self.question_label}: registration {self.registration_id}"

    @property
    def inline(self):
        """Whether the browser may show the file (PDF, images) rather than download it."""
        return self.content_type in {"application/pdf", "image/png", "image/jpeg"}

    def participant_url(self):
        return reverse("registration_questions:file", kwargs={"pk": self.pk, "name": self.file_name})

    def registrar_url(self):
        return reverse("registration_questions_file", kwargs={"pk": self.pk, "name": self.file_name})
