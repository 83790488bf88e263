"""A judge reads a lesson with the module outline beside it, jumps to the quiz from the outline, answers
two questions, closes the page, comes back to find them kept, and finishes; writes a private note,
finds it on the module's notes page and in the notes PDF; another user cannot reach that note."""

import io
import re
import time

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from courses import services
from courses.models import Attempt
from notes.models import Note
from tests.courses.conftest import make_index, make_module
from tests.factories import make_academy, make_user

from .conftest import WAIT_MS, login, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def wait_for(condition, what):
    """Poll the database until `condition()` holds (the page's script saves in the background)."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def right_option(question):
    return next(o["id"] for o in question["options"] if o["correct"])


def test_judge_reads_with_the_outline_saves_quiz_answers_and_keeps_private_notes(page, browser, live_server):
    academy = make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    module = make_module(make_index(academy.page), lessons=3, questions=4, pass_mark=75, title="Trafficking trials")
    judge = make_user("district_judge", email="judge@example.test", full_name="Smt. Anjali Verma")
    services.enrol(judge, module)
    lessons = services.lessons_for(module)

    login(page, live_server, judge.email)
    page.goto(live_server.url + lessons[0].url)
    outline = page.get_by_role("navigation", name="Module outline")
    expect(outline.get_by_role("link", name="Lesson 1")).to_have_attribute("aria-current", "page")
    expect(outline.get_by_text("Not started").first).to_be_visible()
    assert run_axe(page) == []
    # Printed, the lesson keeps its text and law blocks and loses the outline and buttons.
    page.emulate_media(media="print")
    expect(outline).to_be_hidden()
    expect(page.locator(".block-statute").first).to_be_visible()
    page.emulate_media(media="screen")

    # The outline leads to the quiz.
    outline.get_by_role("link", name="Quiz").click()
    page.get_by_role("button", name="Take the quiz").click()
    expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
    attempt = Attempt.objects.get(enrolment__user=judge)
    first, second = attempt.questions[:2]
    page.check(f"input[name='q{first['id']}'][value='{right_option(first)}']")
    expect(page.get_by_role("status").filter(has_text="Answers saved at")).to_be_visible()
    page.check(f"input[name='q{second['id']}'][value='{right_option(second)}']")
    wait_for(
        lambda: Attempt.objects.get(pk=attempt.pk).answers.get(str(second["id"])) == right_option(second),
        "the second answer to be saved",
    )
    assert run_axe(page) == []
    page.close()  # the tab is closed: nothing was submitted, nothing is lost

    page = page.context.new_page()
    page.goto(live_server.url + lessons[1].url)
    outline = page.get_by_role("navigation", name="Module outline")
    expect(outline.get_by_text("In progress: your answers are saved")).to_be_visible()
    outline.get_by_role("link", name="Quiz").click()
    expect(page.locator(f"input[name='q{first['id']}'][value='{right_option(first)}']")).to_be_checked()
    expect(page.locator(f"input[name='q{second['id']}'][value='{right_option(second)}']")).to_be_checked()
    for question in attempt.questions[2:]:
        page.check(f"input[name='q{question['id']}'][value='{right_option(question)}']")
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text(re.compile("You scored 100%"))).to_be_visible()
    assert Attempt.objects.get(pk=attempt.pk).passed is True

    # A private note under lesson 2, found on the module's notes page and in the PDF.
    page.goto(live_server.url + lessons[1].url)
    page.get_by_label("My private note on this lesson").fill("Age is proved by the school certificate first.")
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_text("Your note is saved.")).to_be_visible()
    assert run_axe(page) == []
    page.get_by_role("link", name="All my notes on this module").click()
    expect(page.get_by_role("heading", name="Lesson 2")).to_be_visible()
    expect(page.get_by_text("Age is proved by the school certificate first.")).to_be_visible()
    assert run_axe(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my notes (PDF)").click()
    with open(download.value.path(), "rb") as handle:
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Age is proved by the school certificate first." in text and "Lesson 2" in text

    # Another user cannot reach the note by its address.
    note = Note.objects.get(user=judge)
    other = make_user("district_judge", email="other@example.test")
    context = browser.new_context(base_url=live_server.url, locale="en-IN", bypass_csp=True)
    try:
        stranger = context.new_page()
        login(stranger, live_server, other.email)
        response = stranger.goto(f"{live_server.url}/notes/{note.pk}/")
        assert response.status == 404
        expect(stranger.get_by_text("Age is proved")).to_have_count(0)
    finally:
        context.close()
