"""An event's participant lists in the Wagtail admin: its registrations and its attendance records.

Each is a Wagtail ModelViewSet whose index lives under the event (`colloquia/<page_id>/...`),
for the registrars of the event's academy (and platform administrators): another academy's
registrar gets a 404, other staff Wagtail's "no permission" redirect. Both use the academy
permission policy (academies.permissions) registered for their model in wagtail_hooks. Search,
filters and ordering are Wagtail's; the CSV and XLSX downloads go through core.csv_export.

The registration download has every participant field; other apps add columns with the hook
`colloquium_registration_export_columns`: fn(event_page) -> [(heading, fn(registration) -> value)].
Each function is called once per download, so it loads what its columns need for the whole event
there (one query, not one per row).
"""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, ButtonsColumnMixin, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from core.csv_export import ExportColumnsMixin
from core.formatting import hours_phrase
from core.viewsets import ListingOnlyViewSetMixin
from regions.models import HighCourt, State

from . import services
from .admin_views import registrar_event
from .choices import Category, RegistrationStatus
from .records import AgendaSession, Attendance, Registration

S = RegistrationStatus
EXPORT_COLUMNS_HOOK = "colloquium_registration_export_columns"


class EventListViewSet(ListingOnlyViewSetMixin, ModelViewSet):
    """A listing of one event's rows: only the index (and its results fragment), under the event's URL.

    The rows are made by the registration services, never edited as forms, so there are no
    add, edit, copy or delete views.
    """

    url_prefix = "colloquia"
    segment = ""  # e.g. "registrations": the index is at colloquia/<page_id>/registrations/
    search_backend_name = None  # Django's ORM (icontains), as the rows are not in the search index

    @property
    def index_path(self):
        return f"<int:page_id>/{self.segment}/"

    @property
    def url_finder_class(self):
        # Where the audit log links a row: the event's list, searched for the person.
        index_url_name = self.get_url_name("index")
        search_email = self.search_email

        class EventListURLFinder(ModelAdminURLFinder):
            def construct_edit_url(self, instance):
                page_id, email = search_email(instance)
                return reverse(index_url_name, args=[page_id]) + "?" + urlencode({"q": email})

        return EventListURLFinder


class RowTitleColumn(ButtonsColumnMixin, TitleColumn):
    """The first column: the person's name, with the row's own actions beside it (the view's list buttons)."""

    def __init__(self, name, *, view, **kwargs):
        super().__init__(name, get_url=lambda instance: None, **kwargs)
        self.view = view

    def get_buttons(self, instance, parent_context):
        return self.view.get_list_buttons(instance)


class EventIndexView(ExportColumnsMixin, generic.IndexView):
    """The index of one event's rows (`page_id` in the URL): 404 outside the registrar's academies."""

    export_prefix = ""  # the download is named <prefix>-<event slug>
    export_columns = ()  # (key, heading, fn(row) -> value), in order

    def dispatch(self, request, *args, **kwargs):
        self.event = registrar_event(request, kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.event.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.event.pk])

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("colloquia_events"), "label": _("Colloquium registrations")},
            {"url": reverse("colloquia_event", args=[self.event.pk]), "label": self.event.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "event": self.event}

    def get_filename(self):
        return f"{self.export_prefix}-{self.event.slug}"


def _of_user(name):
    """A participant field read from the account (a nominee who has not accepted has none yet)."""
    return lambda row: getattr(row.user, name) if row.user_id else ""


def _state(row):
    return row.user.state.name if row.user_id and row.user.state_id else ""


def _high_court(row):
    return row.user.high_court.name if row.user_id and row.user.high_court_id else ""


def _court(row):
    return (row.user.court_or_office if row.user_id else "") or row.nominating_office


REGISTRATION_EXPORT = (
    ("name", _("Name"), lambda r: r.name),
    ("name_devanagari", _("Name in Devanagari"), _of_user("name_devanagari")),
    ("email", _("Email"), lambda r: r.email),
    ("designation", _("Designation"), lambda r: r.designation),
    ("category", _("Category"), lambda r: r.get_category_display()),
    ("status", _("Status"), lambda r: r.get_status_display()),
    ("waitlist_position", _("Number on the waiting list"), lambda r: r.waitlist_position),
    ("role", _("Declared role"), lambda r: r.user.get_role_display() if r.user_id else ""),
    ("court_or_office", _("Court or office"), _of_user("court_or_office")),
    ("district", _("District"), _of_user("district")),
    ("state", _("State/UT"), _state),
    ("high_court", _("High Court"), _high_court),
    ("nominating_office", _("Nominating court or office"), lambda r: r.nominating_office),
    ("nominated_by", _("Nominated by"), lambda r: str(r.nominated_by) if r.nominated_by_id else ""),
    ("invited_at", _("Invited at"), lambda r: r.invited_at),
    ("accept_by", _("Accept by"), lambda r: r.accept_by),
    ("created_at", _("Registered at"), lambda r: r.created_at),
    ("status_changed_at", _("Status changed at"), lambda r: r.status_changed_at),
    ("decided_by", _("Decided by"), lambda r: str(r.decided_by) if r.decided_by_id else ""),
    ("decision_note", _("Note to the participant"), lambda r: r.decision_note),
    ("sessions_attended", _("Sessions attended"), lambda r: r.summary["sessions_attended"]),
    ("sessions_counted", _("Sessions counted"), lambda r: r.summary["sessions_counted"]),
    ("hours", _("Hours attended"), lambda r: r.summary["hours"]),
    ("eligible", _("Eligible for a certificate"), lambda r: gettext("Yes") if r.summary["eligible"] else gettext("No")),
    ("override_reason", _("Eligibility overridden because"), lambda r: r.summary["override_reason"]),
)


def registration_export_columns(event):
    """The download's columns: every participant field, then those the hook's functions add for `event`."""
    columns = list(REGISTRATION_EXPORT)
    for fn in hooks.get_hooks(EXPORT_COLUMNS_HOOK):
        for heading, value in fn(event):
            columns.append((f"extra-{len(columns)}", heading, value))
    return columns


class RegistrationFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=S.choices, widget=forms.CheckboxSelectMultiple, label=_("Status")
    )
    category = django_filters.MultipleChoiceFilter(
        choices=Category.choices, widget=forms.CheckboxSelectMultiple, label=_("Category")
    )
    state = django_filters.ModelChoiceFilter(
        field_name="user__state", queryset=State.objects.order_by("name"), label=_("State/UT")
    )
    district = django_filters.ChoiceFilter(field_name="user__district", label=_("District"), empty_label=_("All"))
    high_court = django_filters.ModelChoiceFilter(
        field_name="user__high_court", queryset=HighCourt.objects.order_by("name"), label=_("High Court")
    )
    court = django_filters.CharFilter(method="filter_court", label=_("Court or office (contains)"))

    class Meta:
        model = Registration
        fields = []

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        # The districts this event's participants gave, so the choice lists only real ones.
        districts = (
            Registration.objects.filter(page=event)
            .exclude(user__district="")
            .values_list("user__district", flat=True)
            .distinct()
            .order_by("user__district")
        )
        self.filters["district"].extra["choices"] = [(name, name) for name in districts if name]

    def filter_court(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(user__court_or_office__icontains=value) | Q(nominating_office__icontains=value))


def _status_text(registration):
    text = registration.get_status_display()
    if registration.status == S.WAITLISTED and registration.waitlist_position:
        return gettext("%(status)s (number %(number)s)") % {"status": text, "number": registration.waitlist_position}
    if registration.status == S.INVITED and registration.accept_by:
        return gettext("%(status)s (accept by %(date)s)") % {
            "status": text,
            "date": date_format(registration.accept_by, "d M Y"),
        }
    return str(text)


def _attendance_text(registration):
    summary = registration.summary
    return gettext("%(attended)s of %(counted)s · %(hours)s") % {
        "attended": summary["sessions_attended"],
        "counted": summary["sessions_counted"],
        "hours": hours_phrase(summary["hours"]),
    }


def _certificate_text(registration):
    text = gettext("Eligible") if registration.summary["eligible"] else gettext("Not eligible")
    if registration.override_eligible is not None:
        return gettext("%(eligibility)s (override)") % {"eligibility": text}
    return text


# The bulk actions (colloquia.bulk_actions) that each status allows, for the row's own menu.
ROW_ACTIONS = (
    ("approve", _("Approve…"), (S.PENDING, S.WAITLISTED, S.REJECTED)),
    ("reject", _("Reject…"), (S.PENDING, S.WAITLISTED, S.APPROVED)),
    ("waitlist", _("Move to the waiting list…"), (S.PENDING, S.APPROVED, S.REJECTED)),
)


class RegistrationIndexView(EventIndexView):
    page_title = _("Registrations")
    template_name = "colloquia/admin/registrations.html"
    export_prefix = "registrations"
    default_ordering = "name"

    def get_base_queryset(self):
        # Invitations past their accept-by date lapse as soon as anyone looks (one query when none has).
        services.lapse_overdue_invitations(page=self.event)
        registrations = Registration.objects.filter(page=self.event).select_related(
            "user__state", "user__high_court", "decided_by", "nominated_by"
        )
        return services.with_waitlist_position(registrations)

    @cached_property
    def export_columns(self):
        # The hook's columns are looked up only for a download: the page itself never shows them.
        return registration_export_columns(self.event) if self.is_export else REGISTRATION_EXPORT

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="registration"),
            RowTitleColumn(
                "name",
                view=self,
                label=_("Name"),
                get_title_id=lambda registration: f"registration_{registration.pk}_title",
                sort_key="name",
            ),
            Column("email", label=_("Email"), sort_key="email"),
            Column("category", label=_("Category"), accessor="get_category_display", sort_key="category"),
            Column("status", label=_("Status"), accessor=_status_text, sort_key="status"),
            Column("state", label=_("State/UT"), accessor=_state),
            Column("district", label=_("District"), accessor=_of_user("district")),
            Column("court", label=_("Court or office"), accessor=_court),
            Column("attendance", label=_("Attendance"), accessor=_attendance_text),
            Column("certificate", label=_("Certificate"), accessor=_certificate_text),
            Column(
                "created_at",
                label=_("Registered"),
                accessor=lambda r: date_format(r.created_at, "d M Y"),
                sort_key="created_at",
            ),
        ]

    def _with_summaries(self, registrations):
        registrations = list(registrations)
        for registration in registrations:
            registration.page = self.event
        summary = services.summaries(self.event, registrations)
        for registration in registrations:
            registration.summary = summary[registration.pk]
        return registrations

    def get_table(self, object_list):
        if self.is_export:  # the download builds its rows itself (export_rows); the table is not shown
            return super().get_table(object_list)
        return super().get_table(self._with_summaries(object_list))

    def export_rows(self, queryset):
        return super().export_rows(self._with_summaries(queryset))

    def _listing_url(self):
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        return f"{self.index_url}?{query.urlencode()}" if query else self.index_url

    def get_list_more_buttons(self, registration):
        event, pk = self.event.pk, registration.pk
        listing = self._listing_url()
        buttons = [
            MenuItem(
                label,
                reverse("wagtail_bulk_action", args=["colloquia", "registration", action])
                + "?"
                + urlencode({"id": pk, "next": listing}),
                priority=10 + number,
            )
            for number, (action, label, statuses) in enumerate(ROW_ACTIONS)
            if registration.status in statuses
        ]
        if registration.status == S.WAITLISTED:
            buttons.append(MenuItem(_("Promote…"), reverse("colloquia_promote", args=[event, pk]), priority=20))
        if registration.status in (S.INVITED, S.LAPSED):
            buttons.append(
                MenuItem(
                    _("Send the invitation again…"),
                    reverse("colloquia_resend_invitation", args=[event, pk]),
                    priority=20,
                )
            )
        buttons.append(
            MenuItem(_("Certificate eligibility…"), reverse("colloquia_override", args=[event, pk]), priority=30)
        )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        return context


class RegistrationViewSet(EventListViewSet):
    model = Registration
    name = "colloquia_registrations"
    segment = "registrations"
    icon = "group"
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email"]
    list_per_page = 50

    @staticmethod
    def search_email(registration):
        return registration.page_id, registration.email


class AttendanceFilterSet(WagtailFilterSet):
    session = django_filters.ModelChoiceFilter(queryset=AgendaSession.objects.none(), label=_("Session"))
    status = django_filters.ChoiceFilter(
        choices=Attendance.Status.choices, widget=forms.RadioSelect, empty_label=_("All"), label=_("Status")
    )
    method = django_filters.ChoiceFilter(
        choices=Attendance.Method.choices, widget=forms.RadioSelect, empty_label=_("All"), label=_("Recorded by")
    )

    class Meta:
        model = Attendance
        fields = []

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["session"].queryset = AgendaSession.objects.filter(
            page=event, counts_for_attendance=True
        ).order_by("date", "start_time")


ATTENDANCE_EXPORT = (
    ("name", _("Name"), lambda a: a.registration.name),
    ("email", _("Email"), lambda a: a.registration.email),
    ("category", _("Category"), lambda a: a.registration.get_category_display()),
    ("session", _("Session"), lambda a: a.session.title),
    ("date", _("Date"), lambda a: a.session.date),
    ("start_time", _("Starts"), lambda a: a.session.start_time.strftime("%H:%M")),
    ("end_time", _("Ends"), lambda a: a.session.end_time.strftime("%H:%M")),
    ("hours", _("Hours"), lambda a: a.session.hours),
    ("status", _("Status"), lambda a: a.get_status_display()),
    ("method", _("Recorded by"), lambda a: a.get_method_display()),
    ("recorded_by", _("Recorded by (person)"), lambda a: str(a.recorded_by) if a.recorded_by_id else ""),
    ("recorded_at", _("Recorded at"), lambda a: a.recorded_at),
)


class AttendanceIndexView(EventIndexView):
    page_title = _("Attendance records")
    export_prefix = "attendance"
    export_columns = ATTENDANCE_EXPORT
    default_ordering = ("session__date", "session__start_time", "registration__name")

    def get_base_queryset(self):
        return Attendance.objects.filter(registration__page=self.event).select_related(
            "registration", "session", "recorded_by"
        )

    @cached_property
    def columns(self):
        return [
            RowTitleColumn(
                "name", view=self, label=_("Name"), accessor="registration.name", sort_key="registration__name"
            ),
            Column("email", label=_("Email"), accessor="registration.email"),
            Column("session", label=_("Session"), accessor="session.title", sort_key="session__date"),
            Column(
                "when",
                label=_("When"),
                accessor=lambda a: f"{date_format(a.session.date, 'd M Y')}, {a.session.start_time:%H:%M}",
            ),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            Column("method", label=_("Recorded by"), accessor="get_method_display", sort_key="method"),
            Column(
                "recorded_at",
                label=_("Recorded at"),
                accessor=lambda a: date_format(a.recorded_at, "d M Y H:i"),
                sort_key="recorded_at",
            ),
        ]

    def get_list_more_buttons(self, record):
        return []


class AttendanceViewSet(EventListViewSet):
    model = Attendance
    name = "colloquia_attendance_records"
    segment = "attendance"
    icon = "tick"
    index_view_class = AttendanceIndexView
    filterset_class = AttendanceFilterSet
    search_fields = ["registration__name", "registration__email"]
    list_per_page = 100

    @staticmethod
    def search_email(record):
        return record.registration.page_id, record.registration.email
