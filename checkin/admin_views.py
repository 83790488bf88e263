"""Registrar screens in the Wagtail admin: the events, their name badges and their attendance grid.

Scoped as colloquia's registrar screens are: no permission on registrations is a 403, an event of
another academy a 404 (no hint that it exists); Wagtail sends people without the admin to sign in.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from colloquia.models import Category
from colloquia.registrar_access import registrar_event
from core.csv_export import csv_response

from . import badge_sheets, grid, services
from .models import BadgeSheet


def _require_registrar(request):
    if not request.user.has_perm(services.PERMISSION):
        raise PermissionDenied


def _event(request, page_id):
    _require_registrar(request)
    return registrar_event(request, page_id, allowed=services.may_run_desk, subject=f"checkin-registrar:{page_id}")


def events(request):
    _require_registrar(request)
    return TemplateResponse(
        request,
        "checkin/admin/events.html",
        {
            "page_title": _("Check-in, badges and attendance"),
            "header_icon": "tick",
            "events": list(services.desk_events(request.user)),
        },
    )


def badges(request, page_id):
    """The event's name badges: ask the worker for a sheet (all or one category), see it being
    prepared, and download it when ready. POST asks, then answers with a redirect back here."""
    page = _event(request, page_id)
    if request.method == "POST":
        category = request.POST.get("category", "")
        if category and category not in Category.values:
            messages.error(request, _("Choose all participants or one of the categories."))
            return redirect("checkin_badges", page.pk)
        sheet, queued = badge_sheets.request_sheet(page, category, by=request.user)
        label = badge_sheets.set_label(sheet.category)
        if queued:
            messages.success(
                request,
                _("Name badges (%(set)s) are being prepared. They will be ready to download here shortly.")
                % {"set": label},
            )
        else:
            messages.warning(
                request,
                _("Name badges (%(set)s) are already being prepared; they will be ready shortly.") % {"set": label},
            )
        return redirect("checkin_badges", page.pk)
    badge_sheets.purge_expired()
    sheets = badge_sheets.sheets_for(page)
    return TemplateResponse(
        request,
        "checkin/admin/badges.html",
        {
            "page_title": _("Name badges: %(event)s") % {"event": page.title},
            "header_icon": "user",
            "event": page,
            "sheets": [
                {
                    "sheet": sheet,
                    "label": badge_sheets.set_label(sheet.category),
                    "error": badge_sheets.error_text(sheet.error),
                    "download_url": reverse("checkin_badge_sheet", args=[page.pk, sheet.pk]),
                }
                for sheet in sheets
            ],
            "pending": any(sheet.pending for sheet in sheets),
            "categories": Category.choices,
            "holders": services.holders_by_category(page),
            "status_url": reverse("checkin_badge_status", args=[page.pk]),
            "grid_url": reverse("checkin_attendance", args=[page.pk]),
            "keep_days": badge_sheets.KEEP_FOR.days,
        },
    )


def badge_status(request, page_id):
    """Whether any of the event's sheets is still being prepared (the badges screen's script polls it)."""
    page = _event(request, page_id)
    sheets = badge_sheets.sheets_for(page)
    return JsonResponse({"pending": any(sheet.pending for sheet in sheets)})


def badge_sheet(request, page_id, sheet_id):
    """A ready sheet of the event's badges, as a download, for its registrars only."""
    page = _event(request, page_id)
    sheet = get_object_or_404(BadgeSheet, pk=sheet_id, page=page, status=BadgeSheet.Status.READY)
    try:
        handle = sheet.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    suffix = f"-{sheet.category}" if sheet.category else ""
    response = FileResponse(
        handle, as_attachment=True, filename=f"badges-{page.slug}{suffix}.pdf", content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def mark_cells():
    """Each mark's class and cell HTML in the active language, built once per request rather than per
    cell (a page is up to a thousand cells)."""
    return {
        "present": (
            "present",
            format_html('<span aria-hidden="true">✓</span><span class="w-sr-only">{}</span>', _("Present")),
        ),
        "absent": ("absent", _("Absent")),
        "excused": ("excused", _("Excused")),
        "": ("none", format_html('<span class="w-sr-only">{}</span>', _("Not recorded"))),
    }


def _filters(request):
    return {"search": request.GET.get("q", "").strip()[:100], "category": request.GET.get("category", "")}


def attendance(request, page_id):
    """The attendance grid: a page of participants × the sessions that take attendance."""
    page = _event(request, page_id)
    sessions = services.desk_sessions(page)
    filters = _filters(request)
    paginator = Paginator(grid.participants(page, **filters), grid.PER_PAGE)
    shown = paginator.get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    cells = mark_cells()
    return TemplateResponse(
        request,
        "checkin/admin/attendance.html",
        {
            "page_title": _("Attendance: %(event)s") % {"event": page.title},
            "header_icon": "table",
            "event": page,
            "sessions": sessions,
            "totals": grid.session_totals(page, sessions),
            "rows": [
                {**row, "cells": [cells[mark] for mark in row["marks"]]}
                for row in grid.rows(page, shown.object_list, sessions)
            ],
            "shown": shown,
            "query": query.urlencode(),
            "search": filters["search"],
            "category": filters["category"],
            "categories": Category.choices,
            "export_url": f"{reverse('checkin_attendance_csv', args=[page.pk])}?{query.urlencode()}",
            "desk_url": reverse("checkin:desk", args=[page.pk]),
            "badges_url": reverse("checkin_badges", args=[page.pk]),
        },
    )


def attendance_csv(request, page_id):
    page = _event(request, page_id)
    sessions = services.desk_sessions(page)
    return csv_response(
        f"attendance-{page.slug}.csv",
        grid.export_header(sessions),
        grid.export_rows(page, sessions, **_filters(request)),
    )
