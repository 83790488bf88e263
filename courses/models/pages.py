"""The content side of a training module: catalogue, module and lessons (edited in Wagtail; the question bank
is in questions.py). Each page builds its own context; the rules it applies are in courses.services."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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
from wagtail.models import Page, PageManager
from wagtail.search import index

from academies.services import academy_for_page
from accounts.roles import Role
from core.cache import memoize
from core.editing import PublishSafePageForm
from core.extensions import collect_sections
from core.learner_pages import learner_page
from core.pagination import paginate
from core.routing import RestrictionsFromCacheMixin
from core.translation import DefaultLanguagePageManager
from regions.services import states_by_name

from .. import lesson_cache, services
from ..blocks import LessonStreamBlock
from ..questions import ReviewAnswers
from ..records import Enrolment

MODULES_PER_PAGE = 12
# The hook other apps use to show a section under a lesson: fn(request, lesson=, module=) -> section or None.
LESSON_SECTIONS = "colloquium_lesson_sections"

# What lists of lessons show and link to: kept small, since every view unpickles them.
LESSON_LIST_FIELDS = ("title", "slug", "path", "depth", "url_path", "live", "content_type", "locale", "required")


class CourseIndexPage(RestrictionsFromCacheMixin, Page):
    """The catalogue. Under the home page it lists every live module on the site; under an
    academy's page it lists that academy's own modules."""

    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()

    introduction = models.TextField(blank=True)

    base_form_class = PublishSafePageForm
    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage", "academies.AcademyPage"]
    subpage_types = ["courses.CoursePage"]

    @classmethod
    def national_catalogue(cls):
        """The catalogue of every module (the one right under the home page), or None."""
        return memoize("courses.national-catalogue", lambda: cls.originals.live().filter(depth=3).first())

    def live_modules(self):
        """The live modules this catalogue lists: under an academy its children, otherwise every module."""
        modules = CoursePage.originals.live()
        if academy_for_page(self) is not None:
            modules = modules.child_of(self)
        return modules

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = {
            "role": request.GET.get("role", "") if request.GET.get("role") in Role.values else "",
            "topic": request.GET.get("topic", "")[:100],
            "state": request.GET.get("state", "")[:4],
            "query": request.GET.get("q", "").strip()[:100],
        }
        modules = services.catalogue_modules(self, **filters).prefetch_related("topics")
        pagination = paginate(modules, request.GET, MODULES_PER_PAGE, path=request.path)
        modules = pagination.items
        academies = services.academies_by_module(modules)
        progress = {}
        if request.user.is_authenticated and modules:
            enrolments = list(Enrolment.objects.filter(user=request.user, module__in=modules).select_related("module"))
            by_enrolment = services.progress_for(enrolments)
            progress = {e.module_id: by_enrolment[e.pk] for e in enrolments}
        items = [
            {
                "module": m,
                "academy": academies.get(m.pk),
                "progress": progress.get(m.pk),
                "topics": m.topics.all(),  # from the prefetch: no query per module
                "audience": m.audience_labels,
            }
            for m in modules
        ]
        context.update(
            pagination=pagination,
            items=items,
            filters=filters,
            roles=[c for c in Role.choices if c[0] != Role.ACADEMY_STAFF],
            states=states_by_name(),
            topics=services.catalogue_topics(),
        )
        return context


class CoursePageTopic(TaggedItemBase):
    content_object = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_topics")


class CoursePageForm(PublishSafePageForm):
    """Audience as tick boxes, and the quiz settings checked against the question bank."""

    audience = forms.MultipleChoiceField(
        choices=[c for c in Role.choices if c[0] != Role.ACADEMY_STAFF],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=gettext_lazy("Audience"),
        help_text=gettext_lazy(
            "Verified roles that may enrol themselves. Leave all unticked to open it to every verified role."
        ),
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
                    _(
                        "The quiz draws %(drawn)s questions but the question bank has only %(bank)s. "
                        "Add questions or draw fewer."
                    )
                    % {"drawn": drawn, "bank": bank},
                )
        return cleaned


class CoursePage(RestrictionsFromCacheMixin, Page):
    """A training module: lessons are its children; its quiz bank is edited inline."""

    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()

    summary = models.TextField(help_text=gettext_lazy("Two or three sentences shown in the catalogue."))
    outcomes = models.TextField(
        gettext_lazy("learning outcomes"),
        blank=True,
        help_text=gettext_lazy("One outcome per line, e.g. 'Apply BNS 143 to the facts of a case'."),
    )
    audience = models.JSONField(default=list, blank=True)
    estimated_hours = models.DecimalField(max_digits=4, decimal_places=1, default=Decimal("2.0"))
    edition = models.CharField(
        max_length=40,
        blank=True,
        help_text=gettext_lazy("Edition or version label, e.g. '2026'."),
    )
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        help_text=gettext_lazy("Modules a learner must complete before enrolling in this one."),
    )
    gives_certificate = models.BooleanField(gettext_lazy("certificate on completion"), default=True)
    featured = models.BooleanField(default=False, help_text=gettext_lazy("Show on the home page."))
    topics = ClusterTaggableManager(through=CoursePageTopic, blank=True)

    pass_mark = models.PositiveSmallIntegerField(
        gettext_lazy("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        gettext_lazy("maximum attempts"), default=3, help_text=gettext_lazy("0 means unlimited.")
    )
    questions_drawn = models.PositiveSmallIntegerField(
        gettext_lazy("questions per attempt"),
        default=0,
        help_text=gettext_lazy("Drawn at random from the bank for each attempt. 0 means the module has no quiz."),
    )
    shuffle_options = models.BooleanField(default=True)
    review_answers = models.CharField(
        gettext_lazy("show right answers and explanations"),
        max_length=16,
        choices=ReviewAnswers.choices,
        default=ReviewAnswers.WHEN_FINISHED,
        help_text=gettext_lazy(
            "Learners always see their score and their own answers. Until this allows, they do not see "
            "which answers were right, the feedback or the legal basis."
        ),
    )
    quiz_after_lessons = models.BooleanField(
        gettext_lazy("quiz opens only when the required lessons are done"),
        default=False,
        help_text=gettext_lazy("Learners who have not completed every required lesson are told which ones remain."),
    )
    minimum_minutes = models.PositiveIntegerField(
        gettext_lazy("minimum time (minutes)"),
        default=0,
        help_text=gettext_lazy("Time a learner must spend on the module. 0 for none."),
    )
    quiz_time_limit = models.PositiveSmallIntegerField(
        gettext_lazy("quiz time limit (minutes)"),
        default=0,
        help_text=gettext_lazy(
            "Time from the start of an attempt to its end, including any break after “Finish later”. "
            "When it runs out the attempt is graded with the answers saved so far. 0 for no limit."
        ),
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
                FieldRowPanel([FieldPanel("minimum_minutes"), FieldPanel("quiz_time_limit")]),
            ],
            heading=gettext_lazy("Quiz and completion"),
        ),
        InlinePanel("questions", heading=gettext_lazy("Question bank"), label=gettext_lazy("Question")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=gettext_lazy("Content")),
            ObjectList(quiz_panels, heading=gettext_lazy("Quiz")),
            ObjectList(Page.promote_panels, heading=gettext_lazy("Promote")),
            ObjectList(Page.settings_panels, heading=gettext_lazy("Settings")),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("outcomes")]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = gettext_lazy("training module")

    @property
    def outcome_list(self):
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]

    @property
    def audience_labels(self):
        return [str(Role(r).label) for r in self.audience if r in Role.values]

    @property
    def has_quiz(self):
        return self.questions_drawn > 0

    def live_lessons(self):
        """This module's live lessons in tree order, without their bodies (listed by
        `courses.services.lessons_for`, which keeps them under the content generation)."""
        return LessonPage.objects.live().only(*LESSON_LIST_FIELDS).order_by("path").child_of(self)

    @classmethod
    def live_lessons_by_module(cls, modules):
        """{module pk: [live lessons in order]} for many modules in one query (`courses.services.lessons_by_module`)."""
        result = {m.pk: [] for m in modules}
        by_path = {m.path: m.pk for m in modules}
        condition = Q()
        for m in modules:
            condition |= Q(path__startswith=m.path, depth=m.depth + 1)
        for lesson in LessonPage.objects.live().only(*LESSON_LIST_FIELDS).order_by("path").filter(condition):
            result[by_path[lesson.path[: -Page.steplen]]].append(lesson)
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lessons = services.lessons_for(self)
        enrolment = services.get_enrolment(request.user, self)
        context.update(
            lessons=lessons,
            enrolment=enrolment,
            academy=academy_for_page(self),
            review_rule=services.review_rule(self),
            # Filtered in Python: a preview or revision holds a modelcluster FakeQuerySet without .live().
            prerequisites=[p for p in self.prerequisites.all() if p.live],
        )
        if enrolment:
            progress = services.progress_of(enrolment, lessons)
            context.update(
                progress=progress,
                quiz=services.quiz_state(enrolment, progress=progress),
                missing=services.completion_missing(enrolment, progress),
                best_score=services.best_scores([enrolment]).get(enrolment.pk),
            )
        else:
            context["refusals"] = services.enrolment_refusals(request.user, self)
        return context


class LessonPage(RestrictionsFromCacheMixin, Page):
    """One lesson of a module, read in tree order."""

    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()

    content_note = models.TextField(
        blank=True,
        help_text=gettext_lazy(
            "Warning about distressing material, shown before the lesson body. Leave empty if none."
        ),
    )
    body = StreamField(LessonStreamBlock())
    required = models.BooleanField(
        default=True,
        help_text=gettext_lazy("Must be completed for the module to be complete."),
    )

    base_form_class = PublishSafePageForm
    content_panels = Page.content_panels + [FieldPanel("content_note"), FieldPanel("body"), FieldPanel("required")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    def get_module(self):
        """The module this lesson belongs to (its parent page, as a CoursePage; see `courses.services.module_of`)."""
        return CoursePage.objects.get(path=self.path[: -self.steplen])

    def serve(self, request, *args, **kwargs):
        # Kept whole per learner while their records and the content stay as they are
        # (core.learner_pages); a visit served from there still counts the time on the module.
        return learner_page(
            request,
            f"lesson.{self.pk}.{self.live_revision_id}",
            lambda: super(LessonPage, self).serve(request, *args, **kwargs),
            on_hit=lambda: services.lesson_visited(request.user, self),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        module = services.module_of(self)
        lessons = services.lessons_for(module)
        position = next((i for i, item in enumerate(lessons) if item.pk == self.pk), None)
        number = None if position is None else position + 1
        context.update(
            module=module,
            lessons=lessons,
            position=number,
            previous_lesson=lessons[position - 1] if position else None,
            next_lesson=lessons[position + 1] if position is not None and position + 1 < len(lessons) else None,
            enrolment=None,
            # What every reader sees alike, from the cache; the rest of the context is this learner's.
            shared=lesson_cache.shared_lesson(request, self, module=module, position=number, lesson_count=len(lessons)),
        )
        if getattr(request, "is_preview", False):
            context["outline"], context["outline_quiz"] = services.module_outline(
                lessons, self, has_quiz=module.has_quiz
            )
            return context
        enrolment = services.get_enrolment(request.user, module)
        progress = quiz = None
        if enrolment:
            services.record_activity(enrolment)
            progress = services.shown_progress(enrolment, lessons)
            # The attempts' states: at most one query whatever the number of lessons, none on a repeat visit.
            quiz = services.shown_quiz_state(enrolment, progress) if module.has_quiz else None
            context.update(enrolment=enrolment, progress=progress, done=self.pk in progress.done_ids)
        # This reader's own outline, beside the shared (cached) part of the page and never inside it.
        context["outline"], context["outline_quiz"] = services.module_outline(
            lessons, self, has_quiz=module.has_quiz, progress=progress, quiz=quiz
        )
        # What other apps show under a lesson for this reader (the notes app: their private note).
        context["lesson_sections"] = collect_sections(LESSON_SECTIONS, request, lesson=self, module=module)
        return context
