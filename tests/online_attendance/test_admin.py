"""The registrar's screens: who may open them, the upload, the columns, the preview and the confirmation."""

from unittest import mock

import pytest
from wagtail.models import ModelLogEntry

from colloquia.models import Attendance
from online_attendance.models import AttendanceImport

from .conftest import after, approved, upload, zoom_csv

pytestmark = pytest.mark.django_db


def at(moment):
    return mock.patch("colloquia.services.clock.now", return_value=moment)


def event_url(event):
    return f"/admin/online-attendance/{event.pk}/"


def import_url(report):
    return f"/admin/online-attendance/import/{report.pk}/"


def post_report(client, event, session, content, name="participants.csv"):
    return client.post(event_url(event), {"session": session.pk, "report": upload(content, name)})


@pytest.fixture
def report(client, event, session, registrar):
    approved(event, full_name="Asha Verma", email="asha.verma@courts.example")
    client.force_login(registrar)
    response = post_report(client, event, session, zoom_csv(session.date, [("Asha Verma", "", "10:00", "10:50")]))
    assert response.status_code == 302
    client.logout()
    return AttendanceImport.objects.get()


def test_the_registrar_uploads_sees_the_preview_and_confirms(client, event, session, registrar):
    asha = approved(event, full_name="Asha Verma", email="asha.verma@courts.example")
    client.force_login(registrar)
    page = client.get("/admin/online-attendance/").content.decode()
    assert event.title in page
    response = post_report(
        client,
        event,
        session,
        zoom_csv(
            session.date,
            [("Asha Verma", "", "10:00", "10:50"), ("=HYPERLINK(1)+<b>x</b>", "", "10:00", "11:00")],
        ),
    )
    report = AttendanceImport.objects.get()
    assert response["Location"] == import_url(report)
    html = client.get(import_url(report)).content.decode()
    assert "Nothing is recorded until you confirm" in html
    assert "Asha Verma" in html and "50 of 60" in html and "<strong>Present</strong>" in html
    assert "=HYPERLINK(1)+&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html  # shown as text, escaped
    assert not Attendance.objects.exists()
    with at(after(event)):
        response = client.post(f"{import_url(report)}confirm/", follow=True)
    confirmed = response.content.decode()
    assert "1 present from the online report" in confirmed
    assert "What the import decided" in confirmed and "Confirm and record attendance" not in confirmed
    assert Attendance.objects.get().registration == asha
    grid = client.get(f"/admin/checkin/{event.pk}/attendance/").content.decode()
    assert "Present" in grid
    history = client.get(event_url(event)).content.decode()
    assert "participants.csv" in history and "1 present" in history


def test_an_unknown_layout_asks_for_the_columns(client, event, session, registrar):
    approved(event, full_name="Asha Verma")
    client.force_login(registrar)
    post_report(client, event, session, b"Who,From,To\nAsha Verma,10:00,10:50\n")
    report = AttendanceImport.objects.get()
    html = client.get(import_url(report)).content.decode()
    assert "Use these columns" in html and "Asha Verma" in html
    response = client.post(f"{import_url(report)}columns/", {"name": "0", "joined": "0"})
    assert response.status_code == 400 and "one thing only" in response.content.decode()
    response = client.post(f"{import_url(report)}columns/", {"name": "0", "joined": "1"})
    assert response.status_code == 400 and "leave time or the duration" in response.content.decode()
    client.post(f"{import_url(report)}columns/", {"name": "0", "joined": "1", "left": "2"})
    html = client.get(import_url(report)).content.decode()
    assert "50 of 60" in html


def test_a_bad_file_comes_back_with_the_reason_and_nothing_kept(client, event, session, registrar):
    client.force_login(registrar)
    response = post_report(client, event, session, b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "report.csv")
    assert response.status_code == 400 and "not a CSV file" in response.content.decode()
    response = post_report(client, event, session, b"a,b\n1,2\n", "report.exe")
    assert response.status_code == 400 and "is not a CSV file" in response.content.decode()
    assert not AttendanceImport.objects.exists()


def test_matching_by_hand_through_the_screen(client, event, session, registrar):
    ravi = approved(event, "police", full_name="Ravi Kumar Singh")
    client.force_login(registrar)
    post_report(client, event, session, zoom_csv(session.date, [("RK phone", "", "10:00", "10:50")]))
    report = AttendanceImport.objects.get()
    html = client.get(import_url(report)).content.decode()
    assert "Unmatched rows (1)" in html
    assert 'value="name:rk phone"' in html
    client.post(f"{import_url(report)}match/", {"prefix": "m0", "m0-key": "name:rk phone", "m0-registration": ravi.pk})
    html = client.get(import_url(report)).content.decode()
    assert "Unmatched rows (0)" in html and "By hand" in html


def test_registrars_of_the_academy_and_platform_admins_open_every_screen(client, report, registrar, superuser, event):
    for user in (registrar, superuser):
        client.force_login(user)
        for url in ("/admin/online-attendance/", event_url(event), import_url(report)):
            assert client.get(url).status_code == 200, (user, url)


def test_everyone_else_is_refused_every_screen(client, report, event, other_registrar, editor, moderator, judge):
    urls = (event_url(event), import_url(report))
    posts = (f"{import_url(report)}confirm/", f"{import_url(report)}discard/", f"{import_url(report)}match/")
    for url in ("/admin/online-attendance/", *urls, *posts):  # anonymous: Wagtail sends them to sign in
        response = client.get(url) if url not in posts else client.post(url)
        assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={url}", url
    client.force_login(other_registrar)
    assert event.title not in client.get("/admin/online-attendance/").content.decode()
    for url in urls:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url).status_code == 404, url
    for user in (editor, moderator):  # in the admin without the registrar's permission: Wagtail's refusal
        client.force_login(user)
        for url in ("/admin/online-attendance/", *urls):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"] == "/admin/", (user, url)
    client.force_login(judge)  # no admin at all
    for url in ("/admin/online-attendance/", *urls):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={url}", url
    report.refresh_from_db()
    assert report.status == "preview" and not Attendance.objects.exists()
    assert not ModelLogEntry.objects.filter(action="colloquium.online_attendance_imported").exists()
