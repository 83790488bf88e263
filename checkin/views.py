"""The participant's e-ticket download and the registrar's check-in desk (outside the admin, for phones).

The desk works without JavaScript: the ticket number is a plain form POST, answered by a redirect
back to the desk, which shows the outcome once. desk.js only adds the camera, which fills in the
same field and submits the same form.
"""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.audit import log_refusal
from colloquia.models import ColloquiumPage
from colloquia.services import Refused

from . import services
from .forms import DeskForm
from .pdf import render_ticket, ticket_filename

# The outcome of the last check-in, shown once by the desk after its redirect.
OUTCOME_KEY = "checkin.desk_outcome"
# How long after an event the desk still lists it (late entries from the paper sheet).
RECENT_DAYS = 7


@never_cache
@login_required
def e_ticket(request, registration_id):
    """The participant's own e-ticket; anyone else, or a place no longer approved, gets the same 404."""
    registration = services.participant_ticket(request.user, registration_id)
    if registration is None:
        log_refusal(request, f"e-ticket:{registration_id}", "not the holder's approved registration")
        raise Http404
    response = HttpResponse(render_ticket(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{ticket_filename(registration.page)}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _require_registrar(request):
    if not request.user.has_perm(services.PERMISSION):
        log_refusal(request, "check-in desk", "not a registrar")
        raise PermissionDenied


def _desk_event(request, page_id):
    """The event, if the user is one of its registrars: 403 for non-registrars, 404 for another academy's."""
    _require_registrar(request)
    page = get_object_or_404(ColloquiumPage.originals.select_related("academy"), pk=page_id)
    if not services.may_run_desk(request.user, page):
        log_refusal(request, f"check-in desk:{page_id}", "not a registrar of this academy")
        raise Http404
    return page


@login_required
def desk_events(request):
    """Which event's desk to open: today's and coming events first, then the last week's."""
    _require_registrar(request)
    today = timezone.localdate()
    events = services.desk_events(request.user).filter(end_date__gte=today - timedelta(days=RECENT_DAYS))
    current = sorted((e for e in events if e.end_date >= today), key=lambda e: (e.start_date, e.title))
    recent = [e for e in events if e.end_date < today]
    return TemplateResponse(request, "checkin/desk_events.html", {"current": current, "recent": recent, "today": today})


def _outcome(result):
    registration, session = result.registration, result.session
    return {
        "ok": True,
        "already": result.already,
        "name": result.name,
        "category": result.category,
        "designation": registration.designation,
        "number": result.number,
        "session": session.title,
        "time": f"{timezone.localtime(result.recorded_at, session.page.zone):%H:%M}",
    }


@login_required
@require_http_methods(["GET", "POST"])
def desk(request, page_id):
    page = _desk_event(request, page_id)
    sessions = services.desk_sessions(page)
    url = reverse("checkin:desk", args=[page.pk])
    if request.method == "POST":
        form = DeskForm(request.POST, sessions=sessions)
        if form.is_valid():
            session = form.cleaned_data["session"]
            try:
                result = services.check_in(page, session, form.cleaned_data["ticket"], by=request.user)
            except Refused as refusal:
                outcome = {"ok": False, "reason": str(refusal)}
            else:
                outcome = _outcome(result)
            request.session[OUTCOME_KEY] = {"page": page.pk, **outcome}
            return redirect(f"{url}?session={session.pk}")
        outcome = {"ok": False, "reason": " ".join(form.errors.get("session", [_("Choose a session.")]))}
        request.session[OUTCOME_KEY] = {"page": page.pk, **outcome}
        return redirect(url)

    chosen = request.GET.get("session", "")
    session = next((s for s in sessions if str(s.pk) == chosen), None) or services.current_session(sessions)
    outcome = request.session.pop(OUTCOME_KEY, None)
    if outcome and outcome.pop("page") != page.pk:
        outcome = None
    context = {"event": page, "sessions": sessions, "session": session, "outcome": outcome}
    if session is not None:
        context.update(
            form=DeskForm(initial={"session": session.pk}, sessions=sessions),
            automatic=services.current_session(sessions),
            not_open=services.not_open_notice(session),
            tally=services.desk_tally(page, session),
            recent=services.recent_check_ins(session),
        )
    return TemplateResponse(request, "checkin/desk.html", context)
