"""`manage.py worker`: the apps warm up before django-tasks-db's worker takes its first task.

The worker loop itself runs in a separate process in tests/performance/test_task_worker.py; here
db_worker's own handle() is replaced by a recorder, so no loop closes the test's connection.
"""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

import core.pdf
from core.management.commands.worker import Command


@pytest.fixture
def calls(monkeypatch, settings, db):  # db: the worker first queues again what its predecessor left running
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # what db_worker accepts
    calls = []
    config = apps.get_app_config("certificates")
    monkeypatch.setattr(type(config), "warm_up_worker", lambda self: calls.append(self.label), raising=False)
    monkeypatch.setattr(DBWorkerCommand, "handle", lambda self, *args, **options: calls.append("db_worker"))
    return calls


def test_worker_warms_up_each_app_that_asks_then_runs_db_worker(calls):
    call_command("worker", "--batch", "--no-startup-delay", "--no-reload")
    assert calls == ["certificates", "db_worker"]


def test_worker_leaves_system_checks_to_the_release(calls, monkeypatch):
    checked = []
    monkeypatch.setattr(DBWorkerCommand, "check", lambda self, *args, **kwargs: checked.append(kwargs))
    # As manage.py runs it (call_command skips the checks in any case).
    Command().run_from_argv(["manage.py", "worker", "--batch", "--no-startup-delay", "--no-reload"])
    assert checked == [] and calls == ["certificates", "db_worker"]


def test_with_reload_only_the_process_that_runs_tasks_warms_up(calls, monkeypatch):
    monkeypatch.delenv(DJANGO_AUTORELOAD_ENV, raising=False)
    call_command("worker", "--reload")  # the watching parent
    monkeypatch.setenv(DJANGO_AUTORELOAD_ENV, "true")
    call_command("worker", "--reload")  # the child that takes tasks
    assert calls == ["db_worker", "certificates", "db_worker"]


@pytest.mark.django_db
def test_certificate_warm_up_leaves_the_renderer_ready():
    from certificates.pdf import STYLESHEETS, warm_up

    core.pdf.stylesheet.cache_clear()
    warm_up()
    assert core.pdf.font_config.cache_info().currsize == 1
    assert core.pdf.stylesheet.cache_info().currsize == len(STYLESHEETS)
