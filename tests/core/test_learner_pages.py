"""Whole signed-in pages kept per learner (core.learner_pages): a lesson and "My learning" are served
again while nothing they show has changed, and never across people, browsers, staff or messages.

The tests commit, as a running site does: a learner's version moves on after the commit.
"""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from core import learner_pages
from core.cache import GENERATION_KEY
from courses import services as courses
from notes import services as notes
from resources.models import OrganisationMember
from tests.accounts.test_profile_and_roles import profile_data
from tests.courses.conftest import make_index as make_module_index
from tests.courses.conftest import make_module
from tests.resources.conftest import make_org

pytestmark = pytest.mark.django_db(transaction=True)

DASHBOARD = "/accounts/dashboard/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture
def module(academy):
    return make_module(make_module_index(academy.page), lessons=3, questions=0, title="Evidence of trafficking")


@pytest.fixture
def lesson(module):
    return courses.lessons_for(module)[0]


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def kept_state(client, url):
    """Visit `url` until the browser has its CSRF cookie (the first visit sets it, so it is not kept);
    returns the answer of the visit after that, which is the first that can be served kept."""
    visit(client, url)
    visit(client, url)
    return visit(client, url)


def test_a_lesson_is_kept_for_its_learner_and_its_form_gets_a_fresh_token_each_time(
    page_cache_on, judge, module, lesson
):
    courses.enrol(judge, module)
    client = Client(enforce_csrf_checks=True)
    client.force_login(judge)
    first = visit(client, lesson.url)
    assert "X-Page-Cache" not in first  # no CSRF cookie yet: a page with a new one is never kept
    second = visit(client, lesson.url)
    assert second["X-Page-Cache"] == "learner-miss"
    third = visit(client, lesson.url)
    assert third["X-Page-Cache"] == "learner-hit"
    body = third.content.decode()
    assert "Mark complete and continue" in body and "Test Judge" in body
    assert "csrf0slot" not in body
    # No masked token is sent twice, and the one in the kept page is accepted.
    assert TOKEN.findall(second.content.decode())[0] != TOKEN.findall(body)[0]
    response = client.post(
        reverse("courses:complete_lesson", args=[lesson.pk]), {"csrfmiddlewaretoken": TOKEN.findall(body)[0]}
    )
    assert response.status_code == 302
    # Completing the lesson changed the learner's records: the page is built again and says so.
    after = visit(client, lesson.url)
    assert after["X-Page-Cache"] == "learner-miss"
    assert "Completed" in after.content.decode()


def test_each_learner_and_each_browser_gets_their_own_page(page_cache_on, judge, prosecutor, module, lesson):
    courses.enrol(judge, module)
    judges, prosecutors = Client(), Client()
    judges.force_login(judge)
    prosecutors.force_login(prosecutor)
    assert kept_state(judges, lesson.url)["X-Page-Cache"] == "learner-hit"
    page = visit(prosecutors, lesson.url).content.decode() + kept_state(prosecutors, lesson.url).content.decode()
    assert "Test Prosecutor" in page and "Test Judge" not in page
    assert "Enrol in the module" in page and "Mark complete and continue" not in page
    # The same person in a second browser: another CSRF secret, so another kept page.
    laptop = Client()
    laptop.force_login(judge)
    visit(laptop, lesson.url)
    assert visit(laptop, lesson.url)["X-Page-Cache"] == "learner-miss"


def test_staff_and_visitors_are_never_served_a_kept_page(page_cache_on, registrar, module, lesson):
    client = Client()
    client.force_login(registrar)
    assert "learner" not in kept_state(client, lesson.url).get("X-Page-Cache", "")
    anonymous = Client()
    assert "learner" not in kept_state(anonymous, lesson.url).get("X-Page-Cache", "")


def test_a_waiting_message_is_shown_instead_of_the_kept_page(page_cache_on, judge, module, lesson):
    client = Client()
    client.force_login(judge)
    assert kept_state(client, lesson.url)["X-Page-Cache"] == "learner-hit"
    # Saving the profile unchanged changes nothing the lesson shows, but leaves a message for the next page.
    response = client.post("/accounts/profile/", profile_data(judge))
    assert response.status_code == 302
    shown = visit(client, lesson.url)
    assert "Your profile has been saved." in shown.content.decode()
    assert "learner" not in shown.get("X-Page-Cache", "")
    again = visit(client, lesson.url)
    assert "Your profile has been saved." not in again.content.decode()


def test_a_visit_served_kept_still_counts_the_time_on_the_module(page_cache_on, judge, module, lesson):
    enrolment, _ = courses.enrol(judge, module)
    client = Client()
    client.force_login(judge)
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    with mock.patch("django.utils.timezone.now", return_value=noon):
        kept_state(client, lesson.url)
    enrolment.refresh_from_db()
    assert enrolment.last_seen_at == noon and enrolment.seconds_spent == 0
    # Within a minute a kept visit asks nothing; five minutes on, it counts the five minutes.
    with mock.patch("django.utils.timezone.now", return_value=noon + timedelta(seconds=30)):
        assert visit(client, lesson.url)["X-Page-Cache"] == "learner-hit"
    enrolment.refresh_from_db()
    assert enrolment.last_seen_at == noon
    with mock.patch("django.utils.timezone.now", return_value=noon + timedelta(minutes=5)):
        assert visit(client, lesson.url)["X-Page-Cache"] == "learner-hit"
    enrolment.refresh_from_db()
    assert enrolment.last_seen_at == noon + timedelta(minutes=5)
    assert enrolment.seconds_spent == 300


def test_a_note_saved_shows_on_the_lesson_at_once(page_cache_on, judge, module, lesson):
    courses.enrol(judge, module)
    client = Client()
    client.force_login(judge)
    assert kept_state(client, lesson.url)["X-Page-Cache"] == "learner-hit"
    notes.save_note(judge, lesson, "Ask about the victim's age proof.")
    page = visit(client, lesson.url)
    assert "Ask about the victim&#x27;s age proof." in page.content.decode()
    notes.delete_note(judge, notes.note_for_lesson(judge, lesson).pk)
    assert "age proof" not in visit(client, lesson.url).content.decode()


def test_my_learning_is_kept_only_while_every_section_vouches_for_it(page_cache_on, judge, module):
    client = Client()
    client.force_login(judge)
    assert kept_state(client, DASHBOARD)["X-Page-Cache"] == "learner-hit"

    calls = []

    def undeclared(request, **kwargs):
        calls.append(1)
        return {"html": f"<p>Seen {len(calls)} times</p>"}

    with hooks.register_temporarily("colloquium_dashboard_sections", undeclared):
        # A new section comes with new code, and a page kept by other code is never served
        # (core.learner_pages.code_fingerprint); here, with the same code, the cache is emptied instead.
        cache.clear()
        assert "Seen 1 times" in visit(client, DASHBOARD).content.decode()
        response = visit(client, DASHBOARD)
        assert "Seen 2 times" in response.content.decode()
        assert "learner" not in response.get("X-Page-Cache", "")


def test_a_kept_page_ends_at_the_moment_a_section_names(page_cache_on, judge):
    opens = timezone.now() + timedelta(hours=2)

    def opening(request, **kwargs):
        learner_pages.shows_own_records()
        learner_pages.changes_at(opens)
        return {"html": "<p>The form opens soon</p>" if timezone.now() < opens else "<p>The form is open</p>"}

    client = Client()
    client.force_login(judge)
    with hooks.register_temporarily("colloquium_dashboard_sections", opening):
        assert kept_state(client, DASHBOARD)["X-Page-Cache"] == "learner-hit"
        later = opens + timedelta(minutes=1)
        with mock.patch("django.utils.timezone.now", return_value=later):
            response = visit(client, DASHBOARD)
        assert response["X-Page-Cache"] == "learner-miss"
        assert "The form is open" in response.content.decode()


def test_joining_an_organisation_rebuilds_my_learning(page_cache_on, cso_user):
    client = Client()
    client.force_login(cso_user)
    assert kept_state(client, DASHBOARD)["X-Page-Cache"] == "learner-hit"
    OrganisationMember.objects.create(organisation=make_org(), user=cso_user)
    response = visit(client, DASHBOARD)
    assert "Test Trust" in response.content.decode()
    # A member's submissions change with moderators' decisions, which they do not announce: never kept.
    assert "learner" not in visit(client, DASHBOARD).get("X-Page-Cache", "")


class FailingCache(LocMemCache):
    """The process-local cache (versions and the generation in marker files, still readable), whose
    reads and writes fail: as a shared cache gone away after the version was read."""

    def __init__(self):
        super().__init__("failing", {})

    def get(self, *args, **kwargs):
        raise ConnectionError("the cache is unreachable")

    set = add = incr = get


def test_a_cache_that_fails_mid_request_costs_the_page_nothing(page_cache_on, judge, module, lesson, monkeypatch):
    courses.enrol(judge, module)
    client = Client()
    client.force_login(judge)
    visit(client, lesson.url)
    failing = FailingCache()
    monkeypatch.setattr("core.cache.page_cache", lambda: failing)
    for url in (lesson.url, DASHBOARD):
        response = visit(client, url)
        assert "learner" not in response.get("X-Page-Cache", "")
    assert "Mark complete and continue" in visit(client, lesson.url).content.decode()


class CountingSharedCache(FileBasedCache):
    """A cache shared by every process (not process-local, as with CACHE_URL) that notes the keys of each read."""

    reads = []

    def get(self, key, default=None, version=None):
        self.reads.append([key])
        return super().get(key, default, version)

    def get_many(self, keys, version=None):
        self.reads.append(list(keys))
        missing = object()
        found = {key: FileBasedCache.get(self, key, missing, version) for key in keys}
        return {key: value for key, value in found.items() if value is not missing}


def test_with_a_shared_cache_the_version_and_the_generation_come_in_one_read(page_cache_on, judge, tmp_path):
    page_cache_on.CACHES = {
        **page_cache_on.CACHES,
        "shared": {"BACKEND": f"{__name__}.CountingSharedCache", "LOCATION": str(tmp_path / "shared")},
    }
    page_cache_on.PAGE_CACHE_ALIAS = "shared"
    client = Client()
    client.force_login(judge)
    kept_state(client, DASHBOARD)  # the version and the generation start in the cache on the way
    CountingSharedCache.reads.clear()
    assert visit(client, DASHBOARD)["X-Page-Cache"] == "learner-hit"
    version_key = f"learner-version.{judge.pk}"
    assert [keys for keys in CountingSharedCache.reads if version_key in keys] == [[version_key, GENERATION_KEY]]
