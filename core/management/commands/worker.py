"""`manage.py worker`: django-tasks-db's `db_worker`, after each app has loaded what its tasks need.

An app whose tasks need a costly set-up defines `warm_up_worker()` on its AppConfig (the
certificates app loads WeasyPrint, the fonts and the stylesheet, about 0.6 s). Doing it when the
worker starts, not in the first task, keeps the first certificate of a batch as quick as the rest
and gives the worker its full memory footprint from the start. Options are db_worker's.
"""

import os

from django.apps import apps
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand


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
        return super().handle(*args, **options)
