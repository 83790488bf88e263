"""A judge enrols, completes every lesson, fails the quiz once, passes it, and sees 100% on the dashboard.

On the way: the quiz stays closed until the lessons are done (and says which remain), progress
shows lessons and quiz separately, and the failed attempt keeps its answer key until the pass.
"""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Attempt, Enrolment
from tests.courses.conftest import make_index, make_module
from tests.factories import make_academy, make_user

from .conftest import login, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _answer(page, attempt, right):
    for q in attempt.questions:
        wanted = [o for o in q["options"] if o["correct"] == right]
        if q["kind"] == "short":
            page.fill(f"#q{q['id']}", q["accepted"][0] if right else "no idea")
        elif q["kind"] == "multiple":
            for option in wanted:
                page.check(f"input[name='q{q['id']}'][value='{option['id']}']")
        else:
            page.check(f"input[name='q{q['id']}'][value='{wanted[0]['id']}']")
    page.get_by_role("button", name="Submit answers").click()


def test_judge_completes_a_module(page, live_server):
    academy = make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    module = make_module(make_index(academy.page), lessons=3, questions=4, pass_mark=75, title="Victim-centred trials")
    module.quiz_after_lessons = True  # the review option stays at its default: after a pass or the last attempt
    module.save_revision().publish()
    judge = make_user("district_judge", email="judge@example.test", full_name="Smt. Anjali Verma")

    login(page, live_server, judge.email)
    page.goto(live_server.url + module.url)
    expect(page.get_by_text("Once you pass or have used your last attempt")).to_be_visible()
    page.get_by_role("button", name="Enrol in this module").click()
    page.get_by_role("button", name="Mark complete and continue").click()

    # One lesson of three done: the quiz waits for the other two and names them.
    page.goto(live_server.url + module.url)
    progress = page.get_by_role("region", name="Your progress")
    expect(progress.get_by_text("25% complete (1 of 4 steps)")).to_be_visible()
    expect(progress.get_by_text("Lessons: 1 of 3 done · Quiz: opens when the lessons are done")).to_be_visible()
    expect(page.get_by_text("The quiz opens once you have completed the required lessons")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has=page.get_by_role("link", name="Lesson 3"))).not_to_have_count(0)
    expect(page.get_by_role("button", name="Take the quiz")).to_have_count(0)
    assert run_axe(page) == []

    page.get_by_role("link", name="Resume: Lesson 2").click()
    for _ in range(2):
        page.get_by_role("button", name="Mark complete and continue").click()
    expect(page).to_have_url(re.compile(re.escape(module.url) + "#quiz$"))
    expect(page.get_by_text("75% complete (3 of 4 steps)")).to_be_visible()
    expect(page.get_by_text("Lessons: 3 of 3 done · Quiz: not yet passed")).to_be_visible()

    # A failed attempt with attempts left: the score, but not the answer key.
    page.get_by_role("button", name="Take the quiz").click()
    expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
    _answer(page, Attempt.objects.get(enrolment__user=judge, number=1), right=False)
    expect(page.get_by_text(re.compile("You scored 0%"))).to_be_visible()
    expect(page.get_by_text("shown once you pass or have used your last attempt")).to_be_visible()
    expect(page.get_by_text("Correct answer:")).to_have_count(0)
    expect(page.get_by_text("SECRET-FEEDBACK")).to_have_count(0)
    assert run_axe(page) == []
    failed_attempt_url = page.url

    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
    _answer(page, Attempt.objects.get(enrolment__user=judge, number=2), right=True)
    expect(page.get_by_text(re.compile("You scored 100%"))).to_be_visible()
    assert Enrolment.objects.get(user=judge).completed_at is not None

    # Passed: the first attempt now shows the right answers and the feedback.
    page.goto(failed_attempt_url)
    expect(page.get_by_text("Correct answer:").first).to_be_visible()
    expect(page.get_by_text("SECRET-FEEDBACK").first).to_be_visible()
    assert run_axe(page) == []

    page.get_by_role("link", name="My learning").first.click()
    dashboard = page.locator("main")
    expect(dashboard.get_by_text("Victim-centred trials").first).to_be_visible()
    expect(dashboard.get_by_role("cell", name="100%").first).to_be_visible()
    expect(dashboard.get_by_role("heading", name="Completed")).to_be_visible()
    assert run_axe(page) == []
