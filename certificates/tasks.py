"""Background work: issuing certificates (django-tasks; in process by default, `db_worker` when configured)."""

import logging

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from .models import IssueBatch, Kind
from .services import IssueContext, issue_attendance, issue_completion

logger = logging.getLogger("colloquium.certificates")

PROGRESS_EVERY = 10


@task()
def issue_for_enrolment(enrolment_label, enrolment_id):
    """Issue the completion certificate for a completed enrolment (if its module gives one)."""
    from courses.services import completion_details

    enrolment = apps.get_model(enrolment_label).objects.filter(pk=enrolment_id).first()
    if enrolment is None:
        return None
    details = completion_details(enrolment)
    if not details.get("gives_certificate"):
        return None
    cert, _ = issue_completion(details)
    return cert.serial


@task()
def issue_batch(batch_id):
    """Issue attendance certificates to every eligible participant of one event, counting progress."""
    from colloquia.services import eligible_participants, event_details

    batch = IssueBatch.objects.select_related("requested_by", "academy").get(pk=batch_id)
    if batch.status not in (IssueBatch.QUEUED, IssueBatch.FAILED):
        return batch.status
    try:
        page = Page.objects.get(pk=batch.colloquium_id).specific
        event = event_details(page)
        participants = eligible_participants(page)
        context = IssueContext.build(Kind.ATTENDANCE, event.get("academy"))
    except Exception as error:
        logger.exception("batch %s could not start", batch.pk)
        IssueBatch.objects.filter(pk=batch.pk).update(
            status=IssueBatch.FAILED, finished_at=timezone.now(), errors=[f"Could not start: {error}"]
        )
        return IssueBatch.FAILED
    IssueBatch.objects.filter(pk=batch.pk).update(
        status=IssueBatch.RUNNING, total=len(participants), done=0, existing=0, failed=0, errors=[]
    )
    counts = {"done": 0, "existing": 0, "failed": 0}
    errors = []

    def flush():
        IssueBatch.objects.filter(pk=batch.pk).update(**counts, errors=errors[:50])

    for number, participant in enumerate(participants, start=1):
        try:
            _, created = issue_attendance(page, event, participant, context=context, issued_by=batch.requested_by)
            counts["done" if created else "existing"] += 1
        except Exception as error:
            logger.exception("batch %s: certificate for user %s failed", batch.pk, participant["user"].pk)
            counts["failed"] += 1
            errors.append(f"{participant['user'].full_name}: {error}")
        if number % PROGRESS_EVERY == 0:
            flush()
    with transaction.atomic():
        flush()
        IssueBatch.objects.filter(pk=batch.pk).update(status=IssueBatch.FINISHED, finished_at=timezone.now())
    return IssueBatch.FINISHED


def enqueue_on_commit(task_obj, *args):
    transaction.on_commit(lambda: task_obj.enqueue(*args))
