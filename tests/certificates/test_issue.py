"""Issuing: frozen snapshot, serials, idempotency (sequential and concurrent), audit, email."""

import io
import threading

import pytest
from django.core import mail
from django.db import connection
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, SerialCounter
from certificates.services import reissue, revoke
from tests import factories


def pdf_text(cert):
    with cert.pdf.open("rb") as handle:
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


def pdf_bytes(cert):
    with cert.pdf.open("rb") as handle:
        return handle.read()


@pytest.mark.django_db
def test_issue_freezes_snapshot_and_pdf_states_it(judge, academy, issue, django_capture_on_commit_callbacks):
    judge.designation, judge.court_or_office = "District and Sessions Judge", "Civil Court, Ranchi"
    judge.save()
    with django_capture_on_commit_callbacks(execute=True):
        cert, created = issue(judge, academy)
    assert created and cert.status == "valid"
    assert cert.serial.startswith(f"JSJA-{cert.issued_at.year}-") and len(cert.serial.rsplit("-", 1)[1]) == 6
    assert len(cert.verification_code) >= 22  # 16 random bytes, >= 80 bits
    assert cert.recipient_name == "Test Judge" and cert.designation == "District and Sessions Judge"
    assert cert.academy_name == academy.name and cert.academy_code == "JSJA"
    text = pdf_text(cert)
    for expected in ("Test Judge", "Trafficking in persons: the law", cert.serial, cert.verify_url):
        assert expected in text.replace("\n", "")
    assert cert.verify_url == f"http://testserver/certificates/verify/{cert.verification_code}/"
    reader = PdfReader(cert.pdf.open("rb"))
    assert "Test Judge" in reader.metadata.title and reader.metadata.author == academy.name
    assert "Trafficking in persons" in reader.metadata.subject
    assert len(mail.outbox) == 1 and cert.verify_url in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(action="colloquium.certificate_issued", object_id=str(cert.pk)).exists()


@pytest.mark.django_db
def test_later_edits_change_nothing_issued(judge, academy, issue):
    from certificates.models import CertificateTemplate

    template = CertificateTemplate.objects.create(
        name="JSJA attendance",
        kind="attendance",
        academy=academy,
        heading="Certificate of Attendance",
        wording="{name} attended {title}.",
    )
    cert, _ = issue(judge, academy)
    assert cert.template_id == template.pk and cert.template_version == 1
    before = pdf_bytes(cert)
    fields = {f.name: getattr(cert, f.name) for f in Certificate._meta.fields if f.name != "pdf"}

    judge.full_name, judge.designation = "Somebody Else", "Changed"
    judge.save()
    template.wording, template.heading, template.primary_colour = "Changed {name}", "Changed", "#000000"
    template.save()
    academy.name = "Renamed Academy"
    academy.save()

    cert.refresh_from_db()
    assert {f.name: getattr(cert, f.name) for f in Certificate._meta.fields if f.name != "pdf"} == fields
    assert pdf_bytes(cert) == before
    template.refresh_from_db()
    assert template.version == 2  # the template moved on; the certificate kept version 1
    # The stored file is served as is: both download routes return the same bytes.
    from django.test import Client

    client = Client()
    client.force_login(judge)
    assert b"".join(client.get(f"/certificates/{cert.pk}/download/").streaming_content) == before
    assert b"".join(client.get(f"/certificates/verify/{cert.verification_code}/pdf/").streaming_content) == before


@pytest.mark.django_db
def test_devanagari_name_round_trips(academy, issue):
    name = "श्रीमती अंजलि वर्मा"
    user = factories.make_user("district_judge", full_name="Smt. Anjali Verma", name_devanagari=name)
    cert, _ = issue(user, academy)
    assert cert.recipient_name_devanagari == name
    assert name in pdf_text(cert)


@pytest.mark.django_db
def test_second_issue_returns_the_first(judge, academy, issue):
    first, created = issue(judge, academy)
    second, created_again = issue(judge, academy)
    assert created and not created_again and first.pk == second.pk
    assert Certificate.objects.count() == 1
    assert SerialCounter.objects.get(code="JSJA").last == 1  # no number spent on the repeat


@pytest.mark.django_db
def test_database_refuses_two_valid_certificates(judge, academy, issue):
    from django.db import IntegrityError, transaction

    first, _ = issue(judge, academy)
    copy = Certificate.objects.get(pk=first.pk)
    copy.pk, copy.serial, copy.verification_code = None, "JSJA-2026-999999", "another-code-000000000"
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()


@pytest.mark.django_db
def test_serials_count_per_academy_and_national(judge, prosecutor, academy, other_academy, issue):
    a, _ = issue(judge, academy)
    b, _ = issue(prosecutor, academy)
    c, _ = issue(judge, other_academy, source_id=202)
    d, _ = issue(judge, None, source_id=303)
    assert [a.serial[-6:], b.serial[-6:]] == ["000001", "000002"]
    assert c.serial.startswith("MPSJA-") and c.serial.endswith("000001")
    assert d.serial.startswith("COLQ-") and d.academy_name


@pytest.mark.django_db
def test_revoke_and_reissue_link_both_ways(judge, academy, registrar, issue):
    cert, _ = issue(judge, academy)
    judge.full_name = "Test Judge (corrected)"
    judge.save()
    new = reissue(cert, by=registrar, reason="Name corrected", name=judge.full_name, name_devanagari="")
    cert.refresh_from_db()
    assert cert.status == "superseded" and cert.superseded_by == new and new.supersedes == cert
    assert new.serial != cert.serial and new.recipient_name == "Test Judge (corrected)" and new.is_valid
    assert "Test Judge (corrected)" in pdf_text(new)
    revoke(new, reason="Issued in error", by=registrar)
    new.refresh_from_db()
    assert new.status == "revoked" and new.revoked_reason == "Issued in error" and new.revoked_by == registrar
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"colloquium.certificate_reissued", "colloquium.certificate_revoked"} <= actions
    # After a revocation a fresh certificate may be issued again.
    again, created = issue(judge, academy)
    assert created and again.pk not in (cert.pk, new.pk)


@pytest.mark.django_db
def test_personal_data_export_lists_certificates(judge, academy, issue):
    from accounts.services import export_personal_data

    cert, _ = issue(judge, academy)
    data = export_personal_data(judge)
    assert data["certificates"][0]["serial"] == cert.serial


@pytest.mark.django_db
def test_anonymised_user_keeps_verifiable_certificate(judge, academy, issue, client):
    from accounts.services import anonymise_user

    cert, _ = issue(judge, academy)
    anonymise_user(judge)
    judge.delete()
    cert.refresh_from_db()
    assert cert.user is None and cert.recipient_name == "Test Judge"
    response = client.get(f"/certificates/verify/{cert.verification_code}/")
    assert response.status_code == 200 and "Test Judge" in response.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_issue_yields_one_certificate(transactional_db, academy, judge):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    from certificates.models import Kind, SourceKind
    from certificates.services import IssueContext, issue_certificate
    from tests.certificates.conftest import snapshot

    results, errors = [], []
    barrier = threading.Barrier(20)

    def worker():
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            context = IssueContext.build(Kind.ATTENDANCE, academy)
            results.append(
                issue_certificate(judge, SourceKind.COLLOQUIUM, 555, snapshot(), context=context, notify=False)
            )
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Certificate.objects.filter(user=judge, source_id=555).count() == 1
    assert sum(created for _, created in results) == 1
    assert len({cert.serial for cert, _ in results}) == 1
    # Issuers that took a serial and then found the winner's certificate skip their number, on record.
    taken = SerialCounter.objects.get(code="JSJA").last
    skipped = ModelLogEntry.objects.filter(action="colloquium.certificate_serial_skipped")
    assert skipped.count() == taken - 1
    assert {entry.data["existing"] for entry in skipped} <= {results[0][0].serial}


@pytest.mark.django_db
def test_a_caller_that_checked_holders_still_gets_the_existing_certificate(judge, academy, issue):
    """A batch looks up holders once per chunk; a certificate issued since then is found after the serial."""
    from certificates.models import Kind, SourceKind
    from certificates.services import IssueContext, holders, issue_certificate

    from .conftest import snapshot

    first, _ = issue(judge, academy, source_id=301)
    assert holders(SourceKind.COLLOQUIUM, 301, [judge.pk]) == {judge.pk}
    again, created = issue_certificate(
        judge,
        SourceKind.COLLOQUIUM,
        301,
        snapshot(),
        context=IssueContext.build(Kind.ATTENDANCE, academy),
        holders_checked=True,
    )
    assert (again, created) == (first, False)
    assert Certificate.objects.filter(user=judge, source_id=301, status="valid").count() == 1


@pytest.mark.django_db
def test_looking_up_the_valid_certificate_does_not_sort(judge, academy, issue):
    """At most one row matches (the partial unique index), so the lookup asks for no ORDER BY."""
    from django.test.utils import CaptureQueriesContext

    from certificates.services import valid_certificate

    first, _ = issue(judge, academy, source_id=302)
    with CaptureQueriesContext(connection) as queries:
        assert valid_certificate(judge, "colloquium", 302) == first
        assert valid_certificate(judge, "colloquium", 999) is None
    assert len(queries) == 2 and not any("ORDER BY" in query["sql"] for query in queries)
