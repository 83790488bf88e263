"""The registrar's online attendance screens in the Wagtail admin.

Scoped as the other registrar screens are: no permission on registrations is Wagtail's refusal
(a redirect to the dashboard), an event or import of another academy a 404, with no hint that it
exists; Wagtail sends people without the admin to sign in.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.audit import log_refusal
from colloquia.registrar_access import registrar_event
from colloquia.services import Refused

from . import services
from .forms import MAPPING_FIELDS, MappingForm, MatchForm, ReportUploadForm
from .models import AttendanceImport
from .parsing import LAYOUT_LABELS, table_from_json


def _require_registrar(request):
    if not request.user.has_perm(services.PERMISSION):
        raise PermissionDenied


def _event(request, page_id):
    _require_registrar(request)
    return registrar_event(request, page_id, allowed=services.may_import, subject=f"online-attendance:{page_id}")


def _import(request, import_id):
    _require_registrar(request)
    report = get_object_or_404(
        AttendanceImport.objects.select_related("page__academy", "session__page", "uploaded_by"), pk=import_id
    )
    if not services.may_import(request.user, report.page):
        log_refusal(request, f"online-attendance-import:{import_id}", "not a registrar of this academy")
        raise Http404
    return report


def events(request):
    _require_registrar(request)
    return TemplateResponse(
        request,
        "online_attendance/admin/events.html",
        {
            "page_title": _("Online attendance"),
            "header_icon": "globe",
            "events": list(services.events_for(request.user)),
        },
    )


def event(request, page_id):
    """Upload a report for one of the event's online sessions; the event's imports so far."""
    page = _event(request, page_id)
    sessions = services.online_sessions(page)
    form = ReportUploadForm(request.POST or None, request.FILES or None, sessions=sessions)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.start_import(
                page, form.cleaned_data["session"], form.cleaned_data["report"], by=request.user
            )
        except Refused as refusal:
            form.add_error("report", str(refusal))
        else:
            return redirect("online_attendance_import", report.pk)
    return TemplateResponse(
        request,
        "online_attendance/admin/event.html",
        {
            "page_title": _("Online attendance: %(title)s") % {"title": page.title},
            "header_icon": "globe",
            "event": page,
            "sessions": sessions,
            "form": form,
            "imports": services.imports_for(page)[:50],
            "grid_url": reverse("checkin_attendance", args=[page.pk]),
        },
        status=400 if form.errors else 200,
    )


def report_view(request, import_id):
    """The column mapping (unknown layout), the preview with its matching, or what was recorded."""
    report = _import(request, import_id)
    context = {
        "page_title": _("Online attendance: %(title)s") % {"title": report.session.title},
        "header_icon": "globe",
        "report": report,
        "event": report.page,
        "layout": str(LAYOUT_LABELS.get(report.layout, "")),
        "grid_url": reverse("checkin_attendance", args=[report.page_id]),
    }
    if report.status == AttendanceImport.Status.MAPPING:
        return _mapping(request, report, context)
    if report.status == AttendanceImport.Status.PREVIEW:
        result = services.preview(report)
        context["preview"] = result
        context["unmatched"] = [
            (person, MatchForm(initial={"key": person.key}, candidates=result.candidates, prefix=f"m{n}"))
            for n, person in enumerate(result.unmatched)
        ]
    elif report.status == AttendanceImport.Status.CONFIRMED:
        context["outcome"] = services.outcome_rows(report)
    return TemplateResponse(request, "online_attendance/admin/report.html", context)


def _mapping(request, report, context, form=None, status=200):
    table = table_from_json(report.table)
    form = form or MappingForm(header=table.header)
    samples = [[row[n] if n < len(row) else "" for row in table.rows[:3]] for n in range(len(table.header))]
    context.update(
        {
            "mapping_form": form,
            "columns": list(zip(table.header, samples, strict=True)),
            "fields": [form[name] for name, _, _ in MAPPING_FIELDS],
        }
    )
    return TemplateResponse(request, "online_attendance/admin/mapping.html", context, status=status)


@require_POST
def mapping(request, import_id):
    report = _import(request, import_id)
    table = table_from_json(report.table) if report.table else None
    form = MappingForm(request.POST, header=table.header if table else ())
    if form.is_valid():
        try:
            services.set_mapping(report, form.mapping())
        except Refused as refusal:
            messages.error(request, str(refusal))
        return redirect("online_attendance_import", report.pk)
    context = {
        "page_title": _("Online attendance: %(title)s") % {"title": report.session.title},
        "header_icon": "globe",
        "report": report,
        "event": report.page,
    }
    return _mapping(request, report, context, form, status=400)


@require_POST
def match(request, import_id):
    report = _import(request, import_id)
    result = services.preview(report) if report.status == AttendanceImport.Status.PREVIEW else None
    prefix = request.POST.get("prefix", "")
    form = MatchForm(request.POST, candidates=result.candidates if result else (), prefix=prefix or None)
    if not form.is_valid():
        messages.error(request, _("Choose one of the participants listed."))
    else:
        try:
            services.match_by_hand(report, form.cleaned_data["key"], form.cleaned_data["registration"])
        except Refused as refusal:
            messages.error(request, str(refusal))
    return redirect(reverse("online_attendance_import", args=[report.pk]) + "#unmatched-h")


@require_POST
def unmatch(request, import_id):
    report = _import(request, import_id)
    try:
        services.match_by_hand(report, request.POST.get("key", "")[:400], None)
    except Refused as refusal:
        messages.error(request, str(refusal))
    return redirect("online_attendance_import", report.pk)


@require_POST
def confirm(request, import_id):
    report = _import(request, import_id)
    try:
        report = services.confirm(report, by=request.user)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _(
                "Attendance recorded for “%(session)s”: %(present)s present from the online report; "
                "%(below)s below the threshold; %(unmatched)s unmatched."
            )
            % {
                "session": report.session.title,
                "present": report.marked_present,
                "below": report.below_threshold,
                "unmatched": report.people_unmatched,
            },
        )
    return redirect("online_attendance_import", report.pk)


@require_POST
def discard(request, import_id):
    report = _import(request, import_id)
    try:
        services.discard(report, by=request.user)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The report was discarded; nothing was recorded."))
    return redirect("online_attendance_event", report.page_id)
