"""Browser journeys: a judge registers; a registrar marks attendance; an editor builds an agenda."""

import re

import pytest
from playwright.sync_api import expect

from colloquia.models import Attendance, ColloquiumPage, Registration
from colloquia.services import register, sessions_in_order
from tests.browser.conftest import login, publish_from_editor, run_axe
from tests.colloquia.conftest import make_event, make_index, move_event
from tests.factories import make_user


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
    event = move_event(event, -30)  # attendance is taken once the session has begun
    session = next(s for s in sessions_in_order(event) if s.counts_for_attendance)
    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/colloquia/{event.pk}/")
    page.get_by_role("link", name="Mark attendance").first.click()
    page.get_by_role("group", name=re.compile(f"Attendance of {judge.full_name}")).get_by_label("Present").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text(re.compile("attendance records? saved"))).to_be_visible()
    record = Attendance.objects.get(registration=registration, session=session)
    assert (record.status, record.method, record.recorded_by_id) == ("present", "registrar", registrar.pk)


@pytest.mark.browser
def test_registrar_cannot_mark_a_session_that_has_not_begun(live_server, page, academy, judge, registrar):
    event = make_event(make_index(academy.page))  # three weeks ahead
    register(judge, event)
    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/colloquia/{event.pk}/")
    page.get_by_role("link", name="Mark attendance").first.click()
    expect(page.get_by_text(re.compile(r"Attendance for “Inaugural session” opens at 09:00 IST on"))).to_be_visible()
    assert run_axe(page) == []
    expect(page.get_by_role("button", name="Mark everyone present")).to_have_count(0)
    assert not Attendance.objects.exists()


@pytest.mark.browser
def test_room_screen_changes_its_code_in_place(live_server, page, academy, registrar, settings):
    settings.COLLOQUIA_CHECK_IN_SECONDS = 2  # a new code every 2 seconds instead of every minute
    event = make_event(make_index(academy.page))
    session = next(s for s in sessions_in_order(event) if s.counts_for_attendance)
    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/colloquia/{event.pk}/sessions/{session.pk}/room-screen/")
    expect(page.get_by_role("img", name=f"QR code for check-in to {session.title}")).to_be_visible()
    assert page.locator('meta[http-equiv="refresh"]').count() == 0
    assert run_axe(page) == []
    page.evaluate("window.sameDocument = true")  # gone if the page reloads
    address = page.locator("#room-screen-url")
    first_address = address.inner_text()
    first_image = page.locator("#room-screen-qr").get_attribute("src")
    expect(address).not_to_have_text(first_address, timeout=30_000)
    assert page.evaluate("window.sameDocument === true")
    assert page.locator("#room-screen-qr").get_attribute("src") != first_image
    assert re.search(rf"/colloquia-registrations/check-in/{session.uid}/[0-9a-f]{{16}}/$", address.inner_text())


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
    publish_from_editor(page, lambda url: "/admin/pages/add/" not in url)
    created = ColloquiumPage.objects.get(title="District colloquium on trafficking")
    assert created.live
    assert [s.title for s in created.sessions.all()] == ["TS-I: The law after BNS"]
    assert created.academy == academy


@pytest.mark.browser
def test_participant_confirms_withdrawal_registers_again_and_sees_their_place_on_the_waiting_list(
    live_server, page, academy, judge
):
    event = make_event(make_index(academy.page), title="Colloquium with one place", audience={"district_judge": 1})
    register(judge, event)
    waiting = make_user("district_judge")
    register(waiting, event)
    login(page, live_server, judge.email)
    page.goto(f"{live_server.url}{event.url}")
    expect(page.get_by_text("Your registration: Approved")).to_be_visible()

    # Asked first; cancelling keeps the place.
    page.get_by_role("link", name=re.compile(r"^Withdraw")).click()
    expect(page.get_by_role("heading", name="Withdraw from Colloquium with one place?")).to_be_visible()
    expect(page.get_by_text("Your place will go to the next person on the waiting list.")).to_be_visible()
    assert run_axe(page) == []
    page.get_by_role("link", name="Keep my registration").click()
    expect(page.get_by_text("Your registration: Approved")).to_be_visible()
    assert Registration.objects.get(page=event, user=judge).status == "approved"

    # Confirmed: the place goes to the person waiting.
    page.get_by_role("link", name=re.compile(r"^Withdraw")).click()
    page.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_text("You have withdrawn. Your place has been offered to the waiting list.")).to_be_visible()
    expect(page.get_by_text("Your registration: Withdrawn")).to_be_visible()
    assert Registration.objects.get(page=event, user=waiting).status == "approved"
    assert run_axe(page) == []

    # Registration is still open: registering again is a new request, so the waiting list.
    page.get_by_role("button", name="Register again").click()
    expect(page.get_by_text("You are number 1 on the waiting list for District and Sessions judges.")).to_be_visible()
    assert Registration.objects.get(page=event, user=judge).status == "waitlisted"
    assert run_axe(page) == []
    page.goto(f"{live_server.url}/accounts/dashboard/")
    expect(page.get_by_text("Number 1 on the waiting list for District and Sessions judges")).to_be_visible()
    assert run_axe(page) == []
