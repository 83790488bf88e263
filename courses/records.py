"""Learner data: enrolments, lesson progress and quiz attempts. Plain models with constraints, never pages."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    SELF, CSV, COHORT, DEMO = "self", "csv", "cohort", "demo"
    SOURCES = [
        (SELF, _("Self-enrolled")),
        (CSV, _("Registrar (CSV)")),
        (COHORT, _("Registrar (cohort)")),
        (DEMO, _("Demo data")),
    ]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    module = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="enrolments")
    source = models.CharField(max_length=10, choices=SOURCES, default=SELF)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    # Time on the module, counted from lesson and quiz views no more than 30 minutes apart.
    seconds_spent = models.PositiveIntegerField(default=0)
    last_seen_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-enrolled_at"]
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="courses_one_enrolment_per_module")]
        indexes = [models.Index(fields=["module", "completed_at"])]

    def __str__(self):
        return f"{self.user} in {self.module.title}"

    @property
    def is_complete(self):
        return self.completed_at is not None


class LessonProgress(models.Model):
    """A lesson the learner marked complete. Rows are only ever added, so progress never goes back."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["completed_at"]
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["enrolment", "lesson"], name="courses_lesson_done_once")]

    def __str__(self):
        return f"{self.enrolment.user}: {self.lesson_id}"


class Attempt(models.Model):
    """One quiz attempt. `questions` is the server-side snapshot drawn at the start (including the
    correct answers, which are never rendered before submission); `answers` what the learner sent:
    while the attempt is in progress, the answers saved so far (never graded until submission)."""

    IN_PROGRESS, SUBMITTED = "in_progress", "submitted"
    STATUSES = [(IN_PROGRESS, _("In progress")), (SUBMITTED, _("Submitted"))]

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=STATUSES, default=IN_PROGRESS)
    questions = models.JSONField(default=list)
    answers = models.JSONField(default=dict, blank=True)
    results = models.JSONField(default=dict, blank=True)
    correct_count = models.PositiveSmallIntegerField(null=True, blank=True)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # When the answers were last saved ("Save", "Finish later", or the page's script on each change).
    saved_at = models.DateTimeField(null=True, blank=True)
    # Set at the start when the module has a time limit: past it the attempt is graded as saved.
    deadline = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["enrolment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "number"], name="courses_attempt_number_unique"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100), name="courses_score_is_percent"
            ),
            models.CheckConstraint(
                condition=(Q(status="in_progress", finished_at__isnull=True, passed__isnull=True))
                | Q(status="submitted", finished_at__isnull=False, passed__isnull=False, score__isnull=False),
                name="courses_attempt_submitted_is_graded",
            ),
        ]

    def __str__(self):
        return f"Attempt {self.number} by {self.enrolment.user}"

    @property
    def is_submitted(self):
        return self.status == self.SUBMITTED
