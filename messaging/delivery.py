"""The delivery log's rows, and sending one chunk of them (what a worker task does).

Each email is sent at most once: a worker claims a row by moving it from queued to sent in one
conditional UPDATE before it hands the email to the mail server, so a task that runs twice, or two
workers given the same rows, never send one person the same message twice. A refusal from the
mail server marks that row failed with the server's words; the others in the chunk go on.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Count
from django.utils import timezone, translation

from academies.services import contact_for
from core.i18n import language_of

from .models import Delivery, DeliveryStatus, Message
from .placeholders import event_values, render

logger = logging.getLogger("colloquium.messaging")

# Recipients per worker task: 500 participants are 10 tasks, shared among the workers.
CHUNK_SIZE = 50
MAX_ERROR_LENGTH = 1000


def add_deliveries(message, registrations):
    """Queue `message` for `registrations`, skipping anyone who already has it (or, for a reminder, had it).

    Returns the ids of the rows queued now. The unique constraints decide who already has it, so
    two runs at once add each person once.
    """
    rows = [
        Delivery(message=message, registration=registration, reminder=message.reminder, email=registration.email)
        for registration in registrations
    ]
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return list(
        Delivery.objects.filter(
            message=message, registration__in=[row.registration_id for row in rows], status=DeliveryStatus.QUEUED
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def chunks(ids):
    return [ids[start : start + CHUNK_SIZE] for start in range(0, len(ids), CHUNK_SIZE)]


def _claim(delivery):
    """Take a queued row for this worker; False if another worker has it or it was already sent."""
    now = timezone.now()
    claimed = Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.QUEUED).update(
        status=DeliveryStatus.SENT, sent_at=now, error=""
    )
    return bool(claimed)


def _failed(delivery, error):
    text = f"{type(error).__name__}: {error}"[:MAX_ERROR_LENGTH]
    Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.FAILED, error=text, sent_at=None)


def deliver(message_id, delivery_ids):
    """Send `message_id` to the queued rows among `delivery_ids`, over one connection. Returns the number sent."""
    message = Message.objects.select_related("page", "page__academy").filter(pk=message_id).first()
    if message is None:
        return 0
    page = message.page
    shared = {}  # the event's values in each recipient's language, made once per language
    contact = contact_for(page.academy)
    reply_to = [contact["email"]] if contact and contact["email"] else None
    rows = list(
        Delivery.objects.filter(pk__in=delivery_ids, message=message, status=DeliveryStatus.QUEUED)
        .select_related("registration__user")
        .order_by("pk")
    )
    if not rows:
        return 0
    sent = 0
    connection = get_connection()
    try:
        connection.open()
    except Exception as error:  # noqa: BLE001 - the mail server is down: every row says so, none is lost silently
        logger.exception("message %s: could not reach the mail server", message_id)
        for row in rows:
            _failed(row, error)
        return 0
    try:
        for row in rows:
            if not _claim(row):
                continue
            try:
                subject, body = _rendered(message, row.registration, page, shared)
                EmailMessage(subject, body, None, [row.email], reply_to=reply_to, connection=connection).send()
            except Exception as error:  # noqa: BLE001 - one refused address must not stop the others
                logger.warning("message %s: delivery %s failed: %s", message_id, row.pk, error)
                _failed(row, error)
            else:
                sent += 1
    finally:
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - closing a connection the server already dropped
            logger.info("message %s: the mail connection was already closed", message_id)
    return sent


def recipient_language(registration):
    """The language a recipient reads: their account's choice; a nominee without an account gets the default."""
    user = registration.user if registration.user_id else None
    return language_of(user) if user is not None else settings.LANGUAGE_CODE


def _rendered(message, registration, page, shared):
    """(subject, body) for one recipient, in their language: a reminder's fixed text, the dates."""
    language = recipient_language(registration)
    with translation.override(language):
        if language not in shared:
            shared[language] = event_values(page)
        return render(message, registration, page, shared[language])


def status_counts(messages):
    """{message id: {"queued": n, "sent": n, "failed": n, "total": n}} for several messages, in one query."""
    counts = {message.pk: dict.fromkeys(DeliveryStatus.values, 0) | {"total": 0} for message in messages}
    rows = (
        Delivery.objects.filter(message__in=[message.pk for message in messages])
        .values_list("message_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for message_id, status, n in rows:
        counts[message_id][status] = n
        counts[message_id]["total"] += n
    return counts
