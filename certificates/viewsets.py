"""The certificate register in the Wagtail admin: a ModelViewSet of certificates.

Registrars see their academies' certificates (platform administrators all of them, national
ones included) through the academies.permissions policy registered for Certificate in
wagtail_hooks. Search by name or serial; filter by kind, status, event or module, State and
date of issue; CSV and XLSX through core.csv_export, with the columns (and names) the register's
CSV has always had. Each certificate opens on its own page (revoke, re-issue): admin_views.detail.
"""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.permissions import policy_registry

from core.csv_export import ExportColumnsMixin, named_columns
from core.viewsets import ListingOnlyViewSetMixin
from regions.models import State

from .models import Certificate, Kind, SourceKind

# The register's CSV columns as they have always been, for spreadsheets built on them.
EXPORT_COLUMNS = (
    ("serial", lambda c: c.serial),
    ("kind", lambda c: c.kind),
    ("status", lambda c: c.status),
    ("recipient_name", lambda c: c.recipient_name),
    ("recipient_name_devanagari", lambda c: c.recipient_name_devanagari),
    ("designation", lambda c: c.designation),
    ("court_or_office", lambda c: c.court_or_office),
    ("state", lambda c: c.state.name if c.state_id else ""),
    ("title", lambda c: c.title),
    ("programme", lambda c: c.programme),
    ("start_date", lambda c: c.start_date),
    ("end_date", lambda c: c.end_date),
    ("hours", lambda c: c.hours),
    ("score", lambda c: c.score),
    ("academy_code", lambda c: c.academy_code),
    ("issued_at", lambda c: c.issued_at),
    ("revoked_at", lambda c: c.revoked_at),
    ("revoked_reason", lambda c: c.revoked_reason),
    ("superseded_by", lambda c: c.superseded_by.serial if c.superseded_by_id else ""),
    ("verify_url", lambda c: c.verify_url),
)


def scoped_certificates(user):
    """The certificates `user` may see in the register (the permission policy's answer)."""
    policy = policy_registry.get_by_type(Certificate)
    return policy.instances_user_has_any_permission_for(user, ["view"])


class CertificateFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"), choices=Kind.choices, widget=forms.RadioSelect, empty_label=gettext_lazy("Any kind")
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=Certificate.STATUSES,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("Any status"),
    )
    source = django_filters.ChoiceFilter(
        label=gettext_lazy("Event or module"), method="filter_source", empty_label=gettext_lazy("Any")
    )
    state = django_filters.ChoiceFilter(
        field_name="state__code", label=gettext_lazy("State/UT"), empty_label=gettext_lazy("Any State/UT"), choices=()
    )
    issued_from = django_filters.DateFilter(
        field_name="issued_at", lookup_expr="date__gte", label=gettext_lazy("Issued from"), widget=AdminDateInput
    )
    issued_to = django_filters.DateFilter(
        field_name="issued_at", lookup_expr="date__lte", label=gettext_lazy("Issued to"), widget=AdminDateInput
    )

    class Meta:
        model = Certificate
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The events and modules of the certificates this user may see, in one query.
        sources = (
            scoped_certificates(self.request.user)
            .order_by("source_kind", "title")
            .values_list("source_kind", "source_id", "title")
            .distinct()
        )
        self.filters["source"].extra["choices"] = [
            (f"{kind}:{pk}", f"{title} ({SourceKind(kind).label})")  # noqa: INT001 - not a msgid
            for kind, pk, title in sources
        ]
        self.filters["state"].extra["choices"] = list(State.objects.order_by("name").values_list("code", "name"))

    def filter_source(self, queryset, name, value):
        kind, _, pk = value.partition(":")
        return queryset.filter(source_kind=kind, source_id=int(pk)) if pk.isdigit() else queryset.none()


class RegisterIndexView(ExportColumnsMixin, generic.IndexView):
    page_title = gettext_lazy("Certificate register")
    default_ordering = "-issued_at"
    export_columns = named_columns(EXPORT_COLUMNS)

    def get_base_queryset(self):
        return scoped_certificates(self.request.user).select_related("academy", "state", "superseded_by")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "serial",
                label=gettext_lazy("Serial"),
                get_url=lambda c: reverse("certificates_admin_detail", args=[c.pk]),
                sort_key="serial",
            ),
            Column("recipient_name", label=gettext_lazy("Recipient"), sort_key="recipient_name"),
            Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display", sort_key="kind"),
            Column("title", label=gettext_lazy("Programme"), sort_key="title"),
            Column("state", label=gettext_lazy("State/UT"), accessor=lambda c: c.state.name if c.state_id else ""),
            Column("language", label=gettext_lazy("Language"), accessor="get_language_display", sort_key="language"),
            Column(
                "issued_at",
                label=gettext_lazy("Issued"),
                accessor=lambda c: date_format(c.issued_at, "d M Y"),
                sort_key="issued_at",
            ),
            Column(
                "status",
                label=gettext_lazy("Status"),
                accessor=lambda c: (
                    gettext("%(status)s by %(serial)s")
                    % {"status": c.get_status_display(), "serial": c.superseded_by.serial}
                    if c.superseded_by_id
                    else c.get_status_display()
                ),
                sort_key="status",
            ),
        ]

    def get_list_more_buttons(self, certificate):
        return []


class CertificateRegisterViewSet(ListingOnlyViewSetMixin, ModelViewSet):
    """The register: only the index (certificates are issued, revoked and re-issued by the services)."""

    model = Certificate
    name = "certificates_register"
    url_prefix = "certificates"
    icon = "doc-full"
    index_view_class = RegisterIndexView
    filterset_class = CertificateFilterSet
    search_fields = ["recipient_name", "serial"]
    search_backend_name = None
    list_per_page = 50
    export_filename = "certificates"

    def register_admin_url_finder(self):
        pass  # a certificate's own page is linked from the register; the audit log names it by serial
