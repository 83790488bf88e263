"""Public verification, rate limit, downloads by owner only, dashboard, transcript."""

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from certificates.services import reissue, revoke
from tests import factories


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def stored(cert):
    with cert.pdf.open("rb") as handle:
        return handle.read()


@pytest.mark.django_db
def test_verify_page_shows_record_without_email(client, judge, academy, issue):
    cert, _ = issue(judge, academy)
    response = client.get(f"/certificates/verify/{cert.verification_code}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Valid." in body and cert.serial in body and "Test Judge" in body and cert.pdf_sha256 in body
    assert judge.email not in body
    # The code form redirects to the record; the full printed URL works too.
    response = client.get("/certificates/verify/", {"code": cert.verify_url})
    assert response.status_code == 302 and response.url.endswith(f"/verify/{cert.verification_code}/")


@pytest.mark.django_db
def test_verify_page_shows_revoked_and_superseded(client, judge, academy, registrar, issue):
    cert, _ = issue(judge, academy)
    new = reissue(cert, by=registrar, reason="Name corrected", name="Test Judge Corrected")
    body = client.get(f"/certificates/verify/{cert.verification_code}/").content.decode()
    assert "Superseded" in body and new.serial in body
    body = client.get(f"/certificates/verify/{new.verification_code}/").content.decode()
    assert "replaces" in body and cert.serial in body
    revoke(new, reason="Attendance record was wrong", by=registrar)
    body = client.get(f"/certificates/verify/{new.verification_code}/").content.decode()
    assert "Revoked" in body and "Attendance record was wrong" in body


@pytest.mark.django_db
def test_unknown_code_gives_helpful_404(client):
    response = client.get("/certificates/verify/not-a-real-code-123456/")
    assert response.status_code == 404
    assert "No certificate has this code" in response.content.decode()


@pytest.mark.django_db
def test_uploaded_pdf_genuine_or_altered(client, judge, academy, issue):
    cert, _ = issue(judge, academy)
    data = stored(cert)
    response = client.post("/certificates/verify/", {"pdf": SimpleUploadedFile("c.pdf", data, "application/pdf")})
    assert "Genuine file." in response.content.decode()

    # Altered: same text and code, changed metadata (as an editor tool would rewrite it).
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Title": "Edited"})
    out = io.BytesIO()
    writer.write(out)
    response = client.post("/certificates/verify/", {"pdf": SimpleUploadedFile("c.pdf", out.getvalue())})
    body = response.content.decode()
    assert "Altered file." in body and cert.serial in body

    response = client.post("/certificates/verify/", {"pdf": SimpleUploadedFile("x.pdf", b"not a pdf")})
    assert "not a PDF" in response.content.decode()


@pytest.mark.django_db
def test_verification_is_rate_limited(client, settings, judge, academy, issue):
    settings.CERTIFICATE_VERIFY_RATE_PER_MINUTE = 5
    cert, _ = issue(judge, academy)
    url = f"/certificates/verify/{cert.verification_code}/"
    assert [client.get(url).status_code for _ in range(5)] == [200] * 5
    response = client.get(url)
    assert response.status_code == 429 and response["Retry-After"] == "60"
    # Another address has its own allowance.
    assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200


@pytest.mark.django_db
def test_downloads_only_by_owner(client, judge, prosecutor, academy, issue):
    cert, _ = issue(judge, academy)
    url = f"/certificates/{cert.pk}/download/"
    assert client.get(url).status_code == 302  # anonymous: to log-in
    client.force_login(prosecutor)
    assert client.get(url).status_code == 404
    client.force_login(judge)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == stored(cert)
    # Public PDF link by code works for anyone holding the code.
    client.logout()
    assert client.get(f"/certificates/verify/{cert.verification_code}/pdf/").status_code == 200


@pytest.mark.django_db
def test_dashboard_and_transcript(client, judge, academy, issue):
    issue(judge, academy, hours="6")
    issue(judge, academy, source_id=202, title="Second event", hours="4.5")
    client.force_login(judge)
    body = client.get("/accounts/dashboard/").content.decode()
    assert "My certificates" in body and "Second event" in body
    response = client.get("/certificates/transcript/")
    assert response.status_code == 200
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Second event" in text and "10.5" in text
    assert client.get("/certificates/").status_code == 200


@pytest.mark.django_db
def test_my_certificates_query_count_is_flat(client, judge, academy, issue):
    issue(judge, academy)
    client.force_login(judge)
    client.get("/certificates/")  # warm per-process caches (site, settings)
    with CaptureQueriesContext(connection) as small:
        client.get("/certificates/")
    for n in range(4):
        issue(judge, academy, source_id=300 + n)
    client.get("/certificates/")  # issuing started a new content generation: warm again
    with CaptureQueriesContext(connection) as large:
        client.get("/certificates/")
    assert len(small) == len(large)


@pytest.mark.django_db
def test_verify_page_query_count_is_flat(client, judge, academy, registrar, issue):
    cert, _ = issue(judge, academy)
    client.get(f"/certificates/verify/{cert.verification_code}/")  # warm per-process caches
    with CaptureQueriesContext(connection) as one:
        client.get(f"/certificates/verify/{cert.verification_code}/")
    for n in range(5):
        issue(factories.make_user("district_judge"), academy, source_id=400 + n)
    client.get(f"/certificates/verify/{cert.verification_code}/")  # a new content generation: warm again
    with CaptureQueriesContext(connection) as many:
        client.get(f"/certificates/verify/{cert.verification_code}/")
    assert len(one) == len(many)
