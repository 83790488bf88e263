"""Registrar screens for an event's places: the waiting list (reorder, promote), registering or
inviting someone on their behalf, and sending an invitation again. Each is scoped as every
registrar screen is (`admin_views.registrar_event`); a registration is reached only through its
own event."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .admin_views import registrar_event
from .choices import Category, RegistrationStatus
from .records import Registration
from .registrar_forms import (
    InvitePersonForm,
    PromoteForm,
    RegisterAccountForm,
    ResendInvitationForm,
    WaitlistPositionForm,
)

S = RegistrationStatus


def _registration(request, page_id, registration_id):
    page = registrar_event(request, page_id)
    registration = get_object_or_404(Registration.objects.select_related("user"), pk=registration_id, page=page)
    registration.page = page
    return page, registration


def waiting_list(request, page_id):
    """Each category's places and its waiting list in order, with the controls to reorder and promote."""
    page = registrar_event(request, page_id)
    places = services.places_by_category(page)
    lists = []
    for row in places:
        waiting = list(services.waiting_list(page.pk, row.category).select_related("user"))
        lists.append({"places": row, "waiting": waiting})
    return TemplateResponse(
        request,
        "colloquia/admin/waiting_list.html",
        {
            "page_title": _("Waiting list: %(event)s") % {"event": page.title},
            "header_icon": "list-ol",
            "event": page,
            "lists": lists,
        },
    )


@require_POST
def move_on_waitlist(request, page_id, registration_id):
    page, registration = _registration(request, page_id, registration_id)
    form = WaitlistPositionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the new position as a number from 1."))
    else:
        try:
            registration = services.move_on_waitlist(registration, form.cleaned_data["position"], by=request.user)
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            position = services.waitlist_position(registration)
            messages.success(
                request,
                _("%(name)s is now number %(position)s on the waiting list.")
                % {"name": registration.name, "position": position},
            )
    return redirect("colloquia_waiting_list", page.pk)


def promote(request, page_id, registration_id):
    """Give a waiting person a place; beyond the quota only with a written reason (audited)."""
    page, registration = _registration(request, page_id, registration_id)
    if registration.status != S.WAITLISTED:
        messages.error(request, _("%(name)s is not on the waiting list.") % {"name": registration.name})
        return redirect("colloquia_waiting_list", page.pk)
    places = next((row for row in services.places_by_category(page) if row.category == registration.category), None)
    over_quota = places is not None and places.free == 0
    form = PromoteForm(request.POST or None, over_quota=over_quota)
    if request.method == "POST" and form.is_valid():
        try:
            services.promote_from_waitlist(registration, by=request.user, reason=form.cleaned_data["reason"])
        except services.Refused as refusal:
            form.add_error("reason", str(refusal))
        else:
            messages.success(request, _("%(name)s has a place and is being emailed.") % {"name": registration.name})
            return redirect("colloquia_waiting_list", page.pk)
    return TemplateResponse(
        request,
        "colloquia/admin/promote.html",
        {
            "page_title": _("Promote %(name)s") % {"name": registration.name},
            "header_icon": "arrow-up",
            "event": page,
            "registration": registration,
            "position": services.waitlist_position(registration),
            "places": places,
            "over_quota": over_quota,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def register_on_behalf(request, page_id):
    """Register someone who has an account, or invite someone by email, on their behalf."""
    page = registrar_event(request, page_id)
    action = request.POST.get("action") if request.method == "POST" else None
    account_form = RegisterAccountForm(request.POST if action == "account" else None, page=page, prefix="account")
    invite_form = InvitePersonForm(request.POST if action == "invite" else None, page=page, prefix="invite")
    if action == "account" and account_form.is_valid():
        try:
            registration = services.register_on_behalf(
                page, account_form.user, category=account_form.cleaned_data["category"], by=request.user
            )
        except services.Refused as refusal:
            account_form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _("%(name)s: %(status)s; they are being emailed.")
                % {"name": registration.name, "status": registration.get_status_display().lower()},
            )
            return redirect("colloquia_registrations:index", page.pk)
    if action == "invite" and invite_form.is_valid():
        data = invite_form.cleaned_data
        try:
            registration = services.invite_on_behalf(
                page,
                email=data["email"],
                name=data["name"],
                designation=data["designation"],
                category=data["category"],
                nominating_office=data["nominating_office"],
                accept_by=data["accept_by"],
                by=request.user,
            )
        except services.Refused as refusal:
            invite_form.add_error(None, str(refusal))
        else:
            messages.success(request, _("%(name)s has been invited by email.") % {"name": registration.name})
            return redirect("colloquia_registrations:index", page.pk)
    return TemplateResponse(
        request,
        "colloquia/admin/register_on_behalf.html",
        {
            "page_title": _("Register someone: %(event)s") % {"event": page.title},
            "header_icon": "user",
            "event": page,
            "account_form": account_form,
            "invite_form": invite_form,
            "categories": Category.choices,
        },
        status=400 if action and (account_form.errors or invite_form.errors) else 200,
    )


def resend_invitation(request, page_id, registration_id):
    """Email an invitation again, with a new accept-by date (a lapsed one is opened again)."""
    page, registration = _registration(request, page_id, registration_id)
    if registration.status not in (S.INVITED, S.LAPSED):
        messages.error(
            request, _("%(name)s has answered: there is no invitation to send again.") % {"name": registration.name}
        )
        return redirect("colloquia_registrations:index", page.pk)
    form = ResendInvitationForm(request.POST or None, page=page)
    if request.method == "POST" and form.is_valid():
        try:
            services.resend_invitation(registration, by=request.user, accept_by=form.cleaned_data["accept_by"])
        except services.Refused as refusal:
            form.add_error("accept_by", str(refusal))
        else:
            messages.success(
                request, _("The invitation has been sent to %(email)s again.") % {"email": registration.email}
            )
            return redirect("colloquia_registrations:index", page.pk)
    return TemplateResponse(
        request,
        "colloquia/admin/resend_invitation.html",
        {
            "page_title": _("Send the invitation again: %(name)s") % {"name": registration.name},
            "header_icon": "mail",
            "event": page,
            "registration": registration,
            "form": form,
        },
        status=400 if form.errors else 200,
    )
