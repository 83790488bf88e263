"""Participant-facing views: register, withdraw, invitations, QR check-in, calendar feeds, files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from academies.services import contact_for
from accounts.audit import log_refusal

from . import agenda, services
from .models import Registration, RegistrationStatus, RestrictedMaterial


def page_file(request, page_path, filename):
    """Serve `<page url>agenda.ics` and `<page url>agenda.pdf`.

    Wagtail's own URL pattern only matches paths ending in a slash, so this passes the
    request to Wagtail's serve view (which applies privacy rules) with the file name as
    the last path component; ColloquiumPage routes it (RoutablePageMixin).
    """
    from wagtail.views import serve

    return serve(request, f"{page_path}{filename}/")


def agenda_ics(request, page):
    response = HttpResponse(agenda.page_ics(page), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{page.slug}-agenda.ics"'
    return response


def agenda_pdf(request, page):
    response = HttpResponse(agenda.page_pdf(page), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{page.slug}-agenda.pdf"'
    return response


def register(request, page):
    if request.method != "POST":
        return redirect(page.url)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    try:
        registration = services.register(request.user, page)
    except services.Refused as refusal:
        log_refusal(request, f"register:{page.pk}", str(refusal))
        messages.error(request, str(refusal))
        return redirect(page.url)
    messages.success(request, f"Your registration: {registration.get_status_display()}. We have emailed you.")
    return redirect(page.url)


WITHDRAWN_MESSAGES = {
    RegistrationStatus.APPROVED: "You have withdrawn. Your place has been offered to the waiting list.",
    RegistrationStatus.WAITLISTED: "You have withdrawn and left the waiting list.",
    RegistrationStatus.PENDING: "You have withdrawn your request.",
    RegistrationStatus.INVITED: "You have declined the invitation.",
}


def _return_to(request, page):
    """Back to "My learning" when the person came from there, otherwise to the event's page."""
    dashboard = reverse("accounts:dashboard")
    return dashboard if (request.POST.get("next") or request.GET.get("next")) == dashboard else page.url


@never_cache
@require_http_methods(["GET", "POST"])
def withdraw(request, page):
    """GET asks the person to confirm (a plain page, no script needed); POST withdraws."""
    if not request.user.is_authenticated:
        return redirect_to_login(page.url + "withdraw/")
    back = _return_to(request, page)
    registration = services.with_waitlist_position(Registration.objects.filter(page=page, user=request.user)).first()
    if registration is None:
        messages.error(request, "You are not registered for this event.")
        return redirect(page.url)
    problem = services.withdrawal_problem(registration, page)
    if problem:
        messages.error(request, problem)
        return redirect(back)
    if request.method == "POST":
        previous = registration.status
        try:
            services.withdraw(registration, by=request.user)
        except services.Refused as refusal:
            messages.error(request, str(refusal))
            return redirect(back)
        messages.success(request, WITHDRAWN_MESSAGES[previous])
        return redirect(back)
    context = {
        "page": page,
        "registration": registration,
        "registration_gate": services.registration_gate(request.user, page),
        "academy_contact": contact_for(page.academy),
        "back": back,
    }
    return render(request, "colloquia/withdraw.html", context)


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
    if request.method == "POST":
        try:
            if request.POST.get("answer") == "accept":
                registration, set_password_url = services.accept_invitation(registration)
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
    return render(request, "colloquia/invitation.html", {"registration": registration, "page": page})


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
    messages.success(request, "Your calendar link has changed. Subscribe again with the new link.")
    return redirect("accounts:dashboard")


def guard_document(document, request):
    """before_serve_document hook: participants-only materials need an approved place (or academy staff)."""
    restricted = list(RestrictedMaterial.objects.filter(document=document).select_related("page"))
    if not restricted:
        return None
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    from academies.services import EDITOR, REGISTRAR, is_staff_of

    page_ids = [r.page_id for r in restricted]
    if Registration.objects.filter(page_id__in=page_ids, user=user, status=RegistrationStatus.APPROVED).exists():
        return None
    for item in restricted:
        if is_staff_of(user, item.page.academy, EDITOR) or is_staff_of(user, item.page.academy, REGISTRAR):
            return None
    if user.is_superuser:
        return None
    log_refusal(request, f"document:{document.pk}", "participants-only material")
    return HttpResponseForbidden("This document is for registered participants of the event.")
