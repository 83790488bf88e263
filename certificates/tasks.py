"""Background work: issuing certificates (django-tasks; in process by default, `manage.py worker` when configured)."""

import logging
import time
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task
from wagtail.models import Page

from academies.services import academy_for_page
from accounts.audit import record
from colloquia.services import eligible_participants, event_details
from courses.services import completion_details

from .models import IssueBatch, Kind, SourceKind
from .services import (
    ACTION_BATCH,
    ACTION_BATCH_EARLY,
    BatchRefused,
    IssueContext,
    attendance_snapshot,
    batch_refusal,
    issue_completion,
    issue_many,
)

logger = logging.getLogger("colloquium.certificates")

# A batch is split into chunk tasks so that every worker process can take a share of it; each
# chunk adds its counts to the batch's progress when it ends.
CHUNK_SIZE = 25
# A chunk that loses its database connection runs again (up to CHUNK_ATTEMPTS times in all) once
# the database answers, waited for up to DATABASE_WAIT_SECONDS each time.
CHUNK_ATTEMPTS = 3
DATABASE_WAIT_SECONDS = 60
MAX_ERRORS = 50


@task()
def issue_for_enrolment(enrolment_label, enrolment_id):
    """Issue the completion certificate for a completed enrolment (if its module gives one)."""
    enrolment = apps.get_model(enrolment_label).objects.filter(pk=enrolment_id).first()
    if enrolment is None:
        return None
    details = completion_details(enrolment)
    if not details.get("gives_certificate"):
        return None
    cert, _ = issue_completion(details)
    return cert.serial


def start_batch(event_page, *, by, early_reason="", now=None):
    """Queue a batch of attendance certificates for `event_page`. Returns (batch, created).

    A batch already queued or running for the event is returned instead of a second one.
    Before the event's last counted session has ended the batch is refused (BatchRefused)
    unless `early_reason` says why it must be issued now; that reason is audited.
    """
    running = IssueBatch.objects.filter(
        colloquium_id=event_page.pk, status__in=[IssueBatch.QUEUED, IssueBatch.RUNNING]
    ).first()
    if running:
        return running, False
    refusal = batch_refusal(event_page, now)
    early_reason = (early_reason or "").strip()
    if refusal and not early_reason:
        raise BatchRefused(gettext("%(refusal)s To issue them now, write why; it is recorded.") % {"refusal": refusal})
    with transaction.atomic():
        batch = IssueBatch.objects.create(
            colloquium_id=event_page.pk,
            title=event_page.title,
            academy=academy_for_page(event_page),
            requested_by=by,
        )
        record(batch, ACTION_BATCH, by, event=event_page.title, event_id=event_page.pk)
        if refusal:
            record(batch, ACTION_BATCH_EARLY, by, event=event_page.title, event_id=event_page.pk, reason=early_reason)
        enqueue_on_commit(issue_batch, batch.pk)
    return batch, True


def _event(batch):
    page = Page.objects.get(pk=batch.colloquium_id).specific
    return page, event_details(page)


@task()
def issue_batch(batch_id):
    """Start a batch: find the eligible participants of its event and enqueue one chunk task per CHUNK_SIZE."""
    batch = IssueBatch.objects.get(pk=batch_id)
    if batch.status not in (IssueBatch.QUEUED, IssueBatch.FAILED):
        return batch.status
    try:
        page = Page.objects.get(pk=batch.colloquium_id).specific
        participants = eligible_participants(page)
    except Exception as error:
        logger.exception("batch %s could not start", batch.pk)
        IssueBatch.objects.filter(pk=batch.pk, status__in=[IssueBatch.QUEUED, IssueBatch.FAILED]).update(
            status=IssueBatch.FAILED, finished_at=timezone.now(), errors=[f"Could not start: {error}"]
        )
        return IssueBatch.FAILED
    # Claiming the batch with a conditional update makes a repeated start a no-op.
    claimed = IssueBatch.objects.filter(pk=batch.pk, status__in=[IssueBatch.QUEUED, IssueBatch.FAILED]).update(
        status=IssueBatch.RUNNING, total=len(participants), done=0, existing=0, failed=0, errors=[], finished_at=None
    )
    if not claimed:
        return IssueBatch.objects.values_list("status", flat=True).get(pk=batch.pk)
    if not participants:
        _finish_if_complete(batch.pk)
        return IssueBatch.FINISHED
    # The task queue stores JSON: pass user ids and hours, not objects.
    rows = [[participant["user"].pk, str(participant["hours"] or 0)] for participant in participants]
    for start in range(0, len(rows), CHUNK_SIZE):
        issue_batch_chunk.enqueue(batch.pk, rows[start : start + CHUNK_SIZE])
    return IssueBatch.RUNNING


def _add_progress(batch_id, counts, errors):
    """Add this chunk's counts to the batch atomically (F()), so concurrent chunks never lose an update."""
    if not any(counts.values()):
        return
    if not errors:
        IssueBatch.objects.filter(pk=batch_id).update(**{name: F(name) + value for name, value in counts.items()})
        return
    with transaction.atomic():
        listed = IssueBatch.objects.select_for_update().values_list("errors", flat=True).get(pk=batch_id)
        IssueBatch.objects.filter(pk=batch_id).update(
            errors=(listed + errors)[:MAX_ERRORS], **{name: F(name) + value for name, value in counts.items()}
        )


def _finish_if_complete(batch_id):
    """Mark the batch finished once every participant is counted; the conditional update makes it happen once."""
    return IssueBatch.objects.filter(
        pk=batch_id, status=IssueBatch.RUNNING, total__lte=F("done") + F("existing") + F("failed")
    ).update(status=IssueBatch.FINISHED, finished_at=timezone.now())


def _database_back(seconds=DATABASE_WAIT_SECONDS):
    """After a lost connection: whether the database answers again within `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            connection.close()
            connection.ensure_connection()
            return True
        except DatabaseError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(1)


@task()
def issue_batch_chunk(batch_id, rows, attempt=1):
    """Issue attendance certificates to one chunk of a batch: `rows` are [user id, hours] pairs.

    The chunk reads its event, template and people once and issues them together
    (`services.issue_many`: a fixed number of short write transactions, the PDFs rendered outside
    them), then adds its counts to the batch in one update.
    """
    User = get_user_model()
    batch = IssueBatch.objects.select_related("requested_by").filter(pk=batch_id, status=IssueBatch.RUNNING).first()
    if batch is None:
        return None
    counts = {"done": 0, "existing": 0, "failed": 0}
    errors = []
    try:
        page, event = _event(batch)
        context = IssueContext.build(Kind.ATTENDANCE, event.get("academy"))
        users = User.objects.in_bulk([user_id for user_id, _ in rows])
        people = [
            (users[user_id], attendance_snapshot(event, {"hours": Decimal(hours)}))
            for user_id, hours in rows
            if user_id in users
        ]
        outcome = issue_many(people, SourceKind.COLLOQUIUM, page.pk, context=context, issued_by=batch.requested_by)
        for user_id, _ in rows:
            result = outcome.get(user_id) if user_id in users else LookupError("the account no longer exists")
            if isinstance(result, tuple):
                counts["done" if result[1] else "existing"] += 1
                continue
            counts["failed"] += 1
            name = users[user_id].full_name if user_id in users else f"User {user_id}"
            errors.append(f"{name}: {result}")
    except Exception as error:
        if isinstance(error, OperationalError | InterfaceError) and attempt < CHUNK_ATTEMPTS and _database_back():
            # The database went away mid-chunk (a restart, a failover). Nothing of the chunk was
            # written, so it is queued to run whole again rather than its people counted as failed.
            logger.warning("batch %s: database error in a chunk (%s); queued again", batch_id, error)
            issue_batch_chunk.enqueue(batch_id, rows, attempt + 1)
            return None
        # The chunk could not go on (event gone, database error): count it as failed so that the
        # batch still adds up to its total and finishes. Nothing of it was written: the
        # certificates are inserted in one transaction, after every other step.
        logger.exception("batch %s: a chunk of %s failed", batch_id, len(rows))
        counts = {"done": 0, "existing": 0, "failed": len(rows)}
        errors = [f"{len(rows)} certificates could not be issued: {error}"]
    _add_progress(batch_id, counts, errors)
    _finish_if_complete(batch_id)
    return len(rows)


def enqueue_on_commit(task_obj, *args):
    transaction.on_commit(lambda: task_obj.enqueue(*args))
