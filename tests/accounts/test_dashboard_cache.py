"""My learning sections are cached per learner and rebuilt whenever something they show changes.

Each test fills the cache with one request, changes something through the same service a
person would use, and checks that the next request shows the change. The tests commit, as a
running site does: the learner's version (`core.learner_pages.learner_version`, never in the
database) moves on after the commit.
"""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import User
from accounts.services import learner_records_changed
from certificates.services import IssueContext, issue_certificate, revoke
from colloquia import services as colloquia
from colloquia.models import Registration
from core.learner_pages import learner_version
from courses import services as courses
from tests.certificates.conftest import snapshot
from tests.colloquia.conftest import make_event
from tests.colloquia.conftest import make_index as make_colloquium_index
from tests.courses.conftest import make_index as make_module_index
from tests.courses.conftest import make_module
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)

DASHBOARD = "/accounts/dashboard/"


def dashboard(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def module(academy):
    return make_module(make_module_index(academy.page), lessons=4, questions=0, title="Evidence of trafficking")


@pytest.fixture
def signed_in(client, judge):
    client.force_login(judge)
    return client


def test_lesson_progress_and_enrolment_show_at_once(signed_in, judge, module, academy):
    enrolment, _ = courses.enrol(judge, module)
    assert "0% complete" in dashboard(signed_in)
    courses.complete_lesson(enrolment, courses.lessons_for(module)[0])
    assert "25% complete" in dashboard(signed_in)

    other = make_module(make_module_index(academy.page, slug="more"), lessons=1, questions=0, title="Bonded labour")
    assert "Bonded labour" not in dashboard(signed_in)
    courses.enrol(judge, other)
    assert "Bonded labour" in dashboard(signed_in)


def test_renaming_a_module_shows_the_new_title(signed_in, judge, module):
    courses.enrol(judge, module)
    assert "Evidence of trafficking" in dashboard(signed_in)
    module.title = "Evidence in trafficking trials"
    module.save_revision().publish()
    assert "Evidence in trafficking trials" in dashboard(signed_in)


def test_issued_and_revoked_certificates_show_at_once(signed_in, judge, academy, registrar):
    assert "No certificates yet" in dashboard(signed_in) or "My certificates" in dashboard(signed_in)
    context = IssueContext.build("attendance", academy)
    certificate, _ = issue_certificate(judge, "colloquium", 7, snapshot(title="Child witnesses"), context=context)
    body = dashboard(signed_in)
    assert certificate.serial in body
    revoke(certificate, reason="Issued in error", by=registrar)
    assert re.search(rf"{certificate.serial}.*?Revoked", dashboard(signed_in), re.S)


def test_registrar_decisions_and_attendance_show_at_once(signed_in, judge, academy, registrar):
    today = timezone.localdate()
    event = make_event(make_colloquium_index(academy.page), start=today, mode="approval", title="Victims in court")
    registration = colloquia.register(judge, event)
    assert "Awaiting approval" in dashboard(signed_in)

    colloquia.decide(registration, approve=True, by=registrar)
    body = dashboard(signed_in)
    assert "Approved" in body and "0 of 4 sessions" in body

    session = next(s for s in colloquia.sessions_in_order(event) if s.counts_for_attendance)
    registration.refresh_from_db()
    # Recorded once the session has begun (attendance is refused for sessions that have not).
    begun = session.starts_at(event.zone)
    colloquia.record_attendance(session, {registration: "present"}, method="registrar", by=registrar, now=begun)
    assert "1 of 4 sessions" in dashboard(signed_in)


def test_a_withdraw_form_served_from_the_cache_still_passes_the_csrf_check(judge, academy):
    event = make_event(make_colloquium_index(academy.page))
    colloquia.register(judge, event)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(judge)
    dashboard(browser)
    body = dashboard(browser)  # from the cache
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    assert "placeholder" not in token
    response = browser.post(f"{event.url}withdraw/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Registration.objects.get(page=event, user=judge).status == "withdrawn"
    assert "Withdrawn" in dashboard(browser)


def test_one_learner_never_sees_anothers_sections(client, judge, module):
    courses.enrol(judge, module)
    client.force_login(judge)
    assert "Evidence of trafficking" in dashboard(client)
    prosecutor = make_user("prosecutor")
    client.force_login(prosecutor)
    body = dashboard(client)
    assert "Evidence of trafficking" not in body and "not enrolled in any module" in body


def test_a_new_day_rebuilds_the_sections(signed_in, judge, academy, monkeypatch):
    event = make_event(make_colloquium_index(academy.page), start=timezone.localdate())
    colloquia.register(judge, event)
    assert f'href="{event.url}withdraw/' in dashboard(signed_in)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert f'href="{event.url}withdraw/' not in dashboard(signed_in)  # the event is over


def test_saving_a_user_loaded_earlier_keeps_the_newer_version(judge):
    stale = User.objects.get(pk=judge.pk)
    before = learner_version(judge.pk)
    learner_records_changed([judge.pk])
    stale.designation = "Principal District and Sessions Judge"
    stale.save()
    fresh = User.objects.get(pk=judge.pk)
    assert learner_version(judge.pk) > before  # moved on
    assert fresh.designation == "Principal District and Sessions Judge"


def test_a_deleted_user_saved_again_is_inserted_afresh():
    user = make_user("prosecutor")
    user.delete()
    user.save()  # Django cleared the id on delete: this is an insert, which the guard must leave alone
    assert User.objects.filter(pk=user.pk, email=user.email).exists()


def test_learner_records_changed_accepts_a_subquery(judge, module):
    enrolment, _ = courses.enrol(judge, module)
    before = learner_version(judge.pk)
    learner_records_changed(type(enrolment).objects.filter(pk=enrolment.pk).values("user_id"))
    assert learner_version(judge.pk) > before  # moved on


def test_inside_a_transaction_the_version_moves_at_commit(judge):
    from django.db import transaction

    before = learner_version(judge.pk)
    with transaction.atomic():
        learner_records_changed([judge.pk])
        assert learner_version(judge.pk) == before
    assert learner_version(judge.pk) > before  # moved on


def test_with_a_shared_cache_the_version_is_a_key_in_it(judge, settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "shared": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)},
    }
    settings.PAGE_CACHE_ALIAS = "shared"  # not process-local, as with CACHE_URL
    before = learner_version(judge.pk)
    learner_records_changed([judge.pk])
    assert learner_version(judge.pk) == before + 1
