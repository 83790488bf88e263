"""Automatic reminders: 7 days and 1 day before an event, and "your certificate is ready" after issue.

The registrar switches each on or off per event (`ReminderSetting`; no row means the default in
`DEFAULT_ENABLED`). `manage.py send_due_reminders` (run by the task worker's timer, see
docs/deployment.md) queues the reminders that have fallen due; the certificate reminder is queued
when the certificates app says a certificate was issued (`certificates.signals.certificate_issued`).

When a reminder is due. "7 days before" falls due 7 days before the event's first session starts
and stays due until the next reminder falls due (or the event starts), so a timer that missed a
run catches up, and someone who would get both at once gets only the nearer one. It goes to the
participants approved when it fell due: someone approved later has just had the confirmation email
with the dates. Each person gets each reminder once (a unique constraint on kind and
registration), however often the command runs.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from accounts.audit import record
from colloquia.choices import RegistrationStatus
from colloquia.records import Registration
from colloquia.services import sessions_in_order

from .delivery import add_deliveries
from .models import Delivery, Message, ReminderKind, ReminderSetting
from .texts import TEXTS

K = ReminderKind
ACTION_CHANGED = "colloquium.reminders_changed"

DEFAULT_ENABLED = {
    K.WEEK_BEFORE: True,
    K.DAY_BEFORE: True,
    # Off unless the registrar wants it: the certificates app already emails each person as their
    # certificate is issued; this adds the event's own note, with its delivery log.
    K.CERTIFICATE_READY: False,
}
# The reminders before an event, farthest first.
BEFORE_EVENT = {K.WEEK_BEFORE: timedelta(days=7), K.DAY_BEFORE: timedelta(days=1)}

# The reminders' texts: messaging.texts (each recipient gets them in their own language).


def switches(page):
    """{kind: on or off} for `page`, the registrar's choices over the defaults."""
    chosen = dict(ReminderSetting.objects.filter(page=page).values_list("kind", "enabled"))
    return {kind: chosen.get(kind, DEFAULT_ENABLED[kind]) for kind in K}


def is_on(page_id, kind):
    """Whether reminder `kind` is on for the event `page_id` (one query)."""
    chosen = ReminderSetting.objects.filter(page_id=page_id, kind=kind).values_list("enabled", flat=True).first()
    return DEFAULT_ENABLED[kind] if chosen is None else chosen


def set_switches(page, wanted, *, by):
    """Save the registrar's choice ({kind: bool}); the change goes to the audit log. Returns the kinds changed."""
    current = switches(page)
    changed = [kind for kind in K if kind in wanted and bool(wanted[kind]) != current[kind]]
    with transaction.atomic():
        for kind in changed:
            ReminderSetting.objects.update_or_create(
                page=page,
                kind=kind,
                defaults={"enabled": bool(wanted[kind]), "changed_by": by, "changed_at": timezone.now()},
            )
        if changed:
            record(
                page,
                ACTION_CHANGED,
                by,
                **{str(kind): ("on" if wanted[kind] else "off") for kind in changed},
            )
    return changed


def event_starts_at(page):
    """When the event's first session starts (the start of its first day if it has none), in its zone."""
    sessions = sessions_in_order(page)
    if sessions:
        return sessions[0].starts_at(page.zone)
    return datetime.combine(page.start_date, time.min, tzinfo=page.zone)


def due_window(page, kind, enabled):
    """(from, until): when reminder `kind` of `page` is due, given which reminders are on."""
    starts = event_starts_at(page)
    due = starts - BEFORE_EVENT[kind]
    later = [starts - offset for other, offset in BEFORE_EVENT.items() if enabled[other] and starts - offset > due]
    return due, min(later, default=starts)


def _reminder_message(page, kind):
    subject, body = TEXTS[kind]
    message, _ = Message.objects.get_or_create(
        page=page, reminder=kind, defaults={"subject": subject, "body": body, "audience": str(kind.label)}
    )
    return message


def _not_yet_reminded(registrations, kind):
    return registrations.exclude(
        pk__in=Delivery.objects.filter(reminder=kind, registration__in=registrations).values("registration_id")
    )


def recipients_due(page, kind, due):
    """Who should get reminder `kind` of `page`, which fell due at `due`, and has not had it."""
    approved = Registration.objects.filter(
        page=page,
        status=RegistrationStatus.APPROVED,
        user__isnull=False,
        user__is_active=True,
        status_changed_at__lte=due,
    )
    return _not_yet_reminded(approved, kind).select_related("user").order_by("name", "pk")


def queue_due_for(page, now):
    """Queue the reminders of `page` due at `now`. Returns [(message id, delivery ids)] of what was queued."""
    enabled = switches(page)
    queued = []
    for kind in BEFORE_EVENT:
        if not enabled[kind]:
            continue
        due, until = due_window(page, kind, enabled)
        if not due <= now < until:
            continue
        people = list(recipients_due(page, kind, due))
        if people:
            message = _reminder_message(page, kind)
            ids = add_deliveries(message, people)
            if ids:
                queued.append((message.pk, ids))
    return queued


def pages_with_reminders_near(now):
    """Live events that start within about a week of `now` (wide by a day for time zones), with approved people."""
    today = timezone.localdate(now)
    longest = max(BEFORE_EVENT.values()).days
    page_ids = (
        Registration.objects.filter(
            status=RegistrationStatus.APPROVED,
            page__start_date__gte=today - timedelta(days=1),
            page__start_date__lte=today + timedelta(days=longest + 1),
        )
        .values_list("page_id", flat=True)
        .distinct()
    )
    return Page.objects.live().filter(pk__in=page_ids).specific().order_by("pk")


def queue_due(now=None):
    """Queue every reminder due at `now` (default: now) for every event. Returns [(message id, delivery ids)]."""
    now = now or timezone.now()
    queued = []
    for page in pages_with_reminders_near(now):
        with transaction.atomic():
            queued.extend(queue_due_for(page, now))
    return queued


def queue_certificate_ready(page_id, user_id):
    """Queue "your certificate is ready" for the person's registration at the event, if the event sends it.

    Returns (message id, delivery ids), or None when nothing is to be sent: the reminder is off, the
    person has no registration there, or they have had it already.
    """
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is None or not switches(page)[K.CERTIFICATE_READY]:
        return None
    registration = Registration.objects.select_related("user").filter(page=page, user_id=user_id, user__is_active=True)
    people = list(_not_yet_reminded(registration, K.CERTIFICATE_READY))
    if not people:
        return None
    with transaction.atomic():
        message = _reminder_message(page, K.CERTIFICATE_READY)
        ids = add_deliveries(message, people)
    return (message.pk, ids) if ids else None


def schedule(page, now=None):
    """The reminders screen: for each kind, whether it is on, when it falls due and how many have had it."""
    now = now or timezone.now()
    enabled = switches(page)
    messages = {message.reminder: message for message in Message.objects.filter(page=page).exclude(reminder="")}
    rows = []
    for kind in K:
        row = {"kind": kind, "label": kind.label, "enabled": enabled[kind], "message": messages.get(kind)}
        if kind in BEFORE_EVENT:
            row["due"], row["until"] = due_window(page, kind, enabled)
            row["passed"] = now >= row["until"]
        rows.append(row)
    return rows
