"""An event's feedback settings, the answers to its feedback form, and its knowledge tests.

Anonymity is built into the tables, not promised by the screens: `FeedbackResponse` and
`SessionRating` have no link to a person (no foreign key to the user or the registration) and
keep only the date of the answer; their primary keys are random UUIDs, so listing them in key
order shuffles them. `FeedbackReceipt` records that a person has answered an event (so they
answer once: a unique constraint) and holds nothing of what they said. Only when the academy
switched the event to named feedback before the form opened does a response carry the
respondent's name, and the form says so.

Knowledge tests are graded like a module quiz and are not anonymous: each take belongs to the
registration (and goes with it), but staff see only the means per participant category.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from colloquia.services import event_has_ended

DEFAULT_WINDOW_DAYS = 30
MAX_TEST_QUESTIONS = 30
RATING = [MinValueValidator(1), MaxValueValidator(5)]


def _rating_in_range(name):
    return Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": 1, f"{name}__lte": 5})


class FeedbackSetup(Orderable):
    """How an event collects feedback; an event without this row has the defaults (on, anonymous, 30 days).

    A child row of the colloquium page (at most one), edited in its form through colloquia's
    `colloquium_event_panels` hook, so it is saved with the page's revisions.
    """

    page = ParentalKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="feedback_setup")
    collect_feedback = models.BooleanField(
        default=True, help_text=_("Ask participants for feedback when the event's last session ends.")
    )
    window_days = models.PositiveSmallIntegerField(
        _("feedback open for (days)"),
        default=DEFAULT_WINDOW_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("The form closes this many days after the last session ends."),
    )
    named = models.BooleanField(
        _("named feedback"),
        default=False,
        help_text=_(
            "Keep each respondent's name with their answers (the form tells them). "
            "Anonymous unless ticked; it can be changed only until the form opens."
        ),
    )
    test_module = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("knowledge test from module"),
        help_text=_(
            "Optional: participants take a test from this module's question bank before the first "
            "session and again after the last one; the feedback report shows the gain."
        ),
    )
    test_questions = models.PositiveSmallIntegerField(
        _("questions in the test"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TEST_QUESTIONS)],
        help_text=_(
            "Taken from the start of the module's question bank (all of them if it has fewer); "
            "the same questions before and after."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("collect_feedback"), FieldPanel("named"), FieldPanel("window_days")]),
        FieldRowPanel([PageChooserPanel("test_module", "courses.CoursePage"), FieldPanel("test_questions")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("feedback setting")

    def __str__(self):
        return f"Feedback of {self.page_id}"

    def clean(self):
        super().clean()
        # Anonymous or named is fixed once the form opens: people who answered were told one thing.
        stored = FeedbackSetup.objects.filter(pk=self.pk).values_list("named", flat=True).first() if self.pk else False
        if bool(stored) != self.named and self.page_id and feedback_has_opened(self.page):
            if stored:
                message = _("The feedback form has opened, so it stays as participants were told it is (named).")
            else:
                message = _("The feedback form has opened, so it stays as participants were told it is (anonymous).")
            raise ValidationError({"named": message})


def feedback_has_opened(page):
    """Whether the event's feedback form has opened (its last counted session has ended) or has answers."""
    return event_has_ended(page) or FeedbackResponse.objects.filter(page_id=page.pk).exists()


class FeedbackResponse(models.Model):
    """One person's answers to an event's feedback form, without the person.

    No foreign key to a user or registration; `submitted_on` is a date, not a time; the random
    primary key orders responses in no particular order. `respondent_name` is filled only for
    events that collect named feedback.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="+")
    submitted_on = models.DateField(default=timezone.localdate)
    overall_usefulness = models.PositiveSmallIntegerField(validators=RATING)
    to_change = models.TextField(_("what to change"), blank=True)
    topics_wanted = models.TextField(_("topics wanted next"), blank=True)
    respondent_name = models.CharField(max_length=160, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(overall_usefulness__gte=1, overall_usefulness__lte=5), name="feedback_usefulness_1_to_5"
            )
        ]

    def __str__(self):
        return f"Feedback on {self.page_id} ({self.submitted_on})"


class SessionRating(models.Model):
    """A response's ratings of one session (each 1–5, or empty: not rated)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(FeedbackResponse, on_delete=models.CASCADE, related_name="ratings")
    # The session's uid, which survives agenda edits; the title as it was when rated.
    session_uid = models.UUIDField(db_index=True)
    session_title = models.CharField(max_length=255)
    relevance = models.PositiveSmallIntegerField(null=True, blank=True, validators=RATING)
    clarity = models.PositiveSmallIntegerField(null=True, blank=True, validators=RATING)
    speaker = models.PositiveSmallIntegerField(_("resource person"), null=True, blank=True, validators=RATING)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["response", "session_uid"], name="feedback_session_rated_once"),
            models.CheckConstraint(
                condition=_rating_in_range("relevance") & _rating_in_range("clarity") & _rating_in_range("speaker"),
                name="feedback_session_ratings_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.session_title}: {self.relevance}/{self.clarity}/{self.speaker}"


class FeedbackReceipt(models.Model):
    """That a person has answered an event's feedback form: nothing of what they said.

    The unique constraint makes "once per person" hold under concurrent submissions.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "user"], name="feedback_answered_once")]

    def __str__(self):
        return f"User {self.user_id} answered {self.page_id}"


class FeedbackReminder(models.Model):
    """That a person was sent the reminder to give feedback on an event (once each)."""

    page = models.ForeignKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    queued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "user"], name="feedback_reminded_once")]

    def __str__(self):
        return f"Feedback reminder to {self.user_id} for {self.page_id}"


class TestStage(models.TextChoices):
    PRE = "pre", _("Before the event")
    POST = "post", _("After the event")


class KnowledgeTestTake(models.Model):
    """A participant's pre- or post-event knowledge test: the questions as asked, the answers, the score."""

    registration = models.ForeignKey("colloquia.Registration", on_delete=models.CASCADE, related_name="knowledge_tests")
    stage = models.CharField(max_length=4, choices=TestStage.choices)
    questions = models.JSONField(default=list)  # the courses quiz engine's snapshot, with the right answers
    answers = models.JSONField(default=dict)
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    taken_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "stage"], name="feedback_test_once_per_stage"),
            models.CheckConstraint(condition=Q(correct__lte=models.F("total")), name="feedback_test_score_in_range"),
        ]

    def __str__(self):
        return f"{self.get_stage_display()} test of registration {self.registration_id}"

    @property
    def percent(self):
        return 100 * self.correct / self.total if self.total else 0.0
