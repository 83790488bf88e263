"""Quiz answers saved as the learner goes: "Save" and "Finish later" without JavaScript, the page's
script on each change, the time limit, and a submission graded once on the server."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import Attempt
from tests.factories import make_staff, make_user

from .conftest import make_module

pytestmark = pytest.mark.django_db


def right(q):
    return next(o["id"] for o in q["options"] if o["correct"])


def wrong(q):
    return next(o["id"] for o in q["options"] if not o["correct"])


@pytest.fixture
def attempt(module, judge):
    enrolment, _ = services.enrol(judge, module)
    return services.start_attempt(enrolment)


@pytest.fixture
def browser(judge):
    client = Client()
    client.force_login(judge)
    return client


def url(attempt):
    return reverse("courses:attempt", args=[attempt.pk])


def save_url(attempt):
    return reverse("courses:save_attempt", args=[attempt.pk])


def test_save_keeps_the_answers_without_grading_them(browser, attempt):
    q1, q2 = attempt.questions[:2]
    response = browser.post(url(attempt), {f"q{q1['id']}": right(q1), f"q{q2['id']}": wrong(q2), "action": "save"})
    assert response.status_code == 302 and response.url == url(attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.IN_PROGRESS and attempt.score is None and attempt.results == {}
    assert attempt.answers[str(q1["id"])] == right(q1) and attempt.answers[str(q2["id"])] == wrong(q2)
    assert attempt.saved_at is not None
    # Coming back: the form is filled in again, and still says nothing about right or wrong.
    html = browser.get(url(attempt)).content.decode()
    assert f'value="{right(q1)}" checked' in html and f'value="{wrong(q2)}" checked' in html
    assert "Answers last saved at" in html
    for secret in ("SECRET-FEEDBACK", "Correct answer", "tag-ok", "You scored"):
        assert secret not in html


def test_finish_later_keeps_the_attempt_open_and_goes_back_to_the_module(browser, attempt, module):
    q1 = attempt.questions[0]
    response = browser.post(url(attempt), {f"q{q1['id']}": right(q1), "action": "later"})
    assert response.status_code == 302 and response.url == f"{module.url}#quiz"
    attempt.refresh_from_db()
    assert attempt.status == Attempt.IN_PROGRESS and attempt.answers[str(q1["id"])] == right(q1)
    page = browser.get(module.url).content.decode()
    assert "Your answers are saved and the attempt stays open" in page
    assert f"Continue attempt {attempt.number}" in page


def test_the_script_saves_on_each_change_and_learns_nothing_about_the_answers(browser, attempt):
    q1 = attempt.questions[0]
    response = browser.post(save_url(attempt), {f"q{q1['id']}": wrong(q1)}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["saved"] is True and body["message"].startswith("Answers saved at ")
    assert set(body) == {"saved", "message"}  # no score, no right or wrong
    attempt.refresh_from_db()
    assert attempt.answers[str(q1["id"])] == wrong(q1) and attempt.status == Attempt.IN_PROGRESS


def test_a_later_save_replaces_only_the_questions_it_names(attempt):
    q1, q2 = attempt.questions[:2]
    services.save_answers(attempt, {str(q1["id"]): right(q1), str(q2["id"]): right(q2)})
    services.save_answers(attempt, {str(q2["id"]): wrong(q2), "999999": "made-up"})
    attempt.refresh_from_db()
    assert attempt.answers == {str(q1["id"]): right(q1), str(q2["id"]): wrong(q2)}  # nothing not drawn is kept


def test_submission_grades_the_saved_answers_with_the_ones_sent_once(browser, attempt):
    questions = attempt.questions
    for q in questions[:-1]:
        services.save_answers(attempt, {str(q["id"]): right(q)})
    last = questions[-1]
    # The form comes back filled with the saved answers, and is sent whole with the last one added.
    form = {f"q{q['id']}": right(q) for q in questions}
    html = browser.get(url(attempt)).content.decode()
    assert all(f'value="{right(q)}" checked' in html for q in questions[:-1])
    response = browser.post(url(attempt), {**form, "action": "submit"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == Decimal("100.00") and attempt.passed
    # Saving or submitting again changes nothing.
    again = browser.post(save_url(attempt), {f"q{last['id']}": wrong(last)})
    assert again.status_code == 409 and again.json()["saved"] is False
    browser.post(url(attempt), {f"q{last['id']}": wrong(last), "action": "submit"})
    attempt.refresh_from_db()
    assert attempt.score == Decimal("100.00") and attempt.answers[str(last["id"])] == right(last)


def test_submit_is_the_default_only_for_its_own_button(browser, attempt):
    # Enter in a text box presses the first button, "Save": the attempt must stay open.
    html = browser.get(url(attempt)).content.decode()
    buttons = html[html.index('<div class="form-actions">') :]
    assert buttons.index('value="save"') < buttons.index('value="later"') < buttons.index('value="submit"')


@pytest.mark.parametrize("who", ["other_learner", "editor", "registrar", "superuser"])
def test_nobody_else_can_save_into_or_read_an_attempt(attempt, academy, who, superuser):
    people = {
        "other_learner": lambda: make_user("district_judge"),
        "editor": lambda: make_staff(academy, "editor"),
        "registrar": lambda: make_staff(academy, "registrar"),
        "superuser": lambda: superuser,
    }
    client = Client()
    client.force_login(people[who]())
    q1 = attempt.questions[0]
    assert client.post(save_url(attempt), {f"q{q1['id']}": right(q1)}).status_code == 404
    assert client.post(url(attempt), {f"q{q1['id']}": right(q1), "action": "save"}).status_code == 404
    assert client.get(url(attempt)).status_code == 404
    attempt.refresh_from_db()
    assert attempt.answers == {} and attempt.saved_at is None


def test_a_visitor_is_sent_to_sign_in(client, attempt):
    response = client.post(save_url(attempt), {})
    assert response.status_code == 302 and response.url.startswith("/accounts/login/?next=")
    assert client.get(save_url(attempt)).status_code in (302, 405)


def test_the_save_address_takes_only_posts(browser, attempt):
    assert browser.get(save_url(attempt)).status_code == 405


class TestTimeLimit:
    @pytest.fixture
    def timed(self, academy_index, judge):
        module = make_module(academy_index, slug="timed", quiz_time_limit=20)
        enrolment, _ = services.enrol(judge, module)
        return services.start_attempt(enrolment)

    def test_an_attempt_gets_its_deadline_at_the_start(self, timed):
        assert timed.deadline is not None
        assert timedelta(minutes=19) < timed.deadline - timed.started_at <= timedelta(minutes=20)

    def test_no_limit_no_deadline(self, attempt):
        assert attempt.deadline is None and not services.is_expired(attempt)

    def test_finish_later_does_not_stop_the_clock(self, browser, timed):
        response = browser.post(url(timed), {"action": "later"}, follow=True)
        assert "The time limit still runs; it closes at" in response.content.decode()

    def test_past_the_limit_the_attempt_is_graded_with_the_answers_saved_in_time(self, browser, timed):
        q1, q2 = timed.questions[:2]
        services.save_answers(timed, {str(q1["id"]): right(q1)})
        Attempt.objects.filter(pk=timed.pk).update(
            deadline=timezone.now() - services.DEADLINE_GRACE - timedelta(seconds=1)
        )
        # A late save or submission changes nothing: the attempt is graded as saved in time.
        late = browser.post(save_url(timed), {f"q{q1['id']}": wrong(q1), f"q{q2['id']}": right(q2)})
        assert late.status_code == 409
        timed.refresh_from_db()
        assert timed.is_submitted and timed.correct_count == 1 and timed.finished_at == timed.deadline
        assert timed.answers[str(q1["id"])] == right(q1) and timed.answers[str(q2["id"])] == ""

    def test_opening_an_expired_attempt_grades_it(self, browser, timed):
        Attempt.objects.filter(pk=timed.pk).update(deadline=timezone.now() - timedelta(hours=1))
        html = browser.get(url(timed), follow=True).content.decode()
        assert "The time limit for this attempt had passed" in html and "You scored 0%" in html
        timed.refresh_from_db()
        assert timed.is_submitted

    def test_answers_sent_within_the_grace_still_count(self, browser, timed):
        q1 = timed.questions[0]
        Attempt.objects.filter(pk=timed.pk).update(deadline=timezone.now() - timedelta(seconds=5))
        browser.post(url(timed), {f"q{q1['id']}": right(q1), "action": "submit"})
        timed.refresh_from_db()
        assert timed.is_submitted and timed.correct_count == 1

    def test_starting_again_after_an_expired_attempt_grades_it_first(self, timed):
        Attempt.objects.filter(pk=timed.pk).update(deadline=timezone.now() - timedelta(hours=1))
        timed.refresh_from_db()
        new = services.start_attempt(timed.enrolment)
        timed.refresh_from_db()
        assert timed.is_submitted and new.pk != timed.pk and new.number == 2


def test_the_quiz_page_loads_its_script_from_this_site(browser, attempt):
    html = browser.get(url(attempt)).content.decode()
    assert '<script src="/static/courses/quiz_autosave.js" defer></script>' in html
    assert f'data-autosave="{save_url(attempt)}"' in html
    assert "<script>" not in html  # nothing inline: the strict CSP holds
