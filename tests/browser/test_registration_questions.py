"""Browser journey: an editor adds two registration questions, a judge answers them (one mistake first,
entries kept), and the registrar reads the answers."""

import re

import pytest
from playwright.sync_api import expect

from colloquia.models import ColloquiumPage, Registration
from tests.browser.conftest import login, publish_from_editor, run_axe
from tests.colloquia.conftest import make_event, make_index


@pytest.mark.browser
def test_editor_adds_questions_judge_answers_registrar_reads(live_server, page, academy, editor, judge, registrar):
    event = make_event(make_index(academy.page))

    # The editor adds two questions to the event's page and publishes it.
    login(page, live_server, editor.email)
    page.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    expect(page.get_by_role("heading", name="Registration questions")).to_be_visible()
    page.get_by_role("button", name="Add question").click()
    page.locator("[name='registration_questions-0-label']").fill("Travel mode")
    page.locator("[name='registration_questions-0-kind']").select_option("single_choice")
    page.locator("[name='registration_questions-0-choices']").fill("Train\nBus\nAir")
    page.get_by_role("button", name="Add question").click()
    page.locator("[name='registration_questions-1-label']").fill("Arrival date")
    page.locator("[name='registration_questions-1-kind']").select_option("date")
    page.locator("[name='registration_questions-1-help_text']").fill("The day you reach Ranchi.")
    publish_from_editor(page, lambda url: f"/admin/pages/{event.pk}/edit/" not in url)
    live = ColloquiumPage.objects.get(pk=event.pk)
    assert [(q.label, q.kind, q.required) for q in live.registration_questions.all()] == [
        ("Travel mode", "single_choice", True),
        ("Arrival date", "date", True),
    ]
    page.context.clear_cookies()

    # The judge registers: the button leads to the questions.
    login(page, live_server, judge.email)
    page.goto(f"{live_server.url}{event.url}")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", name=f"Register: {event.title}")).to_be_visible()
    expect(page.get_by_text("The day you reach Ranchi.")).to_be_visible()
    assert run_axe(page) == []

    # One mistake first: the travel mode is left out. The date typed is kept.
    page.get_by_label("Arrival date").fill("2031-03-09")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the answers marked below")
    expect(page.get_by_text("This field is required.")).to_be_visible()
    expect(page.get_by_label("Arrival date")).to_have_value("2031-03-09")
    assert not Registration.objects.filter(page=event).exists()
    assert run_axe(page) == []

    page.get_by_role("group", name="Travel mode").get_by_label("Bus").check()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("Your registration: Approved").first).to_be_visible()
    registration = Registration.objects.get(page=event, user=judge)
    assert {a.question_label: a.value for a in registration.question_answers.all()} == {
        "Travel mode": "Bus",
        "Arrival date": "2031-03-09",
    }
    page.context.clear_cookies()

    # The registrar reads the answers in the admin.
    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Registration answers").click()
    page.get_by_role("link", name=event.title).click()
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader", name="Travel mode")).to_be_visible()
    row = table.get_by_role("row", name=re.compile(judge.full_name))
    expect(row).to_contain_text("Bus")
    expect(row).to_contain_text("9 Mar 2031")
    assert run_axe(page) == []
