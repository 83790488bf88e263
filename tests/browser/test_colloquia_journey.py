"""Browser journeys: a judge registers; a registrar marks attendance; an editor builds an agenda."""

import re

import pytest
from playwright.sync_api import expect

from colloquia.models import Attendance, ColloquiumPage, Registration
from colloquia.services import register, sessions_in_order
from tests.browser.conftest import login
from tests.colloquia.conftest import make_event, make_index


@pytest.mark.browser
def test_judge_registers_for_a_colloquium(live_server, page, academy, judge):
    event = make_event(make_index(academy.page))
    login(page, live_server, judge.email)
    page.goto(f"{live_server.url}{event.url}")
    expect(page.get_by_role("heading", name="TS-I: The law after BNS/BNSS")).to_be_visible()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("Your registration: Approved").first).to_be_visible()
    assert Registration.objects.get(page=event, user=judge).status == "approved"
    page.goto(f"{live_server.url}/accounts/dashboard/")
    expect(page.get_by_role("heading", name="My colloquia")).to_be_visible()


@pytest.mark.browser
def test_registrar_marks_a_session(live_server, page, academy, judge, registrar):
    event = make_event(make_index(academy.page))
    registration = register(judge, event)
    session = next(s for s in sessions_in_order(event) if s.counts_for_attendance)
    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/colloquia/{event.pk}/")
    page.get_by_role("link", name="Mark attendance").first.click()
    page.get_by_role("group", name=re.compile(f"Attendance of {judge.full_name}")).get_by_label("Present").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text(re.compile("attendance records saved"))).to_be_visible()
    record = Attendance.objects.get(registration=registration, session=session)
    assert (record.status, record.method, record.recorded_by_id) == ("present", "registrar", registrar.pk)


@pytest.mark.browser
def test_editor_builds_an_agenda_in_the_admin(live_server, page, academy, editor):
    index = make_index(academy.page)
    login(page, live_server, editor.email)
    page.goto(f"{live_server.url}/admin/pages/add/colloquia/colloquiumpage/{index.pk}/")
    page.locator("#id_title").fill("District colloquium on trafficking")
    page.locator("#id_venue").fill("Civil Court, Ranchi")
    page.locator("#id_start_date").fill("2031-03-10")
    page.locator("#id_end_date").fill("2031-03-10")
    page.locator("#id_title").click()
    page.get_by_role("button", name="Add session").click()
    page.locator("[name='sessions-0-title']").fill("TS-I: The law after BNS")
    page.locator("[name='sessions-0-date']").fill("2031-03-10")
    page.locator("[name='sessions-0-start_time']").fill("10:00")
    page.locator("[name='sessions-0-end_time']").fill("11:00")
    page.locator("#id_title").click()  # closes the date/time picker
    page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(lambda url: "/admin/pages/add/" not in url)
    created = ColloquiumPage.objects.get(title="District colloquium on trafficking")
    assert created.live
    assert [s.title for s in created.sessions.all()] == ["TS-I: The law after BNS"]
    assert created.academy == academy
