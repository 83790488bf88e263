"""`manage.py worker`: the apps warm up before the worker takes its first task."""

import pytest
from django.apps import apps
from django.core.management import call_command

import core.pdf


@pytest.mark.django_db
def test_worker_warms_up_each_app_that_asks_before_running_tasks(monkeypatch, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    calls = []
    config = apps.get_app_config("certificates")
    monkeypatch.setattr(type(config), "warm_up_worker", lambda self: calls.append(self.label), raising=False)
    call_command("worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert calls == ["certificates"]


@pytest.mark.django_db
def test_certificate_warm_up_leaves_the_renderer_ready():
    from certificates.pdf import STYLESHEETS, warm_up

    core.pdf.stylesheet.cache_clear()
    warm_up()
    assert core.pdf.font_config.cache_info().currsize == 1
    assert core.pdf.stylesheet.cache_info().currsize == len(STYLESHEETS)
