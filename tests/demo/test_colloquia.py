import io

import pytest
from django.utils import timezone

from colloquia import services
from colloquia.models import ColloquiumIndexPage, ColloquiumPage, Registration
from demo.loaders import academies as academies_demo
from demo.loaders import accounts as accounts_demo
from demo.loaders import colloquia as colloquia_demo
from demo.loaders import home as home_demo

pytestmark = pytest.mark.django_db


def test_demo_loader_is_idempotent_and_matches_the_brief():
    out = io.StringIO()
    for loader in (accounts_demo.load, home_demo.load, academies_demo.load):
        loader(out)
    assert colloquia_demo.load(out) > 0
    assert colloquia_demo.load(out) == 0
    national = ColloquiumIndexPage.objects.get(slug="colloquia", depth=3)
    assert national.title == "Colloquia and conferences" and national.show_in_menus
    upcoming = ColloquiumPage.objects.get(slug="state-judicial-colloquium-aht")
    past = ColloquiumPage.objects.get(slug="border-region-colloquium-mock-trial")
    assert upcoming.academy.short_code == "JSJA" and upcoming.start_date > timezone.localdate()
    assert upcoming.registration_open and upcoming.sessions.count() == 8
    assert past.end_date < timezone.localdate() and past.sessions.count() == 10
    judge = Registration.objects.get(page=upcoming, user__email="judge@demo.test")
    assert judge.status == "approved"
    eligible = [row["user"].email for row in services.eligible_participants(past)]
    assert "judge@demo.test" in eligible
    summary = services.attendance_summary(Registration.objects.get(page=past, user__email="judge@demo.test"))
    assert summary["sessions_attended"] == summary["sessions_counted"] == 8
    assert "judge3@demo.test" not in eligible
