"""URL-routed participant views (colloquia/urls.py): invitations, QR check-in, calendar feeds.

The colloquium page's own routes (agenda files, register, withdraw) are in routes.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.audit import log_refusal

from . import agenda, services
from .choices import RegistrationStatus
from .extensions import all_valid, forms_context, registration_forms


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """A nominee accepts or declines through the signed link in their email."""
    try:
        registration = services.registration_for_token(token)
    except services.Refused as refusal:
        log_refusal(request, "invitation", str(refusal))
        return render(request, "colloquia/refused.html", {"reason": str(refusal)}, status=400)
    page = registration.page
    # The event's own questions (colloquia.extensions), asked while the invitation is open.
    accepting = request.method == "POST" and request.POST.get("answer") == "accept"
    forms = []
    if registration.status == RegistrationStatus.INVITED:
        forms = registration_forms(page, request.POST, request.FILES) if accepting else registration_forms(page)
    context = {"registration": registration, "page": page, **forms_context(forms)}
    if request.method == "POST":
        try:
            if accepting:
                if not all_valid(forms):
                    return render(request, "colloquia/invitation.html", context)
                registration, set_password_url = services.accept_invitation(registration, answers=forms)
                return render(
                    request,
                    "colloquia/invitation_done.html",
                    {"registration": registration, "page": page, "set_password_url": set_password_url},
                )
            if request.POST.get("answer") == "decline":
                registration = services.decline_invitation(registration)
                return render(request, "colloquia/invitation_done.html", {"registration": registration, "page": page})
        except services.Refused as refusal:
            return render(request, "colloquia/refused.html", {"reason": str(refusal)}, status=409)
    return render(request, "colloquia/invitation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, uid, code):
    """The address in the room-screen QR code. GET confirms, POST records (scanners prefetch GETs)."""
    session = services.session_by_uid(uid)
    if session is None:
        raise Http404
    problem = services.check_in_problem(request.user, session, code)
    if problem:
        log_refusal(request, f"check-in:{uid}", problem)
        return render(request, "colloquia/refused.html", {"reason": problem, "session": session}, status=403)
    page = session.page.specific
    if request.method == "POST":
        try:
            services.self_check_in(request.user, session, code)
        except services.Refused as refusal:
            return render(request, "colloquia/refused.html", {"reason": str(refusal), "session": session}, status=403)
        return render(request, "colloquia/check_in_done.html", {"session": session, "page": page})
    return render(request, "colloquia/check_in.html", {"session": session, "page": page, "code": code})


@never_cache
def personal_feed(request, token):
    registrations = services.feed_registrations(token)
    if registrations is None:
        raise Http404
    return HttpResponse(agenda.personal_ics(registrations), content_type="text/calendar; charset=utf-8")


@login_required
@require_POST
def reset_feed(request):
    feed = services.calendar_feed(request.user)
    feed.token = feed._meta.get_field("token").default()
    feed.save(update_fields=["token"])
    messages.success(request, _("Your calendar link has changed. Subscribe again with the new link."))
    return redirect("accounts:dashboard")
