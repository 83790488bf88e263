"""Registrar screens in the Wagtail admin, each scoped to the registrar's own academies."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.audit import log_refusal

from . import agenda, services
from .extensions import event_admin_links
from .forms import DecisionForm, OverrideForm
from .models import AgendaSession, Attendance, Category, ColloquiumPage, Registration, RegistrationStatus
from .registrar_forms import NominationImportForm

PERMISSION = "colloquia.change_registration"


def registrar_event(request, page_id):
    """The event, if the user is a registrar of its academy; 404 for others (no hint it exists)."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    page = get_object_or_404(ColloquiumPage.originals.select_related("academy", "state"), pk=page_id)
    if not services.is_registrar_for(request.user, page):
        log_refusal(request, f"colloquium-registrar:{page_id}", "not a registrar of this academy")
        raise Http404
    return page


def _session(request, page_id, session_id):
    page = registrar_event(request, page_id)
    session = get_object_or_404(AgendaSession, pk=session_id, page_id=page.pk)
    session.page = page
    return page, session


def event_list(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    pages = (
        services.events_for_registrar(ColloquiumPage.originals.all(), request.user)
        .select_related("academy", "state")
        .annotate(
            approved=Count("registrations", filter=Q(registrations__status=RegistrationStatus.APPROVED)),
            pending=Count("registrations", filter=Q(registrations__status=RegistrationStatus.PENDING)),
            waitlisted=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)),
        )
        .order_by("-start_date")
    )
    return TemplateResponse(
        request,
        "colloquia/admin/event_list.html",
        {"page_title": _("Colloquium registrations"), "header_icon": "date", "events": pages},
    )


def event_detail(request, page_id):
    """The event's places, sessions and the registrar's screens for it; its registrations are a list of their own."""
    page = registrar_event(request, page_id)
    if "status" in request.GET:  # the registrations were filtered here once: the list now does it
        return redirect(f"{reverse('colloquia_registrations:index', args=[page.pk])}?{request.GET.urlencode()}")
    services.lapse_overdue_invitations(page=page)
    return TemplateResponse(
        request,
        "colloquia/admin/event_detail.html",
        {
            "page_title": page.title,
            "header_icon": "date",
            "event": page,
            "places": services.places_by_category(page),
            "registrations": Registration.objects.filter(page=page).count(),
            "sessions": services.sessions_in_order(page),
            "other_screens": event_admin_links(request, page),
        },
    )


@require_POST
def decide(request, page_id, registration_id):
    page = registrar_event(request, page_id)
    registration = get_object_or_404(Registration, pk=registration_id, page=page)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            registration = services.decide(
                registration,
                approve=form.cleaned_data["decision"] == "approve",
                by=request.user,
                note=form.cleaned_data["note"],
            )
            messages.success(
                request,
                _("%(name)s: %(status)s.")
                % {"name": registration.name, "status": registration.get_status_display().lower()},
            )
        except services.Refused as refusal:
            messages.error(request, str(refusal))
    else:
        messages.error(request, _("Choose approve or reject."))
    return redirect("colloquia_event", page.pk)


def override(request, page_id, registration_id):
    page = registrar_event(request, page_id)
    registration = get_object_or_404(Registration.objects.select_related("user"), pk=registration_id, page=page)
    registration.page = page
    initial = {
        "eligible": {True: "yes", False: "no", None: ""}[registration.override_eligible],
        "reason": registration.override_reason,
    }
    form = OverrideForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        eligible = {"yes": True, "no": False}.get(form.cleaned_data["eligible"])
        services.set_override(registration, eligible=eligible, reason=form.cleaned_data["reason"], by=request.user)
        messages.success(request, _("%(name)s: eligibility saved.") % {"name": registration.name})
        return redirect("colloquia_event", page.pk)
    return TemplateResponse(
        request,
        "colloquia/admin/override.html",
        {
            "page_title": _("Eligibility: %(name)s") % {"name": registration.name},
            "header_icon": "tick",
            "event": page,
            "registration": registration,
            "summary": services.attendance_summary(registration),
            "form": form,
        },
    )


def nominations(request, page_id):
    page = registrar_event(request, page_id)
    form = NominationImportForm(request.POST or None, request.FILES or None, page=page)
    if request.method == "POST" and form.is_valid():
        created = services.import_nominations(
            page, form.cleaned_data["file"], by=request.user, accept_by=form.cleaned_data["accept_by"]
        )
        held = sum(registration.holds_place for registration in created)
        messages.success(
            request,
            ngettext(
                "%(count)s nominee invited; they have been emailed an invitation.",
                "%(count)s nominees invited; each has been emailed an invitation.",
                len(created),
            )
            % {"count": len(created)}
            + " "
            + ngettext(
                "%(held)s of them holds a place until they answer; the others wait for one to free up.",
                "%(held)s of them hold a place until they answer; the others wait for one to free up.",
                held,
            )
            % {"held": held},
        )
        return redirect("colloquia_registrations:index", page.pk)
    return TemplateResponse(
        request,
        "colloquia/admin/nominations.html",
        {
            "page_title": _("Nominations: %(event)s") % {"event": page.title},
            "header_icon": "upload",
            "event": page,
            "form": form,
            "categories": Category.choices,
        },
    )


def _approved(page):
    registrations = list(
        Registration.objects.filter(page=page, status=RegistrationStatus.APPROVED)
        .select_related("user")
        .order_by("name")
    )
    return registrations


ROSTER_PER_PAGE = 50


def _roster_filters(request):
    """The attendance screen's filters from its query string; anything unknown is ignored."""
    category, mark = request.GET.get("category", ""), request.GET.get("mark", "")
    return {
        "search": request.GET.get("q", "").strip()[:100],
        "category": category if category in Category.values else "",
        "mark": mark if mark in dict(services.MARK_FILTERS) else "",
    }


def _posted_ids(values):
    return {int(value) for value in values if value.isdigit()}


def _posted_marks(request, page, roster, paper):
    """{registration: status} from the form: everyone matching the filters, the rows of a paper page, or each choice."""
    present, absent = Attendance.Status.PRESENT, Attendance.Status.ABSENT
    if request.POST.get("everyone") == "present":
        return dict.fromkeys(roster, present)
    if paper:
        # Only the rows that page showed (listed in the form): people on other pages keep their marks.
        shown = roster.filter(pk__in=_posted_ids(request.POST.getlist("shown")))
        return {r: present if request.POST.get(f"present-{r.pk}") == "on" else absent for r in shown}
    choices = {
        int(key.removeprefix("status-")): value
        for key, value in request.POST.items()
        if key.startswith("status-") and key.removeprefix("status-").isdigit() and value
    }
    approved = Registration.objects.filter(page=page, status=RegistrationStatus.APPROVED, pk__in=choices)
    return {registration: choices[registration.pk] for registration in approved}


def attendance(request, page_id, session_id):
    """Mark one session: a page of the participants at a time, found by name, category or mark, or
    everyone matching at once. A POST answers with a redirect back to the same filtered page; each
    page costs the same queries for 50 or 500 registrations."""
    page, session = _session(request, page_id, session_id)
    paper = request.GET.get("mode") == "paper" or request.POST.get("mode") == "paper"
    filters = _roster_filters(request)
    roster = services.roster(page, session, **filters)
    chosen = {}
    if request.method == "POST":
        if not session.counts_for_attendance:
            messages.error(request, _("Attendance is not taken for “%(session)s”.") % {"session": session.title})
            return redirect("colloquia_event", page.pk)
        marks = _posted_marks(request, page, roster, paper)
        chosen = {registration.pk: status for registration, status in marks.items()}  # shown again if refused
        method = Attendance.Method.PAPER if paper else Attendance.Method.REGISTRAR
        try:
            changed = services.record_attendance(session, marks, method=method, by=request.user)
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                ngettext(
                    "“%(session)s”: %(count)s attendance record saved.",
                    "“%(session)s”: %(count)s attendance records saved.",
                    changed,
                )
                % {"session": session.title, "count": changed},
            )
            return redirect(request.get_full_path())
    shown = Paginator(roster, ROSTER_PER_PAGE).get_page(request.GET.get("p"))
    registrations = list(shown.object_list)
    existing = {
        record.registration_id: record
        for record in Attendance.objects.filter(session=session, registration__in=registrations).select_related(
            "recorded_by"
        )
    }
    rows = [
        (r, existing.get(r.pk), chosen.get(r.pk, existing[r.pk].status if r.pk in existing else ""))
        for r in registrations
    ]
    not_open = ""
    try:
        services.require_attendance_open(session)
    except services.AttendanceNotOpen as refusal:
        not_open = str(refusal)
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "colloquia/admin/paper_entry.html" if paper else "colloquia/admin/attendance.html",
        {
            "page_title": _("Attendance: %(session)s") % {"session": session.title},
            "header_icon": "tick",
            "event": page,
            "session": session,
            "sessions": [other for other in services.sessions_in_order(page) if other.counts_for_attendance],
            "rows": rows,
            "shown": shown,
            "query": query.urlencode(),
            "filters": filters,
            "filtered": any(filters.values()),
            "tally": services.session_tally(page, session),
            "categories": Category.choices,
            "mark_filters": services.MARK_FILTERS,
            "statuses": Attendance.Status.choices,
            "not_open": not_open,
            "paper": paper,
        },
    )


def sign_in_sheet(request, page_id, session_id):
    page, session = _session(request, page_id, session_id)
    pdf = agenda.sign_in_sheet_pdf(page, session, _approved(page))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sign-in-{page.slug}-{session.pk}.pdf"'
    return response


def _room_screen_state(page, session):
    """The room screen's current QR code, check-in address and notice (what the page shows and polls)."""
    import segno  # only the room screen draws a QR: kept out of every web worker's memory

    now = timezone.now()
    code = services.current_check_in_code(session, now)
    url = services.check_in_url(session, now)
    notice = ""
    if not services.attendance_open(session, now):
        opens = services.attendance_opens_at(session)
        notice = _("Check-in opens at %(moment)s.") % {"moment": services.format_moment(opens)}
    elif now > session.ends_at(page.zone):
        notice = _("This session has ended; check-in is closed.")
    return {
        "code": code,
        "check_in_url": url,
        "qr": segno.make(url, error="m").png_data_uri(scale=10, border=2),
        "notice": notice,
        # Poll a few times per code, so the screen never shows an expired one for long.
        "poll_seconds": max(1, services.check_in_seconds() // 3),
    }


def room_screen(request, page_id, session_id):
    """The QR code for the room's screen. Its script polls `room_screen_state` and swaps the code in place."""
    page, session = _session(request, page_id, session_id)
    zone = page.zone
    return TemplateResponse(
        request,
        "colloquia/admin/room_screen.html",
        {
            "page_title": _("Check-in: %(session)s") % {"session": session.title},
            "header_icon": "mobile-alt",
            "event": page,
            "session": session,
            "state": _room_screen_state(page, session),
            "state_url": reverse("colloquia_room_screen_state", args=[page.pk, session.pk]),
            "starts_at": session.starts_at(zone),
            "ends_at": session.ends_at(zone),
            "back_url": reverse("colloquia_event", args=[page.pk]),
        },
    )


def room_screen_state(request, page_id, session_id):
    """The room screen's state as JSON, for its script; the same registrar check as the page."""
    page, session = _session(request, page_id, session_id)
    return JsonResponse(_room_screen_state(page, session))
