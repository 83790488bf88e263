"""Registrar screens in the Wagtail admin: the events, their name badges and their attendance grid.

Scoped as colloquia's registrar screens are: no permission on registrations is a 403, an event of
another academy a 404 (no hint that it exists); Wagtail sends people without the admin to sign in.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe

from accounts.audit import log_refusal
from colloquia.models import Category, ColloquiumPage
from core.csv_export import csv_response

from . import grid, services
from .pdf import render_badges


def _require_registrar(request):
    if not request.user.has_perm(services.PERMISSION):
        raise PermissionDenied


def _event(request, page_id):
    _require_registrar(request)
    page = get_object_or_404(ColloquiumPage.objects.select_related("academy"), pk=page_id)
    if not services.may_run_desk(request.user, page):
        log_refusal(request, f"checkin-registrar:{page_id}", "not a registrar of this academy")
        raise Http404
    return page


def events(request):
    _require_registrar(request)
    return TemplateResponse(
        request,
        "checkin/admin/events.html",
        {
            "page_title": "Check-in, badges and attendance",
            "header_icon": "tick",
            "events": list(services.desk_events(request.user)),
        },
    )


def badges(request, page_id):
    """Name badges for the event's approved participants (or one category of them), eight to an A4 sheet."""
    page = _event(request, page_id)
    category = request.GET.get("category", "")
    category = category if category in Category.values else ""
    holders = services.ticket_holders(page, category)
    if not holders:
        messages.error(request, "No participant holds a confirmed place yet, so there are no badges to print.")
        return redirect("checkin_attendance", page.pk)
    response = HttpResponse(render_badges(page, holders), content_type="application/pdf")
    suffix = f"-{category}" if category else ""
    response["Content-Disposition"] = f'inline; filename="badges-{page.slug}{suffix}.pdf"'
    return response


# Each mark as the grid shows it: a class and the cell's HTML, built once rather than per cell
# (a page is up to a thousand cells).
MARK_CELLS = {
    "present": ("present", mark_safe('<span aria-hidden="true">✓</span><span class="w-sr-only">Present</span>')),
    "absent": ("absent", "Absent"),
    "excused": ("excused", "Excused"),
    "": ("none", mark_safe('<span class="w-sr-only">Not recorded</span>')),
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
    return TemplateResponse(
        request,
        "checkin/admin/attendance.html",
        {
            "page_title": f"Attendance: {page.title}",
            "header_icon": "table",
            "event": page,
            "sessions": sessions,
            "totals": grid.session_totals(page, sessions),
            "rows": [
                {**row, "cells": [MARK_CELLS[mark] for mark in row["marks"]]}
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
