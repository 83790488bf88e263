"""The registrar's screens in the admin: the events, the name badges and the attendance grid with its export."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from checkin.models import Ticket
from colloquia import services as colloquia
from colloquia.models import Attendance, Registration
from tests.colloquia.conftest import make_event

from .conftest import approved, at, counted

pytestmark = pytest.mark.django_db

TEN_SESSIONS = [
    (day, start, end, f"Session {day * 5 + n + 1}", "technical", True)
    for day in (0, 1)
    for n, (start, end) in enumerate(
        [("09:00", "10:00"), ("10:15", "11:15"), ("11:30", "12:30"), ("13:30", "14:30"), ("14:45", "15:45")]
    )
]


def grid(event):
    return f"/admin/checkin/{event.pk}/attendance/"


def export(event):
    return f"/admin/checkin/{event.pk}/attendance.csv"


def badges(event):
    return f"/admin/checkin/{event.pk}/badges/"


def after(event):
    """A moment after the event, when every session's attendance is open."""
    return datetime.datetime.combine(event.end_date + datetime.timedelta(days=1), datetime.time(9), event.zone)


def read_csv(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.fixture
def marked(event, registrar):
    """Three participants: all four counted sessions, three of them, and one with an override."""
    everyone = approved(event, full_name="Asha Verma")
    most = approved(event, "prosecutor", full_name="Meena Das")
    overridden = approved(event, "police", full_name="=HYPERLINK(1)")
    sessions = counted(event)
    with at(after(event)):
        for session in sessions:
            marks = {everyone: "present", overridden: "absent"}
            marks[most] = "excused" if session == sessions[-1] else "present"
            colloquia.record_attendance(session, marks, method="registrar", by=registrar)
    colloquia.set_override(overridden, eligible=True, reason="Medical leave, certified", by=registrar)
    return everyone, most, overridden


def test_the_grid_ticks_each_session_and_totals_people_and_sessions(client, registrar, event, marked):
    everyone, most, overridden = marked
    withdrawn = approved(event, full_name="Ravi Kumar")
    colloquia.withdraw(withdrawn, by=withdrawn.user)
    client.force_login(registrar)
    response = client.get(grid(event))
    assert response.status_code == 200
    html = response.content.decode()
    rows = {row["name"]: row for row in response.context["rows"]}
    assert set(rows) == {"Asha Verma", "Meena Das", "=HYPERLINK(1)"}  # confirmed places only
    assert rows["Asha Verma"]["marks"] == ["present"] * 4 and rows["Asha Verma"]["present"] == 4
    assert rows["Meena Das"]["marks"] == ["present", "present", "present", "excused"]
    assert rows["Meena Das"]["present"] == 3
    # The certificate result is colloquia's eligibility service's (the rule: every counted session).
    assert rows["Asha Verma"]["summary"]["eligible"] is True
    assert rows["Meena Das"]["summary"]["eligible"] is False
    assert rows["=HYPERLINK(1)"]["summary"]["eligible"] is True
    assert rows["=HYPERLINK(1)"]["summary"]["override_reason"] == "Medical leave, certified"
    assert response.context["totals"] == [2, 2, 2, 1]
    assert "4 / 4" in html and "3 / 4" in html and "0 / 4" in html
    assert "Eligible (override)" in html and "Not eligible" in html
    assert [s.title for s in response.context["sessions"]] == [s.title for s in counted(event)]


def test_the_grid_searches_and_filters_by_category(client, registrar, event, marked):
    client.force_login(registrar)
    names = [row["name"] for row in client.get(grid(event) + "?q=meena").context["rows"]]
    assert names == ["Meena Das"]
    names = [row["name"] for row in client.get(grid(event) + "?category=police").context["rows"]]
    assert names == ["=HYPERLINK(1)"]


def test_the_export_holds_every_session_the_totals_and_the_result_safely(client, registrar, event, marked):
    client.force_login(registrar)
    response = client.get(export(event))
    assert response["Content-Disposition"] == f'attachment; filename="attendance-{event.slug}.csv"'
    header, *rows = read_csv(response)
    sessions = counted(event)
    assert header == [
        "Name",
        "Email",
        "Category",
        "Designation",
        "Ticket number",
        *[f"{s.date:%Y-%m-%d} {s.start_time:%H:%M} {s.title}" for s in sessions],
        "Sessions present",
        "Sessions counted",
        "Hours",
        "Eligible for a certificate",
        "Eligibility override reason",
    ]
    by_name = {row[0]: row for row in rows}
    asha = by_name["Asha Verma"]
    assert asha[2] == "District/Sessions judge"
    assert asha[4] == Ticket.objects.get(registration__user__full_name="Asha Verma").number
    assert asha[5:9] == ["Present"] * 4 and asha[9:] == ["4", "4", "4.75", "Yes", ""]
    assert by_name["Meena Das"][5:9] == ["Present", "Present", "Present", "Excused"]
    assert by_name["Meena Das"][12] == "No"
    # A name typed as a formula reaches the spreadsheet as text (core.csv_export).
    assert "'=HYPERLINK(1)" in by_name and by_name["'=HYPERLINK(1)"][12:] == ["Yes", "Medical leave, certified"]
    # The filters of the grid apply to its export.
    header, *rows = read_csv(client.get(export(event) + "?category=prosecutor"))
    assert [row[0] for row in rows] == ["Meena Das"]


def crowd(event, count, label):
    """`count` approved participants of `event` with tickets and attendance at its sessions, in bulk."""
    users = User.objects.bulk_create(
        User(email=f"{label}{n}@example.test", full_name=f"{label} {n:04d}", role="district_judge")
        for n in range(count)
    )
    registrations = Registration.objects.bulk_create(
        Registration(
            page=event, user=user, email=user.email, name=user.full_name, category="district_judge", status="approved"
        )
        for user in users
    )
    Ticket.objects.bulk_create(Ticket(registration=registration) for registration in registrations)
    sessions = counted(event)
    Attendance.objects.bulk_create(
        Attendance(registration=registration, session=session, status="present", method="registrar")
        for n, registration in enumerate(registrations)
        for m, session in enumerate(sessions)
        if (n + m) % 3
    )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        else:
            response.content  # noqa: B018 - rendered inside the count
    assert response.status_code == 200
    return len(captured)


def test_the_grid_and_its_export_cost_the_same_queries_for_50_or_500_participants(client, registrar, index):
    small = make_event(index, title="Fifty", sessions=TEN_SESSIONS, days=2)
    large = make_event(index, title="Five hundred", sessions=TEN_SESSIONS, days=2)
    crowd(small, 50, "small")
    crowd(large, 500, "large")
    client.force_login(registrar)
    queries(client, grid(small))  # the first request of a session loads what later ones reuse
    for view in (grid, export):
        assert queries(client, view(small)) == queries(client, view(large)), view.__name__
    assert len(client.get(grid(large)).context["rows"]) == 100  # a page of the grid
    header, *rows = read_csv(client.get(export(large)))
    assert len(rows) == 500 and len(header) == 5 + 10 + 5


def test_the_grid_pages_keep_the_filters(client, registrar, index):
    event = make_event(index, title="Large", sessions=TEN_SESSIONS, days=2)
    crowd(event, 150, "p")
    client.force_login(registrar)
    page = client.get(grid(event) + "?q=p&p=2")
    assert [row["name"] for row in page.context["rows"]][0] == "p 0100"
    html = page.content.decode()
    assert "Participants 101–150 of 150 (page 2 of 2)" in html
    assert 'href="?q=p&amp;p=1"' in html


def test_the_events_list_shows_the_registrars_events_only(client, registrar, event, other_event, superuser):
    client.force_login(registrar)
    html = client.get("/admin/checkin/").content.decode()
    assert event.title in html and other_event.title not in html
    assert f"/checkin/desk/{event.pk}/" in html and badges(event) in html and grid(event) in html
    client.force_login(superuser)
    html = client.get("/admin/checkin/").content.decode()
    assert event.title in html and other_event.title in html


def test_registrars_of_the_academy_and_platform_admins_open_every_screen(client, registrar, superuser, event):
    approved(event)
    for user in (registrar, superuser):
        client.force_login(user)
        for url in ("/admin/checkin/", grid(event), export(event), badges(event)):
            assert client.get(url).status_code == 200, (user, url)


def test_everyone_else_is_refused_every_screen(client, event, other_registrar, editor, moderator, judge):
    approved(event)
    urls = (grid(event), export(event), badges(event))
    for url in ("/admin/checkin/", *urls):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={url}", url
    client.force_login(other_registrar)
    assert client.get("/admin/checkin/").status_code == 200  # their own events
    for url in urls:
        assert client.get(url).status_code == 404, url
    for user in (editor, moderator):  # in the admin without the registrar's permission: Wagtail's refusal
        client.force_login(user)
        for url in ("/admin/checkin/", *urls):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"] == "/admin/", (user, url)
    client.force_login(judge)  # no admin at all: Wagtail sends them to sign in
    for url in ("/admin/checkin/", *urls):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={url}", url
