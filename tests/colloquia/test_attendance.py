import datetime
import io
import re
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from certificates.models import Certificate
from colloquia import services
from colloquia.models import Attendance, ColloquiumPage, Registration
from demo.loaders import academies as academies_demo
from demo.loaders import accounts as accounts_demo
from demo.loaders import certificates as certificates_demo
from demo.loaders import colloquia as colloquia_demo
from demo.loaders import home as home_demo
from tests.factories import make_staff, make_user

from .conftest import make_event, move_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(event, judge):
    return services.register(judge, event)


def counted(page):
    return [s for s in services.sessions_in_order(page) if s.counts_for_attendance]


def test_registrar_marks_a_whole_session_at_once(client, registrar, event, approved):
    other = services.register(make_user("prosecutor"), event)
    event = move_event(event, -30)  # the session has taken place
    session = counted(event)[0]
    client.force_login(registrar)
    url = f"/admin/colloquia/{event.pk}/sessions/{session.pk}/attendance/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"everyone": "present"})
    assert response.status_code == 302
    records = Attendance.objects.filter(session=session)
    assert {r.registration_id for r in records} == {approved.pk, other.pk}
    assert {(r.status, r.method, r.recorded_by_id) for r in records} == {("present", "registrar", registrar.pk)}
    # Change one to excused.
    client.post(url, {f"status-{other.pk}": "excused", f"status-{approved.pk}": "present"})
    assert Attendance.objects.get(registration=other, session=session).status == "excused"


def test_paper_entry_marks_unticked_people_absent(client, registrar, event, approved):
    other = services.register(make_user("prosecutor"), event)
    event = move_event(event, -30)
    session = counted(event)[1]
    client.force_login(registrar)
    url = f"/admin/colloquia/{event.pk}/sessions/{session.pk}/attendance/"
    assert "Save from paper sheet" in client.get(url + "?mode=paper").content.decode()
    client.post(url, {"mode": "paper", "shown": [approved.pk, other.pk], f"present-{approved.pk}": "on"})
    assert Attendance.objects.get(registration=approved, session=session).method == "paper"
    assert Attendance.objects.get(registration=other, session=session).status == "absent"


def test_other_academys_registrar_and_participants_are_refused(client, event, approved, other_academy, judge):
    session = counted(event)[0]
    url = f"/admin/colloquia/{event.pk}/sessions/{session.pk}/attendance/"
    stranger = make_staff(other_academy, "registrar")
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    assert client.post(url, {"everyone": "present"}).status_code == 404
    assert client.get(f"/admin/colloquia/{event.pk}/").status_code == 404
    assert client.get(f"/admin/colloquia/{event.pk}/sessions/{session.pk}/room-screen/").status_code == 404
    assert client.get(f"/admin/colloquia/{event.pk}/sessions/{session.pk}/sign-in-sheet.pdf").status_code == 404
    client.force_login(judge)  # no admin access at all: Wagtail sends them away
    response = client.post(url, {"everyone": "present"})
    assert response.status_code == 302
    assert not Attendance.objects.exists()


def test_the_other_direction_too(client, other_index, academy, registrar):
    """A registrar of JSJA cannot act on an MPSJA event."""
    page = make_event(other_index, title="MP event", state="MP")
    assert page.academy.short_code == "MPSJA"
    client.force_login(registrar)
    assert client.get(f"/admin/colloquia/{page.pk}/").status_code == 404
    assert page.title not in client.get("/admin/colloquia/").content.decode()


def test_sign_in_sheet_pdf_lists_participants(client, registrar, event, approved, judge):
    session = counted(event)[0]
    client.force_login(registrar)
    response = client.get(f"/admin/colloquia/{event.pk}/sessions/{session.pk}/sign-in-sheet.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert judge.full_name in text and session.title in text


# --- QR self check-in ---


def at(page, session, minutes_after_start):
    return session.starts_at(page.zone) + datetime.timedelta(minutes=minutes_after_start)


def test_room_screen_shows_a_qr_code_for_registrars(client, registrar, event):
    session = counted(event)[0]
    client.force_login(registrar)
    body = client.get(f"/admin/colloquia/{event.pk}/sessions/{session.pk}/room-screen/").content.decode()
    assert 'src="data:image/png;base64,' in body
    assert re.search(rf"/colloquia-registrations/check-in/{session.uid}/[0-9a-f]{{16}}/", body)


def test_current_code_checks_a_registered_participant_in(client, event, approved, judge):
    session = counted(event)[0]
    now = at(event, session, 5)
    code = services.current_check_in_code(session, now)
    client.force_login(judge)
    with mock.patch("colloquia.services.clock.now", return_value=now):
        assert (
            "Mark me present" in client.get(f"/colloquia-registrations/check-in/{session.uid}/{code}/").content.decode()
        )
        response = client.post(f"/colloquia-registrations/check-in/{session.uid}/{code}/")
    assert "You are marked present" in response.content.decode()
    record = Attendance.objects.get(registration=approved, session=session)
    assert (record.status, record.method) == ("present", "qr")


def test_previous_minutes_code_is_still_accepted(event, approved, judge):
    session = counted(event)[0]
    now = at(event, session, 5)
    code = services.current_check_in_code(session, now - datetime.timedelta(seconds=60))
    services.self_check_in(judge, session, code, now)
    assert Attendance.objects.filter(registration=approved, status="present").count() == 1


def test_stale_code_is_refused(client, event, approved, judge):
    session = counted(event)[0]
    now = at(event, session, 10)
    stale = services.current_check_in_code(session, now - datetime.timedelta(minutes=3))
    client.force_login(judge)
    with mock.patch("colloquia.services.clock.now", return_value=now):
        response = client.post(f"/colloquia-registrations/check-in/{session.uid}/{stale}/")
    assert response.status_code == 403
    assert "This code has expired" in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(("minutes", "message"), [(-31, "opens at 09:00 IST on"), (200, "has ended")])
def test_outside_the_session_window_is_refused(event, approved, judge, minutes, message):
    session = counted(event)[0]
    now = at(event, session, minutes)
    with pytest.raises(services.Refused, match=message):
        services.self_check_in(judge, session, services.current_check_in_code(session, now), now)
    assert not Attendance.objects.exists()


def test_thirty_minutes_early_is_inside_the_window(event, approved, judge):
    session = counted(event)[0]
    now = at(event, session, -30)
    services.self_check_in(judge, session, services.current_check_in_code(session, now), now)
    assert Attendance.objects.filter(registration=approved, session=session, status="present").exists()


def test_unregistered_or_waitlisted_people_are_refused(event, prosecutor):
    session = counted(event)[0]
    now = at(event, session, 1)
    code = services.current_check_in_code(session, now)
    with pytest.raises(services.Refused, match="approved place"):
        services.self_check_in(prosecutor, session, code, now)
    Registration.objects.create(
        page=event,
        user=prosecutor,
        email=prosecutor.email,
        name="P",
        category="prosecutor",
        status="waitlisted",
        waitlist_rank=1,  # every waiting registration has its place in the list's order
    )
    with pytest.raises(services.Refused, match="approved place"):
        services.self_check_in(prosecutor, session, code, now)


def test_check_in_needs_sign_in(client, event):
    session = counted(event)[0]
    response = client.get(f"/colloquia-registrations/check-in/{session.uid}/abc/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- Eligibility ---


def _attend(registration, sessions, status="present"):
    for session in sessions:
        Attendance.objects.update_or_create(
            registration=registration, session=session, defaults={"status": status, "method": "registrar"}
        )


def test_rule_all_counted_sessions(event, approved):
    sessions = counted(event)
    _attend(approved, sessions[:-1])
    assert services.attendance_summary(approved)["eligible"] is False
    _attend(approved, sessions[-1:])
    summary = services.attendance_summary(approved)
    assert summary == {
        "sessions_attended": 4,
        "sessions_counted": 4,
        "hours": Decimal("4.75"),
        "eligible": True,
        "override_reason": "",
    }


def test_rule_at_least_n_sessions(index, judge):
    page = make_event(index, title="N sessions", rule="min_sessions", certificate_min_sessions=3)
    registration = services.register(judge, page)
    _attend(registration, counted(page)[:2])
    assert not services.attendance_summary(registration)["eligible"]
    _attend(registration, counted(page)[2:3])
    assert services.attendance_summary(registration)["eligible"]


def test_rule_at_least_x_hours(index, judge):
    page = make_event(index, title="X hours", rule="min_hours", certificate_min_hours=Decimal("2.5"))
    registration = services.register(judge, page)
    sessions = counted(page)  # 1.00 h, 1.25 h, 1.25 h, 1.25 h
    _attend(registration, sessions[:2])
    assert services.attendance_summary(registration)["hours"] == Decimal("2.25")
    assert not services.attendance_summary(registration)["eligible"]
    _attend(registration, sessions[2:3], status="excused")
    assert not services.attendance_summary(registration)["eligible"]  # excused is not attended
    _attend(registration, sessions[2:3])
    assert services.attendance_summary(registration)["eligible"]


def test_override_needs_a_reason_and_is_recorded(client, registrar, event, approved):
    from wagtail.models import ModelLogEntry

    with pytest.raises(services.Refused):
        services.set_override(approved, eligible=True, reason="  ", by=registrar)
    client.force_login(registrar)
    url = f"/admin/colloquia/{event.pk}/registrations/{approved.pk}/eligibility/"
    response = client.post(url, {"eligible": "yes", "reason": ""})
    assert "Write why you are overriding" in response.content.decode()
    client.post(url, {"eligible": "yes", "reason": "Attended TS-II online from the High Court by order."})
    summary = services.attendance_summary(Registration.objects.get(pk=approved.pk))
    assert summary["eligible"] and summary["override_reason"].startswith("Attended TS-II")
    assert ModelLogEntry.objects.filter(action="colloquium.eligibility_override").exists()


def test_contract_for_certificates(event, approved, judge):
    second = services.register(make_user("prosecutor", full_name="Aaron Prosecutor"), event)
    absent = services.register(make_user("police", full_name="Zed Police"), event)
    _attend(approved, counted(event))
    _attend(second, counted(event))
    _attend(absent, counted(event)[:1])
    rows = services.eligible_participants(event)
    assert [row["user"].full_name for row in rows] == ["Aaron Prosecutor", judge.full_name]
    assert set(rows[0]) == {"user", "registration", "sessions_attended", "hours", "override_reason"}
    assert rows[1]["registration"] == approved and rows[1]["sessions_attended"] == 4
    assert isinstance(rows[1]["hours"], Decimal)
    details = services.event_details(event)
    assert details["academy"] == event.academy and details["state"].code == "JH"
    assert details["total_hours"] == Decimal("4.75")
    assert details["kind_label"] == "Judicial colloquium"
    assert set(details) == {"title", "academy", "start_date", "end_date", "venue", "state", "total_hours", "kind_label"}


def test_attendance_changes_are_audited(registrar, event, approved):
    from wagtail.models import ModelLogEntry

    session = counted(event)[0]
    now = at(event, session, 0)
    services.record_attendance(session, {approved: "present"}, method="registrar", by=registrar, now=now)
    entry = ModelLogEntry.objects.get(action="colloquium.attendance_recorded")
    assert entry.user == registrar and entry.data["status"] == "present"
    assert timezone.now() - entry.timestamp < datetime.timedelta(minutes=1)


# --- Attendance opens only shortly before a session starts ---


def _opens_message(page, session, minutes_before=30):
    opens = session.starts_at(page.zone) - datetime.timedelta(minutes=minutes_before)
    return f"Attendance for “{session.title}” opens at {opens:%H:%M} IST on {opens.day} {opens:%b %Y}."


def test_everyone_present_for_a_future_session_records_nobody(client, registrar, event, approved):
    from wagtail.models import ModelLogEntry

    services.register(make_user("prosecutor"), event)
    session = counted(event)[0]  # 21 days from now
    client.force_login(registrar)
    url = f"/admin/colloquia/{event.pk}/sessions/{session.pk}/attendance/"
    assert _opens_message(event, session) in client.get(url).content.decode()
    response = client.post(url, {"everyone": "present"}, follow=True)
    assert _opens_message(event, session) in response.content.decode()
    assert not Attendance.objects.exists()
    assert not ModelLogEntry.objects.filter(action="colloquium.attendance_recorded").exists()


@pytest.mark.parametrize("form", ["per_person", "paper"])
def test_marks_for_a_future_session_are_refused_whatever_the_form(client, registrar, event, approved, form):
    session = counted(event)[1]
    client.force_login(registrar)
    url = f"/admin/colloquia/{event.pk}/sessions/{session.pk}/attendance/"
    data = {f"status-{approved.pk}": "present"} if form == "per_person" else {"mode": "paper"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert _opens_message(event, session) in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_service_opens_attendance_thirty_minutes_before_the_start(registrar, event, approved):
    session = counted(event)[0]  # starts 09:30 IST
    with pytest.raises(services.AttendanceNotOpen) as refusal:
        services.record_attendance(
            session, {approved: "present"}, method="registrar", by=registrar, now=at(event, session, -31)
        )
    assert str(refusal.value) == _opens_message(event, session)
    assert not Attendance.objects.exists()
    assert services.record_attendance(
        session, {approved: "present"}, method="registrar", by=registrar, now=at(event, session, -30)
    )
    assert Attendance.objects.get(registration=approved, session=session).status == "present"


def test_each_event_sets_how_early_attendance_opens(index, judge):
    page = make_event(index, title="Opens on time", attendance_opens_minutes_before=0)
    registration = services.register(judge, page)
    session = counted(page)[0]
    assert not services.attendance_open(session, at(page, session, -1))
    with pytest.raises(services.Refused, match=re.escape(_opens_message(page, session, 0))):
        services.self_check_in(
            judge, session, services.current_check_in_code(session, at(page, session, -1)), at(page, session, -1)
        )
    services.self_check_in(
        judge, session, services.current_check_in_code(session, at(page, session, 0)), at(page, session, 0)
    )
    assert Attendance.objects.filter(registration=registration, session=session).exists()


def test_the_qr_page_refuses_a_future_session_with_the_opening_time(client, event, approved, judge):
    session = counted(event)[0]
    now = at(event, session, -120)
    code = services.current_check_in_code(session, now)
    client.force_login(judge)
    with mock.patch("colloquia.services.clock.now", return_value=now):
        response = client.post(f"/colloquia-registrations/check-in/{session.uid}/{code}/")
    assert response.status_code == 403
    assert _opens_message(event, session) in response.content.decode()
    assert not Attendance.objects.exists()


def test_an_event_ends_with_its_last_counted_session(index):
    sessions = [
        (0, "10:00", "11:00", "TS-I", "technical", True),
        (1, "10:00", "12:30", "TS-II", "technical", True),
        (1, "13:00", "14:00", "Valedictory", "valedictory", False),
    ]
    page = make_event(index, title="Two days", days=2, sessions=sessions)
    end = datetime.datetime.combine(page.end_date, datetime.time(12, 30), tzinfo=page.zone)
    assert services.event_ends_at(page) == end
    assert not services.event_has_ended(page, end - datetime.timedelta(seconds=1))
    assert services.event_has_ended(page, end)


# --- The room screen updates itself in place ---


def test_room_screen_polls_its_state_instead_of_reloading(client, registrar, event):
    session = counted(event)[0]
    client.force_login(registrar)
    body = client.get(f"/admin/colloquia/{event.pk}/sessions/{session.pk}/room-screen/").content.decode()
    assert 'http-equiv="refresh"' not in body
    assert re.search(r'<script src="[^"]*colloquia/room_screen\.js" defer>', body)
    assert ">Refresh</a>" in body
    state = client.get(f"/admin/colloquia/{event.pk}/sessions/{session.pk}/room-screen/state/").json()
    assert state["code"] == services.current_check_in_code(session) or state["code"] == services.current_check_in_code(
        session, timezone.now() - datetime.timedelta(seconds=services.check_in_seconds())
    )
    assert state["qr"].startswith("data:image/png;base64,")
    assert state["check_in_url"].endswith(f"/colloquia-registrations/check-in/{session.uid}/{state['code']}/")
    assert state["notice"].startswith("Check-in opens at 09:00 IST")


def test_room_screen_state_follows_the_configured_period(client, registrar, event, settings):
    settings.COLLOQUIA_CHECK_IN_SECONDS = 6
    session = counted(event)[0]
    client.force_login(registrar)
    state = client.get(f"/admin/colloquia/{event.pk}/sessions/{session.pk}/room-screen/state/").json()
    assert state["poll_seconds"] == 2
    # A code lasts 6 seconds: the same through one 6-second step, a new one at the next.
    start = datetime.datetime.fromtimestamp(int(timezone.now().timestamp()) // 6 * 6, tz=datetime.UTC)
    codes = [services.current_check_in_code(session, start + datetime.timedelta(seconds=s)) for s in (0, 5, 6)]
    assert codes[0] == codes[1] != codes[2]


def test_room_screen_state_is_for_the_events_registrars_only(client, event, other_academy, judge, registrar):
    session = counted(event)[0]
    url = f"/admin/colloquia/{event.pk}/sessions/{session.pk}/room-screen/state/"
    client.force_login(registrar)
    assert client.get(url)["Content-Type"] == "application/json"
    client.force_login(make_staff(other_academy, "registrar"))
    assert client.get(url).status_code == 404
    client.force_login(judge)
    response = client.get(url)
    assert response.status_code == 302 and "code" not in response.content.decode()
    client.logout()
    assert client.get(url).status_code == 302


def test_the_demo_keeps_the_rule():
    """Demo attendance is for sessions that had begun, and its certificates for events that had ended."""
    out = io.StringIO()
    for loader in (accounts_demo, home_demo, academies_demo, colloquia_demo, certificates_demo):
        loader.load(out)
    records = list(Attendance.objects.select_related("session__page"))
    assert records and all(services.attendance_open(a.session, a.recorded_at) for a in records)
    certificates = list(Certificate.objects.filter(source_kind="colloquium"))
    assert certificates
    for certificate in certificates:
        page = ColloquiumPage.objects.get(pk=certificate.source_id)
        assert services.event_has_ended(page, certificate.issued_at)


def test_attendance_cannot_open_more_than_a_day_early(event):
    event.attendance_opens_minutes_before = 1441
    with pytest.raises(ValidationError, match="at most a day"):
        event.clean_fields()
