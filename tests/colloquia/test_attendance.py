import datetime
import io
import re
from decimal import Decimal
from unittest import mock

import pytest
from django.utils import timezone
from pypdf import PdfReader

from colloquia import services
from colloquia.models import Attendance, Registration
from tests.factories import make_staff, make_user

from .conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(event, judge):
    return services.register(judge, event)


def counted(page):
    return [s for s in services.sessions_in_order(page) if s.counts_for_attendance]


def test_registrar_marks_a_whole_session_at_once(client, registrar, event, approved):
    other = services.register(make_user("prosecutor"), event)
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
    session = counted(event)[1]
    client.force_login(registrar)
    url = f"/admin/colloquia/{event.pk}/sessions/{session.pk}/attendance/"
    assert "Save from paper sheet" in client.get(url + "?mode=paper").content.decode()
    client.post(url, {"mode": "paper", f"present-{approved.pk}": "on"})
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
    assert re.search(rf"/registrations/check-in/{session.uid}/[0-9a-f]{{16}}/", body)


def test_current_code_checks_a_registered_participant_in(client, event, approved, judge):
    session = counted(event)[0]
    now = at(event, session, 5)
    code = services.current_check_in_code(session, now)
    client.force_login(judge)
    with mock.patch("colloquia.services._now", return_value=now):
        assert "Mark me present" in client.get(f"/registrations/check-in/{session.uid}/{code}/").content.decode()
        response = client.post(f"/registrations/check-in/{session.uid}/{code}/")
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
    with mock.patch("colloquia.services._now", return_value=now):
        response = client.post(f"/registrations/check-in/{session.uid}/{stale}/")
    assert response.status_code == 403
    assert "This code has expired" in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(("minutes", "message"), [(-20, "opens 15 minutes before"), (200, "has ended")])
def test_outside_the_session_window_is_refused(event, approved, judge, minutes, message):
    session = counted(event)[0]
    now = at(event, session, minutes)
    with pytest.raises(services.Refused, match=message):
        services.self_check_in(judge, session, services.current_check_in_code(session, now), now)


def test_fifteen_minutes_early_is_inside_the_window(event, approved, judge):
    session = counted(event)[0]
    now = at(event, session, -15)
    services.self_check_in(judge, session, services.current_check_in_code(session, now), now)


def test_unregistered_or_waitlisted_people_are_refused(event, prosecutor):
    session = counted(event)[0]
    now = at(event, session, 1)
    code = services.current_check_in_code(session, now)
    with pytest.raises(services.Refused, match="approved place"):
        services.self_check_in(prosecutor, session, code, now)
    Registration.objects.create(
        page=event, user=prosecutor, email=prosecutor.email, name="P", category="prosecutor", status="waitlisted"
    )
    with pytest.raises(services.Refused, match="approved place"):
        services.self_check_in(prosecutor, session, code, now)


def test_check_in_needs_sign_in(client, event):
    session = counted(event)[0]
    response = client.get(f"/registrations/check-in/{session.uid}/abc/")
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

    services.record_attendance(counted(event)[0], {approved: "present"}, method="registrar", by=registrar)
    entry = ModelLogEntry.objects.get(action="colloquium.attendance_recorded")
    assert entry.user == registrar and entry.data["status"] == "present"
    assert timezone.now() - entry.timestamp < datetime.timedelta(minutes=1)
