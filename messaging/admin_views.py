"""Messages and reminders in the Wagtail admin, for the registrars of each event's academy.

Staff who are not registrars are refused (403); a registrar asking for another academy's event or
message gets 404, so nothing says it exists; platform administrators act for every event.
"""

import hashlib
import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.audit import log_refusal
from colloquia.models import ColloquiumPage, RegistrationStatus
from colloquia.registrar_access import registrar_event
from colloquia.services import events_for_registrar, format_moment
from core.csv_export import csv_response

from . import reminders, services
from .forms import ComposeForm, ReminderSwitchesForm
from .models import DeliveryStatus, Message
from .placeholders import PLACEHOLDERS

PREVIEW_NAMES = 20


def _require_registrar(request):
    if not services.is_a_registrar(request.user):
        log_refusal(request, "event messages", "not a registrar")
        raise PermissionDenied


def _event(request, page_id):
    _require_registrar(request)
    return registrar_event(request, page_id, allowed=services.may_message, subject=f"event messages {page_id}")


def _message(request, message_id):
    _require_registrar(request)
    message = get_object_or_404(Message.objects.select_related("page", "page__academy", "sent_by"), pk=message_id)
    if not services.may_message(request.user, message.page):
        log_refusal(request, f"message {message_id}", "not a registrar of this academy")
        raise Http404
    return message


def events(request):
    """The events whose participants the registrar may write to, newest first."""
    _require_registrar(request)
    pages = events_for_registrar(ColloquiumPage.originals.all(), request.user)
    pages = pages.select_related("academy").annotate(registered=Count("registrations")).order_by("-start_date", "pk")
    page_obj = Paginator(pages, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "messaging/admin/events.html",
        {"page_title": _("Messages to participants"), "header_icon": "mail", "page_obj": page_obj},
    )


def event_messages(request, page_id):
    page = _event(request, page_id)
    return TemplateResponse(
        request,
        "messaging/admin/event_messages.html",
        {
            "page_title": _("Messages: %(event)s") % {"event": page.title},
            "header_icon": "mail",
            "event": page,
            "sent": services.messages_of(page),
        },
    )


def _compose_page(request, page, form, **extra):
    return TemplateResponse(
        request,
        "messaging/admin/compose.html",
        {
            "page_title": _("Write to participants: %(event)s") % {"event": page.title},
            "header_icon": "mail",
            "event": page,
            "form": form,
            "filters": [form[name] for name in ("statuses", "categories", "states")],
            "placeholders": PLACEHOLDERS.items(),
            **extra,
        },
    )


def compose(request, page_id):
    """Write, preview (as the first recipient receives it), then send; a refused form keeps what was typed."""
    page = _event(request, page_id)
    if request.method != "POST":
        form = ComposeForm(page=page, initial={"statuses": [RegistrationStatus.APPROVED]})
        return _compose_page(request, page, form)
    form = ComposeForm(request.POST, page=page)
    if not form.is_valid():
        return _compose_page(request, page, form)
    audience = form.audience()
    recipients = list(audience.registrations(page))
    if not recipients:
        form.add_error(None, _("No one matches the recipients you chose. Tick fewer filters."))
        return _compose_page(request, page, form)
    data = form.cleaned_data
    fingerprint = _fingerprint(data, recipients)
    sending = request.POST.get("action") == "send"
    if sending and request.POST.get("fingerprint") == fingerprint:
        message = services.send_message(
            page,
            subject=data["subject"],
            body=data["body"],
            registrations=recipients,
            audience=audience.describe(),
            by=request.user,
        )
        count = len(recipients)
        messages.success(
            request,
            ngettext(
                "Your message is being sent to %(count)s person; the log below follows it.",
                "Your message is being sent to %(count)s people; the log below follows it.",
                count,
            )
            % {"count": count},
        )
        return redirect("messaging_log", message.pk)
    first = recipients[0]
    subject, body = services.preview(page, data["subject"], data["body"], first)
    return _compose_page(
        request,
        page,
        form,
        preview={
            "to": first,
            "subject": subject,
            "body": body,
            "count": len(recipients),
            "names": recipients[:PREVIEW_NAMES],
            "more": max(0, len(recipients) - PREVIEW_NAMES),
            "audience": audience.describe(),
            # Send was pressed on a preview of something else: show what would go now.
            "changed": sending,
            "fingerprint": fingerprint,
        },
    )


def _fingerprint(data, recipients):
    """What the preview showed: the text and the recipients. Sending needs the fingerprint of the same."""
    shown = [data["subject"], data["body"], [registration.pk for registration in recipients]]
    return hashlib.sha256(json.dumps(shown).encode()).hexdigest()[:32]


def message_log(request, message_id):
    message = _message(request, message_id)
    message.display_subject = services.event_subject(message)
    status = request.GET.get("status", "")
    rows = services.log_rows(message, status)
    counts = services.status_counts([message])[message.pk]
    page_obj = Paginator(rows, 100).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "messaging/admin/log.html",
        {
            "page_title": _("Delivery log: %(subject)s") % {"subject": message.display_subject},
            "header_icon": "mail",
            "message": message,
            "event": message.page,
            "counts": counts,
            "status": status if status in DeliveryStatus.values else "",
            "statuses": DeliveryStatus.choices,
            "page_obj": page_obj,
        },
    )


def message_log_csv(request, message_id):
    message = _message(request, message_id)
    # The rows are made now, in the reader's language (the statuses and categories), not as the response streams.
    rows = list(services.log_export(message))
    return csv_response(f"message-{message.pk}-log.csv", services.LOG_COLUMNS, rows)


@require_POST
def resend_failed(request, message_id):
    message = _message(request, message_id)
    count = services.resend_failed(message, by=request.user)
    if count:
        messages.success(
            request,
            ngettext("Sending again to %(count)s person.", "Sending again to %(count)s people.", count)
            % {"count": count},
        )
    else:
        messages.info(request, _("No failed deliveries to send again."))
    return redirect("messaging_log", message.pk)


def reminder_settings(request, page_id):
    page = _event(request, page_id)
    current = reminders.switches(page)
    form = ReminderSwitchesForm(request.POST or None, initial={kind.value: on for kind, on in current.items()})
    if request.method == "POST" and form.is_valid():
        changed = reminders.set_switches(page, form.wanted(), by=request.user)
        messages.success(request, _("Reminders saved.") if changed else _("No change to the reminders."))
        return redirect("messaging_reminders", page.pk)
    rows = reminders.schedule(page)
    for row in rows:
        row["field"] = form[row["kind"].value]
        if "due" in row:
            row["due_label"] = format_moment(row["due"].astimezone(page.zone))
    return TemplateResponse(
        request,
        "messaging/admin/reminders.html",
        {
            "page_title": _("Reminders: %(event)s") % {"event": page.title},
            "header_icon": "time",
            "event": page,
            "form": form,
            "rows": rows,
        },
    )


def admin_urls():
    return [
        path("messaging/", events, name="messaging_events"),
        path("messaging/events/<int:page_id>/", event_messages, name="messaging_event"),
        path("messaging/events/<int:page_id>/compose/", compose, name="messaging_compose"),
        path("messaging/events/<int:page_id>/reminders/", reminder_settings, name="messaging_reminders"),
        path("messaging/<int:message_id>/", message_log, name="messaging_log"),
        path("messaging/<int:message_id>/log.csv", message_log_csv, name="messaging_log_csv"),
        path("messaging/<int:message_id>/resend/", resend_failed, name="messaging_resend"),
    ]
