"""A judge enrols, completes every lesson, fails the quiz once, passes it, and sees 100% on the dashboard."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Attempt, Enrolment
from tests.courses.conftest import make_index, make_module
from tests.factories import make_academy, make_user

from .conftest import login

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
    judge = make_user("district_judge", email="judge@example.test", full_name="Smt. Anjali Verma")

    login(page, live_server, judge.email)
    page.goto(live_server.url + module.url)
    page.get_by_role("button", name="Enrol in this module").click()
    for _ in range(3):
        page.get_by_role("button", name="Mark complete and continue").click()
    expect(page).to_have_url(re.compile(re.escape(module.url) + "#quiz$"))
    expect(page.get_by_text("75% complete")).to_be_visible()  # 3 lessons of 4 steps

    page.get_by_role("button", name="Take the quiz").click()
    expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
    _answer(page, Attempt.objects.get(enrolment__user=judge, number=1), right=False)
    expect(page.get_by_text(re.compile("You scored 0%"))).to_be_visible()

    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
    _answer(page, Attempt.objects.get(enrolment__user=judge, number=2), right=True)
    expect(page.get_by_text(re.compile("You scored 100%"))).to_be_visible()
    assert Enrolment.objects.get(user=judge).completed_at is not None

    page.get_by_role("link", name="My learning").first.click()
    dashboard = page.locator("main")
    expect(dashboard.get_by_text("Victim-centred trials").first).to_be_visible()
    expect(dashboard.get_by_role("cell", name="100%").first).to_be_visible()
    expect(dashboard.get_by_role("heading", name="Completed")).to_be_visible()
