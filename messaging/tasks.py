"""Background work: sending messages and reminders (django-tasks; in process by default, `manage.py worker`
with TASKS_BACKEND=database).

A message is queued as one `send_chunk` task per CHUNK_SIZE recipients, enqueued once the rows are
committed, so the registrar's request returns at once and every worker takes a share.
"""

from django.db import transaction
from django_tasks import task

from . import reminders
from .delivery import chunks, deliver


@task()
def send_chunk(message_id, delivery_ids):
    """Send one chunk of a message: `delivery_ids` are rows of its delivery log (JSON: ids, not objects)."""
    return deliver(message_id, delivery_ids)


@task()
def send_certificate_ready(page_id, user_id):
    """The certificates app issued this person's certificate for the event: send its reminder, if it is on."""
    queued = reminders.queue_certificate_ready(page_id, user_id)
    if queued is None:
        return 0
    message_id, ids = queued
    return deliver(message_id, ids)


def enqueue_chunks(message_id, delivery_ids):
    """Enqueue one task per chunk of `delivery_ids` once the current transaction commits."""
    for chunk in chunks(list(delivery_ids)):
        transaction.on_commit(lambda chunk=chunk: send_chunk.enqueue(message_id, chunk))


def queue_due_reminders(now=None):
    """Queue every reminder that is due (see messaging.reminders). Returns the number of emails queued."""
    total = 0
    for message_id, ids in reminders.queue_due(now):
        enqueue_chunks(message_id, ids)
        total += len(ids)
    return total
