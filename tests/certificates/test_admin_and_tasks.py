"""Automatic and bulk issue, and the admin register scoped by academy."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.cache import cache

import certificates.receivers
import certificates.tasks
from certificates.models import Certificate, IssueBatch
from tests import factories


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.mark.django_db
def test_module_completed_issues_completion_certificate(
    monkeypatch, judge, academy, django_capture_on_commit_callbacks
):
    from courses.signals import module_completed

    module = type("Module", (), {"pk": 777})()
    details = {
        "user": judge,
        "module": module,
        "title": "Module on the ITPA",
        "academy": academy,
        "completed_at": datetime.datetime(2026, 2, 3, 10, tzinfo=datetime.UTC),
        "hours": Decimal("3"),
        "score": 85.0,
        "gives_certificate": True,
        "edition": "2026",
    }
    # certificates.tasks and .receivers import it from courses.services: stand in where it is looked up.
    monkeypatch.setattr(certificates.tasks, "completion_details", lambda enrolment: details)
    monkeypatch.setattr(certificates.receivers, "completion_details", lambda enrolment: details)
    enrolment = factories.make_user("district_judge")  # any model row with a pk stands in for the enrolment
    with django_capture_on_commit_callbacks(execute=True):
        module_completed.send(sender=None, enrolment=enrolment)
    cert = Certificate.objects.get(source_kind="module", source_id=777)
    assert cert.kind == "completion" and cert.score == 85.0 and cert.user == judge
    # A module that gives no certificate issues none.
    details.update(gives_certificate=False, module=type("Module", (), {"pk": 778})())
    with django_capture_on_commit_callbacks(execute=True):
        module_completed.send(sender=None, enrolment=enrolment)
    assert not Certificate.objects.filter(source_id=778).exists()


def _fake_colloquia(monkeypatch, academy, participants):
    event = {
        "title": "Colloquium on trafficking",
        "academy": academy,
        "start_date": datetime.date(2026, 1, 12),
        "end_date": datetime.date(2026, 1, 13),
        "venue": "Ranchi",
        "state": None,
        "total_hours": Decimal("10"),
        "kind_label": "Judicial colloquium",
    }
    rows = [
        {"user": u, "registration": None, "sessions_attended": 4, "hours": Decimal("8"), "override_reason": ""}
        for u in participants
    ]
    monkeypatch.setattr(certificates.tasks, "event_details", lambda page: event)
    monkeypatch.setattr(certificates.tasks, "eligible_participants", lambda page: rows)


@pytest.mark.django_db
def test_registrar_bulk_issue_with_progress_is_idempotent(
    client, monkeypatch, registrar, academy, event_page, django_capture_on_commit_callbacks
):
    people = [factories.make_user("district_judge") for _ in range(3)]
    _fake_colloquia(monkeypatch, academy, people)
    client.force_login(registrar)
    url = f"/admin/certificates/events/{event_page.pk}/issue/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    batch = IssueBatch.objects.get()
    assert response.url.endswith(f"/admin/certificates/batches/{batch.pk}/")
    assert (batch.status, batch.total, batch.done, batch.failed) == ("finished", 3, 3, 0)
    page = client.get(response.url).content.decode()
    assert "3 of 3 processed" in re.sub(r"<[^>]+>", "", page) and 'http-equiv="refresh"' not in page
    # Pressing again issues nobody a second certificate.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    second = IssueBatch.objects.latest("created_at")
    assert (second.done, second.existing) == (0, 3)
    assert Certificate.objects.filter(source_id=event_page.pk, status="valid").count() == 3
    zipped = client.get(f"/admin/certificates/events/{event_page.pk}/pdfs.zip")
    assert zipped.status_code == 200 and zipped["Content-Type"] == "application/zip"


@pytest.mark.django_db
def test_other_academy_registrar_refused(client, monkeypatch, academy, other_academy, event_page, issue, judge):
    other = factories.make_staff(other_academy, "registrar")
    cert, _ = issue(judge, academy)
    client.force_login(other)
    assert client.post(f"/admin/certificates/events/{event_page.pk}/issue/").status_code == 404
    assert client.get(f"/admin/certificates/{cert.pk}/").status_code == 404
    response = client.post(f"/admin/certificates/{cert.pk}/revoke/", {"reason": "x"})
    assert response.status_code == 404
    cert.refresh_from_db()
    assert cert.status == "valid"
    assert cert.serial not in client.get("/admin/certificates/").content.decode()
    assert cert.serial not in b"".join(client.get("/admin/certificates/export.csv").streaming_content).decode()


@pytest.mark.django_db
def test_non_staff_refused_register(client, judge):
    client.force_login(judge)
    assert client.get("/admin/certificates/").status_code in (302, 403)


@pytest.mark.django_db
def test_registrar_register_filters_revoke_reissue_and_csv(client, registrar, academy, judge, prosecutor, issue):
    a, _ = issue(judge, academy)
    b, _ = issue(prosecutor, academy, source_id=202, title="Other event")
    client.force_login(registrar)
    body = client.get("/admin/certificates/", {"source": "colloquium:202"}).content.decode()
    assert b.serial in body and a.serial not in body
    body = client.get("/admin/certificates/", {"state": "JH", "kind": "attendance", "status": "valid"}).content.decode()
    assert a.serial in body and b.serial in body

    response = client.post(f"/admin/certificates/{a.pk}/revoke/", {"reason": ""})
    a.refresh_from_db()
    assert a.status == "valid"  # a reason is required
    client.post(f"/admin/certificates/{a.pk}/revoke/", {"reason": "Did not attend"})
    a.refresh_from_db()
    assert a.status == "revoked" and a.revoked_by == registrar

    response = client.post(
        f"/admin/certificates/{b.pk}/reissue/",
        {"full_name": "Test Prosecutor Corrected", "name_devanagari": "", "reason": "Spelling"},
    )
    b.refresh_from_db()
    assert b.status == "superseded" and b.superseded_by.recipient_name == "Test Prosecutor Corrected"
    assert response.url.endswith(f"/admin/certificates/{b.superseded_by.pk}/")
    csv_body = b"".join(client.get("/admin/certificates/export.csv").streaming_content).decode()
    assert csv_body.splitlines()[0].startswith("serial,kind,status") and b.superseded_by.serial in csv_body


@pytest.mark.django_db
def test_register_query_count_is_flat(client, registrar, academy, issue):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    issue(factories.make_user("district_judge"), academy)
    client.force_login(registrar)
    client.get("/admin/certificates/")
    with CaptureQueriesContext(connection) as small:
        client.get("/admin/certificates/")
    for n in range(4):
        issue(factories.make_user("district_judge"), academy, source_id=500 + n)
    client.get("/admin/certificates/")  # issuing started a new content generation: warm again
    with CaptureQueriesContext(connection) as large:
        client.get("/admin/certificates/")
    assert len(small) == len(large)


# --- Not before the event has ended (unless a registrar writes why) ---


@pytest.fixture
def upcoming(academy, judge):
    """A real colloquium three weeks ahead, with the judge registered."""
    from colloquia.services import register
    from tests.colloquia.conftest import make_event, make_index

    page = make_event(make_index(academy.page), title="Colloquium ahead")
    register(judge, page)
    return page


def _ends_at(page):
    """15:15 IST on the last day: the end of the last counted session of the default agenda."""
    return datetime.datetime.combine(page.end_date, datetime.time(15, 15), tzinfo=page.zone)


@pytest.mark.django_db
def test_batch_refusal_until_the_last_counted_session_ends(upcoming):
    from certificates.services import batch_refusal

    end = _ends_at(upcoming)
    refusal = batch_refusal(upcoming, now=end - datetime.timedelta(minutes=1))
    expected = f"once its last counted session ends, at 15:15 IST on {end.day} {end:%b %Y}."
    assert refusal.startswith("Certificates for “Colloquium ahead” can be issued") and refusal.endswith(expected)
    assert batch_refusal(upcoming, now=end) == ""


@pytest.mark.django_db
def test_start_batch_is_refused_before_the_end_and_written_reason_is_audited(upcoming, registrar):
    from wagtail.models import ModelLogEntry

    from certificates.services import BatchRefused
    from certificates.tasks import start_batch

    with pytest.raises(BatchRefused, match="write why"):
        start_batch(upcoming, by=registrar, early_reason="   ")
    assert not IssueBatch.objects.exists()
    batch, created = start_batch(upcoming, by=registrar, early_reason="Valedictory cancelled by the Chief Justice.")
    assert created and batch.colloquium_id == upcoming.pk
    entry = ModelLogEntry.objects.get(action="colloquium.certificate_batch_early")
    assert entry.user == registrar and entry.data["reason"] == "Valedictory cancelled by the Chief Justice."
    # After the end no reason is needed, and nothing is logged as early.
    batch.status = IssueBatch.FINISHED
    batch.save()
    _, created = start_batch(upcoming, by=registrar, now=_ends_at(upcoming))
    assert created
    assert ModelLogEntry.objects.filter(action="colloquium.certificate_batch_early").count() == 1


@pytest.mark.django_db
def test_registrar_cannot_issue_before_the_event_ends_without_a_reason(
    client, registrar, upcoming, django_capture_on_commit_callbacks
):
    from wagtail.models import ModelLogEntry

    client.force_login(registrar)
    url = f"/admin/certificates/events/{upcoming.pk}/issue/"
    assert "can be issued once its last counted session ends" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "To issue them now, write why; it is recorded." in response.content.decode()
    assert not IssueBatch.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Participants leave for the High Court tonight."})
    batch = IssueBatch.objects.get()
    assert response.url.endswith(f"/admin/certificates/batches/{batch.pk}/")
    entry = ModelLogEntry.objects.get(action="colloquium.certificate_batch_early")
    assert entry.data["reason"] == "Participants leave for the High Court tonight." and entry.user == registrar


# --- The progress page updates itself in place ---


@pytest.mark.django_db
def test_batch_page_polls_instead_of_reloading(client, registrar, academy):
    batch = IssueBatch.objects.create(
        colloquium_id=1, title="Running batch", academy=academy, status="running", total=4
    )
    client.force_login(registrar)
    body = client.get(f"/admin/certificates/batches/{batch.pk}/").content.decode()
    assert 'http-equiv="refresh"' not in body
    assert re.search(r'<script src="[^"]*certificates/batch_progress\.js" defer>', body)
    assert 'aria-live="polite"' in body and ">Refresh</a>" in body
    IssueBatch.objects.filter(pk=batch.pk).update(done=3, failed=1, status="finished", errors=["Judge X: no name"])
    state = client.get(f"/admin/certificates/batches/{batch.pk}/progress/").json()
    assert state == {
        "status": "finished",
        "status_label": "Finished",
        "running": False,
        "total": 4,
        "processed": 4,
        "done": 3,
        "existing": 0,
        "failed": 1,
        "percent": 100,
        "errors": ["Judge X: no name"],
    }


@pytest.mark.django_db
def test_batch_progress_is_for_the_academys_registrars_only(client, registrar, academy, other_academy, judge):
    batch = IssueBatch.objects.create(colloquium_id=1, title="Batch", academy=academy, status="running", total=2)
    url = f"/admin/certificates/batches/{batch.pk}/progress/"
    client.force_login(registrar)
    assert client.get(url).json()["total"] == 2
    client.force_login(factories.make_staff(other_academy, "registrar"))
    assert client.get(url).status_code == 404
    client.force_login(judge)
    response = client.get(url)
    assert response.status_code in (302, 403) and "total" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Anjali\u202eKumari", "Anja\u200bli"])
def test_reissue_refuses_a_name_with_hidden_characters_and_keeps_the_entries(
    client, registrar, academy, judge, issue, name
):
    cert, _ = issue(judge, academy)
    client.force_login(registrar)
    response = client.post(
        f"/admin/certificates/{cert.pk}/reissue/",
        {"full_name": name, "name_devanagari": "", "reason": "Spelling corrected"},
    )
    cert.refresh_from_db()
    assert cert.status == "valid" and cert.superseded_by is None
    body = response.content.decode()
    assert "U+20" in body and "Spelling corrected" in body


@pytest.mark.django_db
def test_a_chunk_that_loses_the_database_runs_again_and_issues_everyone_once(
    client, monkeypatch, registrar, academy, event_page, django_capture_on_commit_callbacks
):
    from django.db import OperationalError

    people = [factories.make_user("district_judge") for _ in range(3)]
    _fake_colloquia(monkeypatch, academy, people)
    real_issue_many, calls = certificates.tasks.issue_many, []

    def database_restarted_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("terminating connection due to administrator command")
        return real_issue_many(*args, **kwargs)

    monkeypatch.setattr(certificates.tasks, "issue_many", database_restarted_once)
    # The database of the test never goes away: it answers at once.
    monkeypatch.setattr(certificates.tasks, "_database_back", lambda: True)
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/certificates/events/{event_page.pk}/issue/")
    batch = IssueBatch.objects.get()
    assert len(calls) == 2
    assert (batch.status, batch.total, batch.done, batch.existing, batch.failed) == ("finished", 3, 3, 0, 0)
    assert Certificate.objects.filter(source_id=event_page.pk, status="valid").count() == 3


@pytest.mark.django_db
def test_a_chunk_whose_database_stays_away_is_counted_as_failed(
    client, monkeypatch, registrar, academy, event_page, django_capture_on_commit_callbacks
):
    from django.db import OperationalError

    people = [factories.make_user("district_judge") for _ in range(2)]
    _fake_colloquia(monkeypatch, academy, people)

    def database_gone(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(certificates.tasks, "issue_many", database_gone)
    monkeypatch.setattr(certificates.tasks, "_database_back", lambda: True)
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/certificates/events/{event_page.pk}/issue/")
    batch = IssueBatch.objects.get()
    # CHUNK_ATTEMPTS runs, then the batch still adds up to its total and finishes, saying why.
    assert (batch.status, batch.done, batch.failed) == ("finished", 0, 2)
    assert "could not connect to server" in batch.errors[0]
