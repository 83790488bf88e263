"""Public functions of the messaging app: who may message an event, sending, the delivery log, personal data.

Sending writes the message and one delivery row per recipient in one transaction and enqueues the
chunk tasks on commit (messaging.tasks); the emails themselves leave from the task worker.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from academies.services import REGISTRAR, academies_for, acts_for_all
from accounts.audit import record
from colloquia.services import is_registrar_for

from .delivery import add_deliveries, status_counts
from .models import Delivery, DeliveryStatus, Message
from .placeholders import event_values, fill, problems, render
from .tasks import enqueue_chunks
from .texts import texts

PERMISSION = "messaging.add_message"
ACTION_SENT = "colloquium.message_sent"
ACTION_RESENT = "colloquium.message_resent"


class NothingToSend(ValueError):
    """A message that would reach nobody, or whose placeholders are wrong."""


def may_message(user, page):
    """Whether `user` may write to the participants of `page` and read its delivery logs: a registrar of
    the event's academy, or a platform administrator (who alone acts for national events)."""
    return user.has_perm(PERMISSION) and is_registrar_for(user, page)


def is_a_registrar(user):
    """Whether the messaging screens are for `user` at all: a registrar of some academy, or a platform administrator."""
    return user.has_perm(PERMISSION) and (acts_for_all(user) or academies_for(user, REGISTRAR).exists())


def send_message(page, *, subject, body, registrations, audience="", by):
    """Queue a message to `registrations` of `page`. Returns the message; raises NothingToSend."""
    found = problems(subject) + problems(body)
    if found:
        raise NothingToSend(" ".join(found))
    registrations = list(registrations)
    if not registrations:
        raise NothingToSend(_("No one matches the recipients you chose."))
    with transaction.atomic():
        message = Message.objects.create(page=page, subject=subject, body=body, audience=audience, sent_by=by)
        ids = add_deliveries(message, registrations)
        record(message, ACTION_SENT, by, event=page.title, event_id=page.pk, subject=subject, recipients=len(ids))
        enqueue_chunks(message.pk, ids)
    return message


def resend_failed(message, *, by):
    """Queue the failed deliveries of `message` again. Returns how many."""
    with transaction.atomic():
        failed = list(
            Delivery.objects.filter(message=message, status=DeliveryStatus.FAILED)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not failed:
            return 0
        Delivery.objects.filter(pk__in=failed, status=DeliveryStatus.FAILED).update(
            status=DeliveryStatus.QUEUED, error="", sent_at=None
        )
        record(message, ACTION_RESENT, by, event_id=message.page_id, recipients=len(failed))
        enqueue_chunks(message.pk, failed)
    return len(failed)


def preview(page, subject, body, registration):
    """(subject, body) as `registration` would receive them: nothing is saved or sent."""
    draft = Message(page=page, subject=subject, body=body)
    return render(draft, registration, page)


def event_subject(message, shared=None):
    """The subject with the event's own placeholders filled ({name} and {calendar_link} stay), for lists and logs;
    a reminder's in the reader's language."""
    return fill(texts(message)[0], shared if shared is not None else event_values(message.page), one_line=True)


def messages_of(page):
    """The event's messages and reminders, newest first, each with its `counts` by status and `display_subject`."""
    messages = list(Message.objects.filter(page=page).select_related("sent_by"))
    counts = status_counts(messages)
    shared = event_values(page)
    for message in messages:
        message.counts = counts[message.pk]
        message.display_subject = event_subject(message, shared)
    return messages


def log_rows(message, status=""):
    """The delivery log of `message`: failed first, then queued, then sent, each by name."""
    rows = Delivery.objects.filter(message=message).select_related("registration")
    if status in DeliveryStatus.values:
        rows = rows.filter(status=status)
    order = {DeliveryStatus.FAILED: 0, DeliveryStatus.QUEUED: 1, DeliveryStatus.SENT: 2}
    return sorted(rows, key=lambda row: (order[row.status], row.registration.name.lower(), row.pk))


LOG_COLUMNS = ["name", "email", "category", "registration_status", "delivery_status", "error", "sent_at"]


def log_export(message):
    """The delivery log as CSV rows (core.csv_export writes them)."""
    for row in log_rows(message):
        registration = row.registration
        yield [
            registration.name,
            row.email,
            registration.get_category_display(),
            registration.get_status_display(),
            row.get_status_display(),
            row.error,
            row.sent_at,
        ]


def export_personal_data(user):
    """For the personal-data download (the colloquium_personal_data hook): the messages sent to `user`."""
    rows = (
        Delivery.objects.filter(registration__user=user)
        .select_related("message", "message__page", "message__page__academy", "registration__user")
        .order_by("pk")
    )
    sent = []
    for row in rows:
        message = row.message
        subject, _body = render(message, row.registration, message.page)
        sent.append(
            {
                "event": message.page.title,
                "subject": subject,
                "email": row.email,
                "status": row.status,
                "sent_at": timezone.localtime(row.sent_at).isoformat() if row.sent_at else None,
            }
        )
    return {"event_messages": sent}
