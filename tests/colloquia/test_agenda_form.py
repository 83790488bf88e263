"""The agenda is checked in the Wagtail admin form: overlaps, end before start, outside the event, Rs 2 lakh."""

import datetime

import pytest
from django.core import mail
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from colloquia.models import AgendaRevision, Attendance, ColloquiumPage, Registration
from regions.models import State
from tests.colloquia.conftest import with_other_panels

from .conftest import make_event

pytestmark = pytest.mark.django_db
START = datetime.date(2031, 3, 10)


def session(title, start, end, day=START, pk=None, mode="in_person", link=""):
    data = {
        "kind": "technical",
        "title": title,
        "date": day.isoformat(),
        "start_time": start,
        "end_time": end,
        "room": "Hall A",
        "mode": mode,
        "meeting_link": link,
        "description": "",
        "counts_for_attendance": "on",
        "people": streamfield(
            [("person", {"role": "chair", "name": "High Court Judge", "designation": "", "organisation": ""})]
        ),
        "materials": streamfield([]),
    }
    if pk:
        data["id"] = pk
    return data


def form(sessions, *, initial=0, **overrides):
    data = {
        "title": "Colloquium on anti-human trafficking",
        "slug": "colloquium-aht",
        "kind": "judicial_colloquium",
        "state": State.objects.get(code="JH").pk,
        "venue": "Judicial Academy",
        "address": "Ranchi",
        "start_date": START.isoformat(),
        "end_date": START.isoformat(),
        "time_zone": "Asia/Kolkata",
        "introduction": rich_text("<p>About the event.</p>"),
        "mha_supported": "on",
        "amount_sanctioned": "150000",
        "audience": inline_formset([{"category": "district_judge", "places": "40"}]),
        "registration_mode": "open",
        "registration_open": "on",
        "registration_deadline": "",
        "certificate_rule": "all",
        "certificate_min_sessions": "",
        "certificate_min_hours": "",
        "attendance_opens_minutes_before": "30",
        "online_attendance_threshold": "75",
        "agenda_days": inline_formset([{"date": START.isoformat(), "title": "Day 1"}]),
        "sessions": inline_formset(sessions, initial=initial),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(with_other_panels(data))


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def add_url(index):
    return f"/admin/pages/add/colloquia/colloquiumpage/{index.pk}/"


def test_a_valid_agenda_is_published(admin_client, index):
    response = admin_client.post(
        add_url(index),
        form(
            [
                session("TS-I", "10:00", "11:00"),
                session("TS-II", "11:00", "12:30", mode="hybrid", link="https://zoom.example/j/1"),
            ]
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ColloquiumPage.objects.get(slug="colloquium-aht")
    assert page.live and page.sessions.count() == 2 and page.online_attendance_threshold == 75
    assert page.sessions.get(title="TS-II").meeting_link == "https://zoom.example/j/1"


@pytest.mark.parametrize(
    ("sessions", "message"),
    [
        (
            [session("TS-I", "10:00", "11:00"), session("TS-II", "10:30", "12:00")],
            "“TS-II” (10 Mar 2031, 10:30–12:00) overlaps “TS-I”",
        ),
        ([session("TS-I", "11:00", "10:00")], "“TS-I” ends (10:00) before it starts (11:00)."),
        ([session("TS-I", "10:00", "11:00", day=START + datetime.timedelta(days=1))], "outside the event"),
        (
            [session("TS-I", "10:00", "11:00", link="https://zoom.example/j/1")],
            "“TS-I” is in person only: choose “Online” or “In person and online” for a meeting link",
        ),
        (
            [session("TS-I", "10:00", "11:00", mode="online", link="http://zoom.example/j/1")],
            "Give the meeting&#x27;s secure address, starting with https://.",
        ),
    ],
)
def test_impossible_agendas_are_refused_with_a_clear_message(admin_client, index, sessions, message):
    response = admin_client.post(add_url(index), form(sessions))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ColloquiumPage.objects.filter(slug="colloquium-aht").exists()


def test_more_than_two_lakh_is_refused(admin_client, index):
    response = admin_client.post(add_url(index), form([session("TS-I", "10:00", "11:00")], amount_sanctioned="200001"))
    assert response.status_code == 200
    assert "The MHA scheme supports at most Rs 2,00,000 per event." in response.content.decode()
    assert not ColloquiumPage.objects.filter(slug="colloquium-aht").exists()


def _edit_form(page, sessions):
    return form(
        sessions,
        initial=page.sessions.count(),
        title=page.title,
        slug=page.slug,
        start_date=page.start_date.isoformat(),
        end_date=page.end_date.isoformat(),
        agenda_days=inline_formset([]),
        audience=inline_formset(
            [{"id": row.pk, "category": row.category, "places": row.places or ""} for row in page.audience.all()],
            initial=page.audience.count(),
        ),
    )


def test_revised_agenda_is_versioned_announced_and_emailed(
    admin_client, index, judge, django_capture_on_commit_callbacks
):
    page = make_event(index, start=START, sessions=[(0, "10:00", "11:00", "TS-I", "technical", True)])
    Registration.objects.create(
        page=page, user=judge, email=judge.email, name=judge.full_name, category="district_judge", status="approved"
    )
    original = page.sessions.get()
    mail.outbox.clear()
    sessions = [session("TS-I: The law after BNS", "10:30", "11:30", pk=original.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{page.pk}/edit/", _edit_form(page, sessions))
    assert response.status_code == 302
    kept = page.sessions.get()
    assert kept.uid == original.uid and kept.pk == original.pk
    revision = AgendaRevision.objects.get(page=page, version=2)
    assert revision.announced
    assert any("Moved" in change for change in revision.changes)
    assert any("Renamed" in change for change in revision.changes)
    assert [m.to for m in mail.outbox] == [[judge.email]]
    assert "Revised agenda" in mail.outbox[0].subject
    body = admin_client.get(page.url).content.decode()
    assert "Revised agenda — version 2" in body


def test_a_session_with_attendance_cannot_be_removed(admin_client, index, judge):
    page = make_event(
        index,
        start=START,
        sessions=[(0, "10:00", "11:00", "TS-I", "technical", True), (0, "11:00", "12:00", "TS-II", "technical", True)],
    )
    registration = Registration.objects.create(
        page=page, user=judge, email=judge.email, name=judge.full_name, category="district_judge", status="approved"
    )
    first, second = page.sessions.order_by("start_time")
    Attendance.objects.create(registration=registration, session=first, status="present", method="registrar")
    sessions = [session("TS-I", "10:00", "11:00", pk=first.pk), session("TS-II", "11:00", "12:00", pk=second.pk)]
    data = _edit_form(page, sessions)
    data["sessions-0-DELETE"] = "1"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert "“TS-I” has attendance recorded, so it cannot be removed." in response.content.decode()
    assert page.sessions.count() == 2
