"""A module's learners in the Wagtail admin: a ModelViewSet of its enrolments.

The index lives under the module (`training/<module_id>/learners/`), for the editors and
registrars of the module's academy and platform administrators (academies.permissions policy,
registered for Enrolment in wagtail_hooks; another academy's staff are refused as the module
report refuses them). Search by name or email, filter by completion, how the learner was
enrolled, role and State; CSV and XLSX through core.csv_export, with the columns (and names)
the module's CSV has always had, so spreadsheets built on it keep working.
"""

import django_filters
from django import forms
from django.db.models import Count, Max, OuterRef, Subquery
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.roles import Role
from core.csv_export import ExportColumnsMixin, named_columns
from core.viewsets import ListingOnlyViewSetMixin
from regions.models import State

from . import services
from .admin_views import module_for_staff
from .records import Attempt, Enrolment, LessonProgress

# The module's CSV columns as they have always been: raw values, for spreadsheets built on them.
EXPORT_COLUMNS = (
    ("name", lambda e: e.user.full_name),
    ("email", lambda e: e.user.email),
    ("role", lambda e: e.user.role),
    ("state", lambda e: e.user.state.name if e.user.state_id else ""),
    ("source", lambda e: e.source),
    ("enrolled_at", lambda e: e.enrolled_at),
    ("lessons_done", lambda e: e.lessons_done),
    ("attempts", lambda e: e.attempt_count),
    ("best_score", lambda e: e.best_score),
    ("completed_at", lambda e: e.completed_at),
)


class EnrolmentFilterSet(WagtailFilterSet):
    completion = django_filters.ChoiceFilter(
        choices=[("complete", gettext_lazy("Complete")), ("in_progress", gettext_lazy("Not complete"))],
        method="filter_completion",
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
        label=gettext_lazy("Completion"),
    )
    source = django_filters.ChoiceFilter(
        choices=Enrolment.SOURCES,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
        label=gettext_lazy("Enrolled by"),
    )
    role = django_filters.ChoiceFilter(
        field_name="user__role", choices=Role.choices, label=gettext_lazy("Role"), empty_label=gettext_lazy("All")
    )
    state = django_filters.ModelChoiceFilter(
        field_name="user__state", queryset=State.objects.order_by("name"), label=gettext_lazy("State/UT")
    )

    class Meta:
        model = Enrolment
        fields = []

    def filter_completion(self, queryset, name, value):
        return queryset.filter(completed_at__isnull=value != "complete")


class LearnerIndexView(ExportColumnsMixin, generic.IndexView):
    page_title = gettext_lazy("Learners")
    default_ordering = "user__full_name"
    export_columns = named_columns(EXPORT_COLUMNS)

    def dispatch(self, request, *args, **kwargs):
        self.module, self.academy = module_for_staff(request, kwargs["module_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.module.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.module.pk])

    def get_page_subtitle(self):
        return self.module.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("courses_reports"), "label": _("Training reports")},
            {"url": reverse("courses_module_report", args=[self.module.pk]), "label": self.module.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_base_queryset(self):
        enrolments = Enrolment.objects.filter(module=self.module).select_related("user__state")
        if not self.is_export:
            return enrolments
        done = LessonProgress.objects.filter(enrolment=OuterRef("pk")).values("enrolment").annotate(n=Count("pk"))
        attempts = Attempt.objects.filter(enrolment=OuterRef("pk")).values("enrolment").annotate(n=Count("pk"))
        best = (
            Attempt.objects.filter(enrolment=OuterRef("pk"), passed=True)
            .values("enrolment")
            .annotate(best=Max("score"))
        )
        return enrolments.annotate(
            lessons_done=Subquery(done.values("n")),
            attempt_count=Subquery(attempts.values("n")),
            best_score=Subquery(best.values("best")),
        )

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "learner",
                label=_("Learner"),
                accessor="user.full_name",
                get_url=lambda e: reverse("courses_transcript", args=[e.user_id]),
                sort_key="user__full_name",
            ),
            Column("email", label=_("Email"), accessor="user.email", sort_key="user__email"),
            Column("role", label=_("Role"), accessor="user.get_role_display", sort_key="user__role"),
            Column("state", label=_("State/UT"), accessor=lambda e: e.user.state.name if e.user.state_id else ""),
            Column(
                "enrolled_at",
                label=_("Enrolled"),
                accessor=lambda e: f"{date_format(e.enrolled_at, 'd M Y')} ({e.get_source_display()})",
                sort_key="enrolled_at",
            ),
            Column("progress", label=_("Progress"), accessor=lambda e: f"{e.percent_done}%"),
            Column(
                "score",
                label=_("Best score"),
                accessor=lambda e: "—" if e.best_passing_score is None else f"{e.best_passing_score:.0f}%",
            ),
            Column(
                "completed_at",
                label=_("Completed"),
                accessor=lambda e: date_format(e.completed_at, "d M Y") if e.completed_at else "—",
                sort_key="completed_at",
            ),
        ]

    def get_table(self, object_list):
        if self.is_export:
            return super().get_table(object_list)
        enrolments = list(object_list)
        for enrolment in enrolments:
            enrolment.module = self.module
        progress = services.progress_for(enrolments)
        scores = services.best_scores(enrolments)
        for enrolment in enrolments:
            enrolment.percent_done = progress[enrolment.pk].percent
            enrolment.best_passing_score = scores.get(enrolment.pk)
        return super().get_table(enrolments)

    def get_list_more_buttons(self, enrolment):
        return []

    def get_filename(self):
        return f"module-{self.module.pk}-enrolments"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "module": self.module}


class EnrolmentViewSet(ListingOnlyViewSetMixin, ModelViewSet):
    """A module's enrolments: only the index (enrolments are made by enrolling, never edited as forms)."""

    model = Enrolment
    name = "courses_learners"
    url_prefix = "training"
    icon = "group"
    index_view_class = LearnerIndexView
    filterset_class = EnrolmentFilterSet
    search_fields = ["user__full_name", "user__email"]
    search_backend_name = None
    list_per_page = 50

    index_path = "<int:module_id>/learners/"

    def register_admin_url_finder(self):
        pass  # the audit log names enrolments without linking them (a learner's transcript links them all)
