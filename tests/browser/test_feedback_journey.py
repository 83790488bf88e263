"""Browser journey: a participant answers an event's feedback form once (a second try is refused), and
the registrar's report and its CSV show the answers without anyone's name or email."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from feedback import services
from feedback.models import FeedbackResponse
from tests.browser.conftest import login, run_axe
from tests.colloquia.conftest import make_index
from tests.feedback.conftest import add_registration, ended_event, mark_present, participants


@pytest.mark.browser
def test_participant_answers_once_and_registrar_reads_it_anonymously(live_server, page, academy, judge, registrar):
    event = ended_event(make_index(academy.page))
    mark_present(add_registration(event, judge))
    others = participants(event, 4, "prosecutor")
    for n, person in enumerate(others):
        services.submit_feedback(event, person, overall_usefulness=3 + n % 3, to_change=f"Other comment {n}")

    # The judge finds the form on the event's page.
    login(page, live_server, judge.email)
    page.goto(f"{live_server.url}{event.url}")
    page.get_by_role("link", name="Give your feedback").click()
    expect(page.get_by_role("heading", name=f"Feedback: {event.title}")).to_be_visible()
    expect(page.get_by_text("Your answers are stored without your name")).to_be_visible()
    assert run_axe(page) == []

    # One mistake first: the overall rating is left out; what was entered is kept.
    inaugural = page.get_by_role("group", name=re.compile("Inaugural session"))
    inaugural.get_by_role("group", name=re.compile("Relevance")).get_by_label("5 (excellent)").check()
    inaugural.get_by_role("group", name=re.compile("Clarity")).get_by_label("4").check()
    page.get_by_label("What should the academy change?").fill("More time for the case studies, please.")
    page.get_by_role("button", name="Send my feedback").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was saved")
    expect(page.get_by_text("Choose how useful the event was, from 1 to 5.")).to_be_visible()
    expect(page.get_by_label("What should the academy change?")).to_have_value(
        "More time for the case studies, please."
    )
    expect(inaugural.get_by_role("group", name=re.compile("Relevance")).get_by_label("5 (excellent)")).to_be_checked()
    assert FeedbackResponse.objects.count() == 4
    assert run_axe(page) == []

    overall = page.get_by_role("group", name=re.compile("How useful was the event"))
    overall.get_by_label("5 (excellent)").check()
    page.get_by_role("button", name="Send my feedback").click()
    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    assert FeedbackResponse.objects.count() == 5
    assert run_axe(page) == []

    # A second try is refused with the reason.
    page.goto(f"{live_server.url}/feedback/{event.pk}/")
    expect(page.get_by_role("alert")).to_contain_text("You have already given your feedback on this event")
    assert FeedbackResponse.objects.count() == 5
    page.goto(f"{live_server.url}{event.url}")
    expect(page.get_by_text("You have given your feedback. Thank you.")).to_be_visible()
    page.context.clear_cookies()

    # The registrar reads the report: the judge's comment, nobody's name.
    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Feedback").first.click()
    page.get_by_role("link", name=event.title).click()
    expect(page.get_by_text("More time for the case studies, please.")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Overall usefulness"))).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"^5 2$"))).to_be_visible()  # the chart's table: two marks of 5
    body = page.content()
    for person in (judge, *others):
        assert person.full_name not in body and person.email not in body
    assert run_axe(page) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the figures (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Responses,,5" in text and "Participants asked,,5" in text
    assert "case studies" not in text
    for person in (judge, *others):
        assert person.full_name not in text and person.email not in text
