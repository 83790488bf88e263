"""The colloquium page's own routes (RoutablePageMixin): its agenda files, register, withdraw.

Each takes the request and the page it was routed through; ColloquiumPage's route methods
call them. URL-routed views (invitations, check-in, calendar feeds) are in views.py.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from academies.services import contact_for
from accounts.audit import log_refusal

from . import agenda, services
from .choices import RegistrationStatus
from .extensions import all_valid, forms_context, registration_forms
from .records import Registration


def agenda_ics(request, page):
    response = HttpResponse(agenda.page_ics(page), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{page.slug}-agenda.ics"'
    return response


def agenda_pdf(request, page):
    response = HttpResponse(agenda.page_pdf(page), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{page.slug}-agenda.pdf"'
    return response


# Marks a POST from the questions form: a POST without it is the page's one-click button, which
# shows the event's questions (colloquia.extensions) first when it has any.
ANSWERING = "answering"


def _asks_questions(user, page):
    """Whether registering now makes a new request, the only time the event's questions are asked."""
    existing = Registration.objects.filter(page=page, user=user).first()
    existing = existing or Registration.objects.filter(page=page, email=user.email.lower()).first()
    return existing is None or existing.status in (RegistrationStatus.WITHDRAWN, RegistrationStatus.DECLINED)


def register(request, page):
    """POST registers. With questions, GET (or the page's button) shows them, and the answers come with the POST."""
    answering = request.method == "POST" and ANSWERING in request.POST
    forms = registration_forms(page, request.POST, request.FILES) if answering else registration_forms(page)
    if not request.user.is_authenticated:
        if request.method != "POST" and not forms:
            return redirect(page.url)
        return redirect_to_login(page.url + "register/" if forms else page.url)
    asking = bool(forms) and _asks_questions(request.user, page)
    if request.method != "POST" and not asking:
        return redirect(page.url)
    if asking:
        gate = services.registration_gate(request.user, page)
        if not gate:
            messages.error(request, gate.reason)
            return redirect(page.url)
        if not (answering and all_valid(forms)):
            return render(request, "colloquia/register.html", {"page": page, **forms_context(forms)})
    else:
        forms = []  # already registered, invited or refused: register() answers without new answers
    try:
        registration = services.register(request.user, page, answers=forms)
    except services.Refused as refusal:
        log_refusal(request, f"register:{page.pk}", str(refusal))
        messages.error(request, str(refusal))
        return redirect(page.url)
    messages.success(
        request,
        _("Your registration: %(status)s. We have emailed you.") % {"status": registration.get_status_display()},
    )
    return redirect(page.url)


WITHDRAWN_MESSAGES = {
    RegistrationStatus.APPROVED: gettext_lazy("You have withdrawn. Your place has been offered to the waiting list."),
    RegistrationStatus.WAITLISTED: gettext_lazy("You have withdrawn and left the waiting list."),
    RegistrationStatus.PENDING: gettext_lazy("You have withdrawn your request."),
    RegistrationStatus.INVITED: gettext_lazy("You have declined the invitation."),
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
        messages.error(request, _("You are not registered for this event."))
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
        messages.success(request, str(WITHDRAWN_MESSAGES[previous]))
        return redirect(back)
    context = {
        "page": page,
        "registration": registration,
        "registration_gate": services.registration_gate(request.user, page),
        "academy_contact": contact_for(page.academy),
        "back": back,
    }
    return render(request, "colloquia/withdraw.html", context)
