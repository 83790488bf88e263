"""The registrar's attendance screen for a session at the size of a real event: a page of 50
participants at a time, found by name, category or mark, each POST answered with a redirect back
to the same filtered page, and the same number of queries for 50 or 500 registrations."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from colloquia import services
from colloquia.models import Attendance, Registration
from tests.factories import make_staff

from .conftest import make_event, move_event

pytestmark = pytest.mark.django_db


def crowd(event, count, label="p", category="district_judge"):
    """`count` approved registrations of `event`, made in bulk, named "<label> 0000" onwards."""
    users = User.objects.bulk_create(
        User(email=f"{label}{n}@example.test", full_name=f"{label} {n:04d}", role=category) for n in range(count)
    )
    return Registration.objects.bulk_create(
        Registration(page=event, user=u, email=u.email, name=u.full_name, category=category, status="approved")
        for u in users
    )


def screen(event, session):
    return f"/admin/colloquia/{event.pk}/sessions/{session.pk}/attendance/"


def counted(event):
    return [s for s in services.sessions_in_order(event) if s.counts_for_attendance]


@pytest.fixture
def held(index):
    """An event that has taken place (attendance open for every session) with 120 participants."""
    event = make_event(index, title="Held", start=timezone.localdate() - datetime.timedelta(days=3))
    crowd(event, 110)
    crowd(event, 10, "pros", category="prosecutor")
    return event


def names(response):
    return [registration.name for registration, _, _ in response.context["rows"]]


def test_the_screen_shows_fifty_at_a_time_and_counts_everyone(client, registrar, held):
    session = counted(held)[0]
    client.force_login(registrar)
    response = client.get(screen(held, session))
    assert len(names(response)) == 50 and names(response)[0] == "p 0000"
    html = response.content.decode()
    assert "Participants 1–50 of 120 (page 1 of 3)" in html
    assert "Of 120 participants with a confirmed place: 0 present, 0 absent, 0 excused, 120 not recorded yet." in html
    assert names(client.get(screen(held, session) + "?p=3"))[-1] == "pros 0009"


def test_a_search_finds_one_person_and_marking_them_returns_to_the_same_search(client, registrar, held):
    session = counted(held)[1]
    person = Registration.objects.get(page=held, name="p 0077")
    client.force_login(registrar)
    url = screen(held, session) + "?q=p+0077&category=district_judge"
    assert names(client.get(url)) == ["p 0077"]
    response = client.post(url, {f"status-{person.pk}": "present"})
    assert response.status_code == 302 and response["Location"] == url
    html = client.get(url).content.decode()
    assert f'name="status-{person.pk}" value="present" checked' in html
    assert "“TS-I: The law after BNS/BNSS”: 1 attendance record saved." in html
    assert Attendance.objects.get(session=session).registration == person


def test_filters_by_category_and_by_mark(client, registrar, held):
    session = counted(held)[0]
    prosecutors = Registration.objects.filter(page=held, category="prosecutor")
    services.record_attendance(session, dict.fromkeys(prosecutors[:3], "present"), method="registrar", by=registrar)
    client.force_login(registrar)
    assert len(names(client.get(screen(held, session) + "?category=prosecutor"))) == 10
    assert names(client.get(screen(held, session) + "?mark=present")) == ["pros 0000", "pros 0001", "pros 0002"]
    not_yet = client.get(screen(held, session) + "?mark=none&category=prosecutor")
    assert names(not_yet) == [f"pros {n:04d}" for n in range(3, 10)]
    # Unknown filter values are ignored rather than failing.
    assert len(names(client.get(screen(held, session) + "?category=nobody&mark=maybe"))) == 50


def test_everyone_found_is_marked_at_once_and_nobody_else(client, registrar, held):
    session = counted(held)[0]
    client.force_login(registrar)
    url = screen(held, session) + "?category=prosecutor"
    assert "Mark all 10 found present" in client.get(url).content.decode()
    response = client.post(url, {"everyone": "present"})
    assert response["Location"] == url
    marked = Attendance.objects.filter(session=session, status="present")
    assert marked.count() == 10 and {a.registration.category for a in marked} == {"prosecutor"}


def test_paper_entry_of_one_page_leaves_the_other_pages_alone(client, registrar, held):
    session = counted(held)[2]
    client.force_login(registrar)
    first_page = list(Registration.objects.filter(page=held).order_by("name", "pk")[:50])
    services.record_attendance(session, {first_page[0]: "present"}, method="registrar", by=registrar)
    later = Registration.objects.get(page=held, name="p 0099")  # on page 2
    services.record_attendance(session, {later: "present"}, method="registrar", by=registrar)
    url = screen(held, session) + "?mode=paper"
    html = client.get(url).content.decode()
    assert html.count('name="shown"') == 50 and "<td>50</td>" in html  # numbered as on the sign-in sheet
    data = {"mode": "paper", "shown": [r.pk for r in first_page], f"present-{first_page[1].pk}": "on"}
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    statuses = dict(Attendance.objects.filter(session=session).values_list("registration__name", "status"))
    assert statuses["p 0000"] == "absent" and statuses["p 0001"] == "present"
    assert sum(status == "absent" for status in statuses.values()) == 49
    assert statuses["p 0099"] == "present" and "p 0100" not in statuses  # page 2 untouched


def test_marks_refused_are_shown_again_as_entered(client, registrar, index):
    event = make_event(index, title="Coming")  # three weeks away: attendance not open yet
    (person,) = crowd(event, 1)
    session = counted(event)[0]
    client.force_login(registrar)
    response = client.post(screen(event, session) + "?q=p", {f"status-{person.pk}": "present"})
    assert response.status_code == 200 and "opens at" in response.content.decode()
    assert not Attendance.objects.exists()


def test_ids_of_another_event_are_ignored(client, registrar, held, index):
    other = make_event(index, title="Other", start=timezone.localdate() - datetime.timedelta(days=3))
    (stranger,) = crowd(other, 1, "stranger")
    session = counted(held)[0]
    client.force_login(registrar)
    client.post(screen(held, session), {f"status-{stranger.pk}": "present", "status-abc": "present"})
    assert not Attendance.objects.exists()


def queries(client, url, method="get", data=None):
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
        if method == "get":
            response.content  # noqa: B018 - rendered inside the count
    return response, len(captured)


def test_the_screen_costs_the_same_queries_for_50_or_500_registrations(client, registrar, index):
    start = timezone.localdate() - datetime.timedelta(days=3)
    small = make_event(index, title="Fifty", start=start)
    large = make_event(index, title="Five hundred", start=start)
    few, many = crowd(small, 50, "small"), crowd(large, 500, "large")
    client.force_login(registrar)
    small_session, large_session = counted(small)[0], counted(large)[0]
    queries(client, screen(small, small_session))  # the first request of a session loads what later ones reuse
    for suffix in ("", "?q=0042", "?mode=paper", "?mark=none&p=2"):
        (_, at_50), (_, at_500) = (
            queries(client, screen(small, small_session) + suffix),
            queries(client, screen(large, large_session) + suffix),
        )
        assert at_50 == at_500, suffix
    # Marking one person (the bench's "mark present" step) costs the same too, and answers with a redirect.
    (response, at_50) = queries(client, screen(small, small_session), "post", {f"status-{few[7].pk}": "present"})
    (response, at_500) = queries(client, screen(large, large_session), "post", {f"status-{many[7].pk}": "present"})
    assert response.status_code == 302 and at_50 == at_500


def test_other_academys_registrar_and_everyone_else_are_refused(client, held, other_academy, editor, judge):
    session = counted(held)[0]
    person = Registration.objects.filter(page=held).first()
    url = screen(held, session) + "?q=p"
    client.force_login(make_staff(other_academy, "registrar"))
    assert client.get(url).status_code == 404
    assert client.post(url, {f"status-{person.pk}": "present"}).status_code == 404
    client.force_login(editor)
    response = client.post(url, {"everyone": "present"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    client.force_login(judge)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.logout()
    response = client.post(url, {"everyone": "present"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Attendance.objects.exists()


def test_a_platform_admin_marks_any_academys_session(client, superuser, held):
    session = counted(held)[0]
    person = Registration.objects.filter(page=held).order_by("name").first()
    client.force_login(superuser)
    response = client.post(screen(held, session) + "?q=p+0000", {f"status-{person.pk}": "excused"})
    assert response.status_code == 302
    assert Attendance.objects.get(session=session, registration=person).status == "excused"


def test_an_event_in_the_past_moved_there_after_registering_is_marked_too(client, registrar, event):
    (person,) = crowd(event, 1)
    event = move_event(event, -30)
    session = counted(event)[0]
    client.force_login(registrar)
    client.post(screen(event, session), {f"status-{person.pk}": "present"})
    assert Attendance.objects.get(session=session).status == "present"
