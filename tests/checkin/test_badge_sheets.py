"""Name badges as a background task: asked for on the badges screen, rendered by the worker into
private storage, shown while being prepared, downloaded by the event's registrars only, replaced
when asked for again and deleted with their event or when they expire."""

import datetime
import io
from pathlib import Path

import pytest
from django.utils import timezone
from pypdf import PdfReader

from checkin import badge_sheets
from checkin.models import BadgeSheet
from colloquia import services as colloquia

from .conftest import approved

pytestmark = pytest.mark.django_db


def screen(event):
    return f"/admin/checkin/{event.pk}/badges/"


def download(sheet):
    return f"/admin/checkin/{sheet.page_id}/badges/{sheet.pk}.pdf"


def ask(client, event, category="", run=None):
    """POST the badges form; the worker's task runs when the request's transaction commits."""
    with run(execute=True):
        return client.post(screen(event), {"category": category})


def pdf_text(response):
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return len(reader.pages), "".join(page.extract_text() for page in reader.pages)


def test_the_registrar_asks_for_badges_and_downloads_them_when_ready(
    client, registrar, event, django_capture_on_commit_callbacks
):
    for n in range(9):
        approved(event, full_name=f"Participant {n}")
    approved(event, "prosecutor", full_name="Prosecutor Only")
    withdrawn = approved(event, full_name="Withdrawn Person")
    colloquia.withdraw(withdrawn, by=withdrawn.user)
    client.force_login(registrar)
    html = client.get(screen(event)).content.decode()
    assert "Prepare the badges" in html and "Public prosecutors (1)" in html
    response = ask(client, event, run=django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == screen(event)
    sheet = BadgeSheet.objects.get(page=event, category="")
    assert sheet.status == "ready" and sheet.badges == 10 and sheet.requested_by == registrar
    # Stored privately: outside the media folder that a web server serves.
    from django.conf import settings

    assert not Path(sheet.file.path).is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    html = client.get(screen(event)).content.decode()
    assert "Name badges (All participants) are being prepared" in html  # the message of the POST, shown once
    assert download(sheet) in html and "Download (10 badges, PDF)" in html
    response = client.get(download(sheet))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="badges-{event.slug}.pdf"'
    pages, text = pdf_text(response)
    assert pages == 2  # ten confirmed places: eight, then two
    assert "Prosecutor Only" in text and "Withdrawn Person" not in text
    # One category at a time (for badges printed on coloured card): a sheet of its own.
    ask(client, event, "prosecutor", run=django_capture_on_commit_callbacks)
    only = BadgeSheet.objects.get(page=event, category="prosecutor")
    response = client.get(download(only))
    assert response["Content-Disposition"] == f'attachment; filename="badges-{event.slug}-prosecutor.pdf"'
    pages, text = pdf_text(response)
    assert pages == 1 and "Prosecutor Only" in text and "Participant 1" not in text


def test_while_a_sheet_is_prepared_the_screen_says_so_and_offers_no_download(
    client, registrar, event, django_capture_on_commit_callbacks
):
    approved(event, full_name="Asha Verma")
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:  # the worker has not run yet
        client.post(screen(event), {"category": ""})
    assert len(callbacks) == 1
    sheet = BadgeSheet.objects.get(page=event)
    html = client.get(screen(event)).content.decode()
    assert "Being prepared…" in html and 'data-pending="true"' in html and download(sheet) not in html
    assert client.get(f"/admin/checkin/{event.pk}/badges/status.json").json() == {"pending": True}
    assert client.get(download(sheet)).status_code == 404
    # Asking again meanwhile queues nothing more.
    with django_capture_on_commit_callbacks(execute=False) as again:
        response = client.post(screen(event), {"category": ""}, follow=True)
    assert again == [] and "already being prepared" in response.content.decode()
    callbacks[0]()  # the worker runs
    assert client.get(f"/admin/checkin/{event.pk}/badges/status.json").json() == {"pending": False}
    assert BadgeSheet.objects.get(pk=sheet.pk).status == "ready"


def test_asking_again_replaces_the_sheet_and_deletes_the_old_file(
    client, registrar, event, django_capture_on_commit_callbacks
):
    approved(event, full_name="Asha Verma")
    client.force_login(registrar)
    ask(client, event, run=django_capture_on_commit_callbacks)
    first = BadgeSheet.objects.get(page=event)
    old_path = Path(first.file.path)
    assert old_path.exists()
    approved(event, full_name="Meena Das")
    ask(client, event, run=django_capture_on_commit_callbacks)
    second = BadgeSheet.objects.get(page=event)
    assert second.pk == first.pk and second.badges == 2
    assert not old_path.exists() and Path(second.file.path).exists()
    assert "Meena Das" in pdf_text(client.get(download(second)))[1]


def test_sheets_go_with_their_event_and_expire(registrar, event, django_capture_on_commit_callbacks):
    approved(event, full_name="Asha Verma")
    with django_capture_on_commit_callbacks(execute=True):
        sheet, queued = badge_sheets.request_sheet(event, "", by=registrar)
    assert queued
    path = Path(BadgeSheet.objects.get(pk=sheet.pk).file.path)
    assert path.exists()
    badge_sheets.purge_expired(now=timezone.now() + badge_sheets.KEEP_FOR - datetime.timedelta(hours=1))
    assert path.exists()
    badge_sheets.purge_expired(now=timezone.now() + badge_sheets.KEEP_FOR + datetime.timedelta(hours=1))
    assert not BadgeSheet.objects.exists() and not path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        sheet, _ = badge_sheets.request_sheet(event, "", by=registrar)
    path = Path(BadgeSheet.objects.get(pk=sheet.pk).file.path)
    event.delete()
    assert not BadgeSheet.objects.exists() and not path.exists()


def test_an_event_without_confirmed_places_has_no_badges_to_print(
    client, registrar, event, django_capture_on_commit_callbacks
):
    client.force_login(registrar)
    html = client.get(screen(event)).content.decode()
    assert "No participant holds a confirmed place yet" in html and "Prepare the badges" not in html
    ask(client, event, run=django_capture_on_commit_callbacks)  # a form kept open while the last one withdrew
    sheet = BadgeSheet.objects.get(page=event)
    assert sheet.status == "failed" and sheet.error == badge_sheets.NO_BADGES and not sheet.file
    assert badge_sheets.NO_BADGES in client.get(screen(event)).content.decode()


def test_a_sheet_whose_rendering_fails_says_so_and_can_be_asked_for_again(
    client, registrar, event, monkeypatch, django_capture_on_commit_callbacks
):
    approved(event, full_name="Asha Verma")

    def broken(page, holders):
        raise RuntimeError("fonts missing")

    monkeypatch.setattr("checkin.badge_sheets.render_badges", broken)
    client.force_login(registrar)
    ask(client, event, run=django_capture_on_commit_callbacks)
    assert BadgeSheet.objects.get(page=event).status == "failed"
    assert "could not be printed" in client.get(screen(event)).content.decode()
    monkeypatch.undo()
    ask(client, event, run=django_capture_on_commit_callbacks)
    assert BadgeSheet.objects.get(page=event).status == "ready"


def test_a_sheet_lost_by_its_worker_can_be_asked_for_again(registrar, event, django_capture_on_commit_callbacks):
    approved(event, full_name="Asha Verma")
    with django_capture_on_commit_callbacks(execute=False):
        sheet, _ = badge_sheets.request_sheet(event, "", by=registrar)  # the worker never runs it
    later = timezone.now() + badge_sheets.STALE_AFTER + datetime.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        again, queued = badge_sheets.request_sheet(event, "", by=registrar, now=later)
    assert queued and again.pk == sheet.pk
    assert BadgeSheet.objects.get(pk=sheet.pk).status == "ready"


def test_an_unknown_category_is_refused_with_a_message(client, registrar, event):
    approved(event)
    client.force_login(registrar)
    response = client.post(screen(event), {"category": "judges-and-all"}, follow=True)
    assert "Choose all participants or one of the categories." in response.content.decode()
    assert not BadgeSheet.objects.exists()


def test_only_the_events_registrars_and_platform_admins_reach_a_sheet(
    client, registrar, superuser, other_registrar, editor, judge, event, other_event, django_capture_on_commit_callbacks
):
    approved(event, full_name="Asha Verma")
    with django_capture_on_commit_callbacks(execute=True):
        sheet, _ = badge_sheets.request_sheet(event, "", by=registrar)
    url = download(sheet)
    status = f"/admin/checkin/{event.pk}/badges/status.json"
    for user in (registrar, superuser):
        client.force_login(user)
        assert client.get(url).status_code == 200 and client.get(status).status_code == 200
    # The sheet reached through another event's address: 404, even for a platform admin.
    assert client.get(f"/admin/checkin/{other_event.pk}/badges/{sheet.pk}.pdf").status_code == 404
    client.force_login(other_registrar)  # another academy's registrar: no hint that it exists
    for address in (url, status, screen(event)):
        assert client.get(address).status_code == 404, address
    assert client.post(screen(event), {"category": ""}).status_code == 404
    client.force_login(editor)  # in the admin without the registrar's permission: Wagtail's refusal
    for address in (url, status, screen(event)):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"] == "/admin/", address
    client.force_login(judge)  # no admin at all: Wagtail sends them to sign in
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={url}"
    client.logout()
    for address in (url, status):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={address}"
    assert BadgeSheet.objects.get(pk=sheet.pk).requested_by == registrar  # nothing was asked for again
