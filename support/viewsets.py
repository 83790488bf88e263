"""The list of support records: a Wagtail ModelViewSet index with filters (State/UT, year,
stage) and CSV/XLSX downloads through core.csv_export. Keepers see their academies' records;
MHA reviewers and platform administrators see every State's. Only the index exists here: a
record's own screens are in views.py."""

from collections import OrderedDict

import django_filters
from django import forms
from django.db.models import DecimalField, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from core.csv_export import SafeSpreadsheetExportMixin
from core.formatting import format_rupees
from core.viewsets import ListingOnlyViewSetMixin
from regions.models import State

from . import services
from .choices import GFR_FORM
from .models import SupportRecord

STAGES = [
    ("proposal", gettext_lazy("Proposal")),
    ("sanctioned", gettext_lazy("Sanctioned")),
    ("signed", gettext_lazy("Certificate signed")),
]


def stage(record):
    if record.locked:
        return _("Certificate signed (version %(number)s)") % {"number": record.version}
    if record.sanctioned:
        if record.version == 1:
            return _("Sanctioned")
        return _("Sanctioned, correction (version %(number)s)") % {"number": record.version}
    return _("Proposal")


class SupportRecordFilterSet(WagtailFilterSet):
    state = django_filters.ModelChoiceFilter(
        field_name="event__state", queryset=State.objects.order_by("name"), label=gettext_lazy("State/UT")
    )
    year = django_filters.ChoiceFilter(
        method="filter_year", label=gettext_lazy("Year of the event"), empty_label=gettext_lazy("All")
    )
    stage = django_filters.ChoiceFilter(
        choices=STAGES,
        method="filter_stage",
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
        label=gettext_lazy("Stage"),
    )

    class Meta:
        model = SupportRecord
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = SupportRecord.objects.dates("event__start_date", "year", order="DESC")
        self.filters["year"].extra["choices"] = [(str(day.year), str(day.year)) for day in years]

    def filter_year(self, queryset, name, value):
        return queryset.filter(event__start_date__year=int(value)) if value else queryset

    def filter_stage(self, queryset, name, value):
        if value == "signed":
            return queryset.filter(signed_at__isnull=False)
        if value == "sanctioned":
            return queryset.filter(signed_at__isnull=True, sanction_amount__isnull=False)
        if value == "proposal":
            return queryset.filter(sanction_amount__isnull=True)
        return queryset


def _budget_total(record):
    return record.budget_total


EXPORT_COLUMNS = (
    ("event", gettext_lazy("Event"), lambda r: r.event.title),
    ("academy", gettext_lazy("Academy"), lambda r: r.academy.name),
    ("state", gettext_lazy("State/UT"), lambda r: r.event.state.name if r.event.state_id else ""),
    ("start_date", gettext_lazy("Event starts"), lambda r: r.event.start_date),
    ("form", gettext_lazy("UC form"), lambda r: GFR_FORM[r.grantee_kind]),
    ("proposed", gettext_lazy("Budget proposed (Rs)"), _budget_total),
    ("sanction_order", gettext_lazy("Sanction order"), lambda r: r.sanction_order_number),
    ("sanction_date", gettext_lazy("Sanction date"), lambda r: r.sanction_date),
    ("sanctioned", gettext_lazy("Sanctioned (Rs)"), lambda r: r.sanction_amount),
    ("spent", gettext_lazy("Spent (Rs)"), lambda r: r.spent),
    (
        "balance",
        gettext_lazy("Balance to return (Rs)"),
        lambda r: (r.sanction_amount - r.spent) if r.sanctioned else None,
    ),
    ("stage", gettext_lazy("Stage"), stage),
    ("version", gettext_lazy("Version"), lambda r: r.version),
    ("signed_at", gettext_lazy("Signed"), lambda r: r.signed_at),
)


class SupportRecordIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    page_title = gettext_lazy("MHA support records")
    default_ordering = "-event__start_date"
    template_name = "support/admin/index.html"

    def get_base_queryset(self):
        return services.visible_records(self.request.user).annotate(
            spent=Coalesce(Sum("expenditure__amount"), Value(0), output_field=DecimalField())
        )

    def get_filename(self):
        return "support-records"

    @cached_property
    def list_export(self):
        return [key for key, _heading, _value in EXPORT_COLUMNS]

    def get_heading(self, queryset, field):
        return str(next(heading for key, heading, _value in EXPORT_COLUMNS if key == field))

    def to_row_dict(self, item):
        return OrderedDict((key, value(item)) for key, _heading, value in EXPORT_COLUMNS)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "event",
                label=gettext_lazy("Event"),
                accessor=lambda r: r.event.title,
                get_url=lambda r: reverse("support_record", args=[r.pk]),
                sort_key="event__title",
            ),
            Column(
                "academy",
                label=gettext_lazy("Academy"),
                accessor=lambda r: r.academy.short_code,
                sort_key="academy__name",
            ),
            Column(
                "state",
                label=gettext_lazy("State/UT"),
                accessor=lambda r: r.event.state.name if r.event.state_id else "—",
            ),
            Column(
                "date",
                label=gettext_lazy("Event"),
                accessor=lambda r: date_format(r.event.start_date, "j M Y"),
                sort_key="event__start_date",
            ),
            Column(
                "sanctioned",
                label=gettext_lazy("Sanctioned"),
                accessor=lambda r: format_rupees(r.sanction_amount) if r.sanctioned else "—",
            ),
            Column("spent", label=gettext_lazy("Spent"), accessor=lambda r: format_rupees(r.spent)),
            Column("stage", label=gettext_lazy("Stage"), accessor=stage),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["may_open"] = services.keeper_academies(self.request.user).exists()
        return context


class SupportRecordViewSet(ListingOnlyViewSetMixin, ModelViewSet):
    model = SupportRecord
    name = "support_records"
    url_prefix = "support"
    icon = "doc-full"
    menu_label = gettext_lazy("MHA support")
    add_to_admin_menu = True
    menu_order = 265
    index_view_class = SupportRecordIndexView
    filterset_class = SupportRecordFilterSet
    search_fields = ["event__title", "academy__name", "sanction_order_number"]
    search_backend_name = None
    list_per_page = 50


support_record_viewset = SupportRecordViewSet()
