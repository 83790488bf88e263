"""The content side of a training module: catalogue, module, question bank and lessons (all edited in Wagtail)."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from accounts.roles import Role
from core.editing import PublishSafePageForm
from core.routing import RestrictionsFromCacheMixin

from ..blocks import LessonStreamBlock, OptionsBlock


class CourseIndexPage(RestrictionsFromCacheMixin, Page):
    """The catalogue. Under the home page it lists every live module on the site; under an
    academy's page it lists that academy's own modules."""

    introduction = models.TextField(blank=True)

    base_form_class = PublishSafePageForm
    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage", "academies.AcademyPage"]
    subpage_types = ["courses.CoursePage"]

    def get_context(self, request, *args, **kwargs):
        from ..views import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context


class CoursePageTopic(TaggedItemBase):
    content_object = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_topics")


class CoursePageForm(PublishSafePageForm):
    """Audience as tick boxes, and the quiz settings checked against the question bank."""

    audience = forms.MultipleChoiceField(
        choices=[c for c in Role.choices if c[0] != Role.ACADEMY_STAFF],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Verified roles that may enrol themselves. Leave all unticked to open it to every verified role.",
    )

    def clean(self):
        cleaned = super().clean()
        drawn = cleaned.get("questions_drawn")
        formset = self.formsets.get("questions")
        if drawn and formset is not None:
            formset.is_valid()  # cleans each form so the ones marked for deletion are known
            bank = 0
            for form in formset.forms:
                if formset._should_delete_form(form) or (form.instance.pk is None and not form.has_changed()):
                    continue
                bank += 1
            if drawn > bank:
                self.add_error(
                    "questions_drawn",
                    f"The quiz draws {drawn} questions but the question bank has only {bank}. "
                    "Add questions or draw fewer.",
                )
        return cleaned


class ReviewAnswers(models.TextChoices):
    """When learners see the right answers, feedback and legal basis of a submitted attempt
    (as Moodle's review options)."""

    EACH_ATTEMPT = "each_attempt", "After each attempt"
    WHEN_FINISHED = "when_finished", "Only after passing or using the last attempt"
    NEVER = "never", "Never"


class CoursePage(RestrictionsFromCacheMixin, Page):
    """A training module: lessons are its children; its quiz bank is edited inline."""

    summary = models.TextField(help_text="Two or three sentences shown in the catalogue.")
    outcomes = models.TextField(
        "learning outcomes", blank=True, help_text="One outcome per line, e.g. 'Apply BNS 143 to the facts of a case'."
    )
    audience = models.JSONField(default=list, blank=True)
    estimated_hours = models.DecimalField(max_digits=4, decimal_places=1, default=Decimal("2.0"))
    edition = models.CharField(max_length=40, blank=True, help_text="Edition or version label, e.g. '2026'.")
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        help_text="Modules a learner must complete before enrolling in this one.",
    )
    gives_certificate = models.BooleanField("certificate on completion", default=True)
    featured = models.BooleanField(default=False, help_text="Show on the home page.")
    topics = ClusterTaggableManager(through=CoursePageTopic, blank=True)

    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)", default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField("maximum attempts", default=3, help_text="0 means unlimited.")
    questions_drawn = models.PositiveSmallIntegerField(
        "questions per attempt",
        default=0,
        help_text="Drawn at random from the bank for each attempt. 0 means the module has no quiz.",
    )
    shuffle_options = models.BooleanField(default=True)
    review_answers = models.CharField(
        "show right answers and explanations",
        max_length=16,
        choices=ReviewAnswers.choices,
        default=ReviewAnswers.WHEN_FINISHED,
        help_text="Learners always see their score and their own answers. Until this allows, they do not see "
        "which answers were right, the feedback or the legal basis.",
    )
    quiz_after_lessons = models.BooleanField(
        "quiz opens only when the required lessons are done",
        default=False,
        help_text="Learners who have not completed every required lesson are told which ones remain.",
    )
    minimum_minutes = models.PositiveIntegerField(
        "minimum time (minutes)", default=0, help_text="Time a learner must spend on the module. 0 for none."
    )

    base_form_class = CoursePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("outcomes"),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("estimated_hours"), FieldPanel("edition")]),
        FieldPanel("topics"),
        FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("gives_certificate"), FieldPanel("featured")]),
    ]
    quiz_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts"), FieldPanel("questions_drawn")]),
                FieldRowPanel([FieldPanel("shuffle_options"), FieldPanel("quiz_after_lessons")]),
                FieldPanel("review_answers", widget=forms.RadioSelect),
                FieldPanel("minimum_minutes"),
            ],
            heading="Quiz and completion",
        ),
        InlinePanel("questions", heading="Question bank", label="Question"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(quiz_panels, heading="Quiz"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("outcomes")]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = "training module"

    @property
    def outcome_list(self):
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]

    @property
    def audience_labels(self):
        return [str(Role(r).label) for r in self.audience if r in Role.values]

    @property
    def has_quiz(self):
        return self.questions_drawn > 0

    def get_context(self, request, *args, **kwargs):
        from ..views import module_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(request, self))
        return context


def normalise_answer(text):
    """Short answers match ignoring case and all spaces: ' 14  Years ' == '14years'."""
    return re.sub(r"\s+", "", str(text)).casefold()


class Question(Orderable):
    """A question in a module's bank. Single choice and true/false need exactly one correct option."""

    SINGLE, MULTIPLE, TRUE_FALSE, SHORT = "single", "multiple", "true_false", "short"
    KINDS = [
        (SINGLE, "Single choice"),
        (MULTIPLE, "Multiple choice (tick all that apply)"),
        (TRUE_FALSE, "True or false"),
        (SHORT, "Short answer"),
    ]

    module = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=12, choices=KINDS, default=SINGLE)
    text = models.TextField("question")
    options = StreamField(
        OptionsBlock(), blank=True, help_text="For choice and true/false questions. Tick the correct ones."
    )
    accepted_answers = models.TextField(
        blank=True, help_text="Short answer only: one accepted answer per line. Case and spaces are ignored."
    )
    feedback = models.TextField(blank=True, help_text="Shown after submission (if the module shows feedback).")
    basis = models.CharField(
        "legal basis", max_length=200, blank=True, help_text="Optional: the statute or case, e.g. 'BNS 143, Expl. 2'."
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
        correct = sum(1 for _, _, ok in options if ok)
        if self.kind == self.SHORT:
            if not self.accepted_list:
                raise ValidationError(
                    {"accepted_answers": "A short-answer question needs at least one accepted answer."}
                )
            if options:
                raise ValidationError({"options": "A short-answer question has no options; remove them."})
            return
        if self.kind == self.TRUE_FALSE and len(options) != 2:
            raise ValidationError({"options": "A true/false question needs exactly two options (True, False)."})
        if len(options) < 2:
            raise ValidationError({"options": "Give at least two options."})
        if self.kind in (self.SINGLE, self.TRUE_FALSE) and correct != 1:
            raise ValidationError({"options": "Tick exactly one correct option."})
        if self.kind == self.MULTIPLE and correct < 1:
            raise ValidationError({"options": "Tick at least one correct option."})


class LessonPage(RestrictionsFromCacheMixin, Page):
    """One lesson of a module, read in tree order."""

    content_note = models.TextField(
        blank=True, help_text="Warning about distressing material, shown before the lesson body. Leave empty if none."
    )
    body = StreamField(LessonStreamBlock())
    required = models.BooleanField(default=True, help_text="Must be completed for the module to be complete.")

    base_form_class = PublishSafePageForm
    content_panels = Page.content_panels + [FieldPanel("content_note"), FieldPanel("body"), FieldPanel("required")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        from ..views import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, self))
        return context
