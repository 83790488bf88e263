"""The check-in desk: a ticket number (typed, or read by the camera) records attendance for the current session."""

import datetime
import re

import pytest

from checkin.services import check_in, current_session
from colloquia import services as colloquia
from colloquia.models import Attendance
from colloquia.services import Refused
from tests.colloquia.conftest import make_event
from tests.factories import make_staff, make_user

from .conftest import approved, at, counted, during

pytestmark = pytest.mark.django_db


def desk(event):
    return f"/checkin/desk/{event.pk}/"


def post(client, event, session, ticket):
    """Check in at the desk as a browser without JavaScript does: POST, then the redirect back."""
    response = client.post(desk(event), {"session": session.pk, "ticket": ticket})
    assert response.status_code == 302
    assert response["Location"] == f"{desk(event)}?session={session.pk}"
    return client.get(response["Location"]).content.decode()


def test_the_desk_chooses_the_session_in_progress_or_opening_next(event):
    inaugural, ts1, ts2, ts3 = counted(event)
    zone = event.zone
    assert current_session(counted(event), during(inaugural)) == inaugural
    # Attendance opens 30 minutes before a session: at 10:20 TS-I (10:45) is open, the inaugural (to 10:30) too;
    # the later session is the one people are arriving for.
    assert (
        current_session(counted(event), datetime.datetime.combine(event.start_date, datetime.time(10, 20), zone)) == ts1
    )
    # Before the first session opens: the first one.
    early = datetime.datetime.combine(event.start_date, datetime.time(7, 0), zone)
    assert current_session(counted(event), early) == inaugural
    # After the last: the last.
    late = datetime.datetime.combine(event.start_date, datetime.time(18, 0), zone)
    assert current_session(counted(event), late) == ts3
    assert current_session([], late) is None


def test_a_typed_ticket_number_records_the_holder_present_for_the_current_session(client, registrar, event):
    registration = approved(event, full_name="Asha Verma", designation="Principal District Judge")
    inaugural, ts1, *_ = counted(event)
    client.force_login(registrar)
    with at(during(ts1)):
        page = client.get(desk(event)).content.decode()
        assert f'<option value="{ts1.pk}" selected>' in page and "(now)" in page
        page = post(client, event, ts1, registration.ticket.number.lower().replace("-", " "))
    assert "Checked in" in page and "Asha Verma" in page
    assert "District/Sessions judge" in page and "Principal District Judge" in page
    assert f"Present for “{ts1.title}”" in page
    record = Attendance.objects.get()
    assert (record.registration_id, record.session_id, record.status) == (registration.pk, ts1.pk, "present")
    assert (record.method, record.recorded_by_id) == ("registrar", registrar.pk)
    assert "1</strong> of 1 participants" in page


def test_a_second_scan_changes_nothing_and_says_so(client, registrar, event):
    registration = approved(event)
    session = counted(event)[0]
    client.force_login(registrar)
    with at(during(session)):
        post(client, event, session, registration.ticket.number)
        first = Attendance.objects.get()
        page = post(client, event, session, registration.ticket.number)
    assert "Already checked in" in page and "nothing has changed" in page
    again = Attendance.objects.get()
    assert (again.pk, again.recorded_at) == (first.pk, first.recorded_at)


def test_the_registrar_may_choose_another_session(client, registrar, event):
    registration = approved(event)
    inaugural, ts1, *_ = counted(event)
    client.force_login(registrar)
    with at(during(ts1)):
        page = client.get(f"{desk(event)}?session={inaugural.pk}").content.decode()
        assert f'<option value="{inaugural.pk}" selected>' in page
        post(client, event, inaugural, registration.ticket.number)
    assert Attendance.objects.get().session_id == inaugural.pk


def test_an_absent_mark_becomes_present_when_the_person_arrives(client, registrar, event):
    registration = approved(event)
    session = counted(event)[0]
    with at(during(session)):
        colloquia.record_attendance(session, {registration: "absent"}, method="registrar", by=registrar)
        client.force_login(registrar)
        page = post(client, event, session, registration.ticket.number)
    assert "Checked in" in page and "Already" not in page
    assert Attendance.objects.get().status == "present"


@pytest.mark.parametrize(
    ("ticket", "message"),
    [
        ("", "Type the ticket number, or scan the QR code on the ticket."),
        ("hello", "“hello” is not a ticket number. A ticket number has 12 letters and digits"),
        ("ZZZZ-ZZZZ-ZZZZ", "No ticket has the number ZZZZ-ZZZZ-ZZZZ. Check the number and type it again."),
    ],
)
def test_unknown_numbers_are_refused_with_a_clear_message(client, registrar, event, ticket, message):
    approved(event)
    session = counted(event)[0]
    client.force_login(registrar)
    with at(during(session)):
        page = post(client, event, session, ticket)
    assert "Not checked in" in page and message in page
    assert not Attendance.objects.exists()


def test_a_ticket_for_another_event_is_refused(client, registrar, event, index):
    same_academy = make_event(index, title="District Workshop on BNSS")
    elsewhere = approved(same_academy)
    session = counted(event)[0]
    client.force_login(registrar)
    with at(during(session)):
        page = post(client, event, session, elsewhere.ticket.number)
    assert f"Ticket {elsewhere.ticket.number} is for another event: “District Workshop on BNSS”" in page
    assert not Attendance.objects.exists()


def test_another_academys_event_is_not_named_to_the_desk(registrar, event, other_event):
    stranger = approved(other_event)
    session = counted(event)[0]
    with at(during(session)), pytest.raises(Refused) as refusal:
        check_in(event, session, stranger.ticket.number, by=registrar)
    assert str(refusal.value) == f"Ticket {stranger.ticket.number} is for another event, not for “{event.title}”."


def test_a_withdrawn_registration_is_refused(client, registrar, event):
    registration = approved(event, full_name="Ravi Kumar")
    colloquia.withdraw(registration, by=registration.user)
    session = counted(event)[0]
    client.force_login(registrar)
    with at(during(session)):
        page = post(client, event, session, registration.ticket.number)
    assert f"Ravi Kumar has withdrawn from this event: ticket {registration.ticket.number} is no longer valid." in page
    assert not Attendance.objects.exists()


def test_a_rejected_registration_is_refused(registrar, index):
    event = make_event(index, title="By approval", mode="approval")
    registration = colloquia.register(make_user("prosecutor", full_name="Meena Das"), event)
    colloquia.decide(registration, approve=True, by=registrar)
    colloquia.decide(registration, approve=False, by=registrar)
    registration.refresh_from_db()
    session = counted(event)[0]
    with at(during(session)), pytest.raises(Refused) as refusal:
        check_in(event, session, registration.ticket.number, by=registrar)
    assert (
        str(refusal.value)
        == f"Meena Das's registration was not approved: ticket {registration.ticket.number} is not valid."
    )


def test_a_session_not_yet_open_is_refused_in_colloquias_words(client, registrar, event):
    registration = approved(event)
    inaugural = counted(event)[0]
    early = inaugural.starts_at(event.zone) - datetime.timedelta(hours=2)
    client.force_login(registrar)
    with at(early):
        page = client.get(desk(event)).content.decode()
        assert "Attendance for “Inaugural session” opens at 09:00 IST on" in page  # said before anyone scans
        page = post(client, event, inaugural, registration.ticket.number)
    assert "Not checked in" in page and "Attendance for “Inaugural session” opens at 09:00 IST on" in page
    assert not Attendance.objects.exists()


def test_a_session_that_is_not_on_the_agenda_is_refused(client, registrar, event, other_event):
    registration = approved(event)
    session = counted(event)[0]
    foreign = counted(other_event)[0]
    client.force_login(registrar)
    with at(during(session)):
        response = client.post(desk(event), {"session": foreign.pk, "ticket": registration.ticket.number})
        page = client.get(response["Location"]).content.decode()
    assert "Choose a session of this event from the list" in page
    assert not Attendance.objects.exists()


def test_the_outcome_is_shown_once(client, registrar, event):
    registration = approved(event)
    session = counted(event)[0]
    client.force_login(registrar)
    with at(during(session)):
        assert "Checked in" in post(client, event, session, registration.ticket.number)
        assert "Checked in" not in client.get(desk(event)).content.decode()


def test_the_desk_lists_the_registrars_events_only(client, registrar, event, other_event, superuser):
    client.force_login(registrar)
    page = client.get("/checkin/desk/").content.decode()
    assert event.title in page and other_event.title not in page
    client.force_login(superuser)
    page = client.get("/checkin/desk/").content.decode()
    assert event.title in page and other_event.title in page


def test_the_desk_works_without_javascript_and_under_the_strict_policy(client, registrar, event):
    approved(event)
    client.force_login(registrar)
    response = client.get(desk(event))
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # The form posts by itself; the camera part is hidden until the script shows it.
    assert f'<form class="desk-check-in" method="post" action="{desk(event)}"' in html
    assert 'data-desk-camera data-decoder-url="/static/checkin/vendor/jsQR.js" hidden' in html
    # Every script that runs is a file of this site: none inline, none from elsewhere (Wagtail's
    # userbar, shown to staff, adds its own files and a JSON block, which does not run).
    for attrs in re.findall(r"<script([^>]*)>", html):
        assert re.search(r'src="(//testserver)?/static/', attrs) or 'type="application/json"' in attrs, attrs
    assert 'src="/static/checkin/desk.js"' in html


# --- Who may use the desk ---


def test_registrars_of_the_academy_and_platform_admins_may_use_the_desk(client, registrar, superuser, event):
    registration = approved(event)
    session = counted(event)[0]
    for user in (registrar, superuser):
        client.force_login(user)
        assert client.get("/checkin/desk/").status_code == 200
        assert client.get(desk(event)).status_code == 200
    with at(during(session)):
        post(client, event, session, registration.ticket.number)
    assert Attendance.objects.get().recorded_by_id == superuser.pk


def test_everyone_else_is_refused_the_desk(client, event, other_registrar, editor, moderator, judge):
    registration = approved(event)
    session = counted(event)[0]
    data = {"session": session.pk, "ticket": registration.ticket.number}
    with at(during(session)):
        # Anonymous: to the sign-in page.
        for url in ("/checkin/desk/", desk(event)):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        assert client.post(desk(event), data).status_code == 302
        # A registrar of another academy: the event does not exist for them.
        client.force_login(other_registrar)
        assert client.get(desk(event)).status_code == 404
        assert client.post(desk(event), data).status_code == 404
        # Editors, moderators and participants hold no registrar permission.
        for user in (editor, moderator, judge):
            client.force_login(user)
            assert client.get("/checkin/desk/").status_code == 403
            assert client.get(desk(event)).status_code == 403
            assert client.post(desk(event), data).status_code == 403
    assert not Attendance.objects.exists()


def test_staff_without_two_factor_are_sent_to_set_it_up(client, event, academy):
    registrar = make_staff(academy, "registrar")
    registrar.authenticator_set.all().delete()
    client.force_login(registrar)
    response = client.get(desk(event))
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/totp/activate/"
