"""Browser journey: a registrar imports a Zoom participant report with one unmatched row, matches it by
hand, confirms, and sees the attendance in the grid."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from colloquia.models import AgendaSession, Attendance
from colloquia.services import register
from tests.browser.conftest import login, run_axe
from tests.colloquia.conftest import make_event, make_index
from tests.factories import make_user
from tests.online_attendance.conftest import zoom_csv

# Today, just after midnight: attendance for it is open whenever the journey runs.
ONLINE_TODAY = [(0, "00:00", "01:00", "TS-I: Electronic evidence", "technical", True)]


@pytest.mark.browser
def test_registrar_imports_an_online_report_with_one_unmatched_row(live_server, page, academy, registrar):
    event = make_event(
        make_index(academy.page), title="Online Colloquium", start=timezone.localdate(), sessions=ONLINE_TODAY
    )
    AgendaSession.objects.filter(page=event).update(mode="online", meeting_link="https://zoom.example/j/1")
    session = AgendaSession.objects.get(page=event)
    register(make_user("district_judge", full_name="Asha Verma", email="asha@courts.example"), event)
    register(make_user("prosecutor", full_name="Meena Das"), event)
    ravi = register(make_user("police", full_name="Ravi Kumar"), event)
    report = zoom_csv(
        session.date,
        [
            ("Judge Asha", "asha@courts.example", "00:00", "00:50"),  # matched by email: present
            ("Meena Das", "", "00:05", "00:20"),  # matched by name: below the threshold
            ("RK iPhone", "", "00:01", "00:59"),  # unmatched until the registrar says who it is
        ],
    )

    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/online-attendance/")
    assert run_axe(page) == []
    page.get_by_role("link", name="Import a report for Online Colloquium").click()
    page.get_by_label("Attendance report (CSV)").set_input_files(
        {"name": "participants_81234567890.csv", "mimeType": "text/csv", "buffer": report}
    )
    assert run_axe(page) == []
    page.get_by_role("button", name="Read the report").click()

    expect(page.get_by_role("heading", name="Matched participants (2: 1 to be marked present)")).to_be_visible()
    expect(page.get_by_role("heading", name="Unmatched rows (1)")).to_be_visible()
    expect(page.get_by_role("row", name="Meena Das")).to_contain_text("Below 75%")
    assert run_axe(page) == []
    assert not Attendance.objects.exists()  # nothing before confirming

    page.get_by_label("Participant for RK iPhone").select_option(str(ravi.pk))
    page.get_by_role("button", name="Match RK iPhone").click()
    expect(page.get_by_role("heading", name="Matched participants (3: 2 to be marked present)")).to_be_visible()
    expect(page.get_by_role("heading", name="Unmatched rows (0)")).to_be_visible()
    assert not Attendance.objects.exists()

    page.get_by_role("button", name="Confirm and record attendance").click()
    expect(page.get_by_text("2 present from the online report")).to_be_visible()
    assert run_axe(page) == []

    page.get_by_role("link", name="Attendance grid").first.click()
    grid = page.locator("table.attendance-grid")
    expect(grid).to_contain_text("Asha Verma")
    expect(grid.locator("td.grid-present")).to_have_count(2)
    assert run_axe(page) == []
    assert set(Attendance.objects.values_list("registration__name", "method")) == {
        ("Asha Verma", "online"),
        ("Ravi Kumar", "online"),
    }
