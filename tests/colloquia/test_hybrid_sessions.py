"""Hybrid sessions: everyone sees a session's mode; only the event's approved participants see its meeting link.

Not in the public page (nor its cached copy), the agenda PDF and ICS, the page API, search, or the
personal feed and emails of anyone without an approved place.
"""

import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase
from icalendar import Calendar
from pypdf import PdfReader

from colloquia import services
from colloquia.agenda import describe_changes, snapshot
from colloquia.models import AgendaSession
from tests.colloquia.conftest import make_event, make_index
from tests.factories import make_staff, make_user

pytestmark = pytest.mark.django_db

LINK = "https://zoom.example/j/81234567890?pwd=SeCrEt42"
SESSIONS = [
    (0, "09:30", "10:30", "Inaugural session", "inaugural", True),
    (0, "10:45", "12:00", "TS-I: Online evidence", "technical", True),
]


@pytest.fixture
def event(academy):
    page = make_event(make_index(academy.page), sessions=SESSIONS)
    AgendaSession.objects.filter(page=page, title="TS-I: Online evidence").update(mode="hybrid", meeting_link=LINK)
    return page


def everywhere_public(client, event):
    """Every public thing an anonymous visitor (or a calendar app) can fetch about the event."""
    page = client.get(event.url)
    assert page.status_code == 200
    ics = client.get(f"{event.url}agenda.ics")
    pdf = client.get(f"{event.url}agenda.pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    api = client.get(f"/api/v2/pages/{event.pk}/?fields=*")
    return {"page": page.content.decode(), "ics": ics.content.decode(), "pdf": text, "api": api.content.decode()}


def test_the_mode_is_shown_to_everyone_and_the_link_to_nobody_in_public(client, event):
    public = everywhere_public(client, event)
    assert "In person and online" in public["page"]
    assert "In person and online" in public["pdf"]
    assert "In person and online" in public["ics"] and "(and online)" in public["ics"]
    assert '"mode": "hybrid"' in public["api"] or '"mode":"hybrid"' in public["api"]
    for where, content in public.items():
        assert "SeCrEt42" not in content and "zoom.example" not in content, where
    found = client.get("/search/", {"q": "SeCrEt42"})
    assert found.status_code == 200 and event.title not in found.content.decode()


def test_the_cached_public_page_never_holds_the_link(client, event, page_cache_on, judge):
    services.register(judge, event)
    first = client.get(event.url)
    assert first["X-Page-Cache"] == "miss" and "zoom.example" not in first.content.decode()
    client.force_login(judge)
    mine = client.get(event.url)
    assert LINK.replace("&", "&amp;") in mine.content.decode() or LINK in mine.content.decode()
    assert "no-store" in mine["Cache-Control"] and "X-Page-Cache" not in mine
    client.logout()
    again = client.get(event.url)
    assert again["X-Page-Cache"] == "hit" and "zoom.example" not in again.content.decode()


@pytest.mark.parametrize("status", ["pending", "waitlisted", "withdrawn", "rejected"])
def test_people_without_an_approved_place_never_see_the_link(client, event, status):
    user = make_user("district_judge")
    registration = services.register(user, event)
    registration.status = status
    registration.waitlist_rank = 1 if status == "waitlisted" else None
    registration.save()
    client.force_login(user)
    assert "zoom.example" not in client.get(event.url).content.decode()
    feed = services.calendar_feed(user)
    assert "zoom.example" not in client.get(f"/colloquia-registrations/calendar/{feed.token}.ics").content.decode()


def test_a_signed_in_stranger_and_staff_of_another_academy_do_not_see_it(client, event, judge, other_academy):
    for user in (judge, make_staff(other_academy, "registrar")):
        client.force_login(user)
        assert "zoom.example" not in client.get(event.url).content.decode()


def test_an_approved_participant_sees_it_on_the_page_in_their_feed_and_in_the_confirmation(client, event, judge):
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.register(judge, event)
    client.force_login(judge)
    html = client.get(event.url).content.decode()
    assert "Join “TS-I: Online evidence” online" in html and "zoom.example/j/81234567890" in html
    feed = services.calendar_feed(judge)
    calendar = Calendar.from_ical(client.get(f"/colloquia-registrations/calendar/{feed.token}.ics").content)
    online = next(e for e in calendar.walk("VEVENT") if "Online evidence" in str(e["SUMMARY"]))
    assert str(online["CONFERENCE"]) == LINK and LINK in str(online["DESCRIPTION"])
    in_person = next(e for e in calendar.walk("VEVENT") if "Inaugural" in str(e["SUMMARY"]))
    assert "CONFERENCE" not in in_person
    assert any(LINK in message.body for message in mail.outbox)


def test_only_https_links_are_accepted(event):
    session = AgendaSession.objects.get(page=event, title="TS-I: Online evidence")
    session.meeting_link = "http://zoom.example/j/1"
    with pytest.raises(ValidationError, match="https://"):
        session.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaSession.objects.filter(pk=session.pk).update(meeting_link="javascript:alert(1)")
    with pytest.raises(IntegrityError), transaction.atomic():  # a link needs an online or hybrid session
        AgendaSession.objects.filter(pk=session.pk).update(mode="in_person")


def test_a_new_mode_or_link_revises_the_agenda_without_printing_the_link(event):
    before = snapshot(event)
    AgendaSession.objects.filter(page=event, title="TS-I: Online evidence").update(
        mode="online", meeting_link="https://meet.example/new-room"
    )
    changes = describe_changes(before, snapshot(event))
    assert changes == ["Now online: “TS-I: Online evidence”.", "Meeting link changed: “TS-I: Online evidence”."]
    assert all("example" not in change for change in changes)


def test_agendas_published_before_hybrid_sessions_compare_equal(academy):
    page = make_event(make_index(academy.page, slug="c2"), sessions=SESSIONS, title="Other")
    old = {uid: {k: v for k, v in facts.items() if k not in ("mode", "link")} for uid, facts in snapshot(page).items()}
    assert old == snapshot(page) and describe_changes(old, snapshot(page)) == []


def test_the_threshold_must_be_a_percentage(event):
    event.online_attendance_threshold = 0
    with pytest.raises(ValidationError):
        event.full_clean()
    event.online_attendance_threshold = 101
    with pytest.raises(ValidationError):
        event.full_clean()
