"""`manage.py worker`: django-tasks-db's `db_worker`, after each app has loaded what its tasks need.

An app whose tasks need a costly set-up defines `warm_up_worker()` on its AppConfig (the
certificates app loads WeasyPrint, the fonts and the stylesheet, about 0.6 s). Doing it when the
worker starts, not in the first task, keeps the first certificate of a batch as quick as the rest
and gives the worker its full memory footprint from the start. Options are db_worker's.
"""

import logging
import os

from django.apps import apps
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("colloquium.tasks")


def requeue_left_running(worker_id, backend_name):
    """Put back in the queue the tasks a worker with this id was running when it died; their number.

    A task stays "running" for good when its worker dies mid-task (kill -9, out of memory, the
    database restarted under it): no other worker takes it, and a certificate batch waiting on it
    never finishes. Worker ids are unique across the pool (`--worker-id`, one per worker slot, as
    the systemd unit sets it), so a worker starting with an id is the only process holding it and
    whatever that id still holds is its predecessor's. The tasks run again from the start: the
    project's tasks are idempotent (a certificate is issued once per person whatever runs it).
    """
    left = [
        task.pk
        for task in DBTaskResult.objects.running().filter(backend_name=backend_name).only("pk", "worker_ids")
        if task.worker_ids and task.worker_ids[-1] == worker_id
    ]
    if left:
        DBTaskResult.objects.filter(pk__in=left, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        )
        logger.warning("worker %s: %s task(s) left running by its predecessor queued again", worker_id, len(left))
    return len(left)


class Command(DBWorkerCommand):
    help = "Run queued tasks (django-tasks-db's db_worker) once the apps have warmed up."
    # A release runs `manage.py check --deploy` once (docs/deployment.md). Run again here, the
    # checks would only leave about 1.4 MB of their imports and caches in a long-lived worker.
    requires_system_checks = []

    def handle(self, *args, **options):
        # With --reload, the first process only watches files and restarts the one that works.
        if options.get("batch") or not options.get("reload") or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            for config in apps.get_app_configs():
                if warm_up := getattr(config, "warm_up_worker", None):
                    warm_up()
            requeue_left_running(options["worker_id"], options["backend_name"])
        return super().handle(*args, **options)
