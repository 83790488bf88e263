"""Certificates in English, Hindi or both; the app's pages, emails and errors in Hindi.

These tests need the Hindi catalogue compiled (certificates/locale/hi/LC_MESSAGES/django.mo,
or the project's merged one).
"""

import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

import certificates.pdf
from certificates.forms import VerifyFileForm
from certificates.models import Certificate, Kind, SourceKind
from certificates.services import IssueContext, issue_certificate
from tests.certificates.conftest import snapshot

NAME_HI = "अंजलि वर्मा"


def url(name, *args, language="en"):
    """The address of `name` in `language` (a test request leaves its language active)."""
    with translation.override(language):
        return reverse(name, args=args)


def _squashed(text):
    return re.sub(r"\s+", "", text)


def _pdf(cert):
    with cert.pdf.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def _text(reader):
    return _squashed("".join(page.extract_text() for page in reader.pages))


def _issue(user, academy, language=None, source_id=101, **snap):
    context = IssueContext.build(Kind.ATTENDANCE, academy)
    return issue_certificate(
        user, SourceKind.COLLOQUIUM, source_id, snapshot(**snap), context=context, language=language
    )


@pytest.fixture
def hindi_judge(judge):
    judge.preferred_language = "hi"
    judge.name_devanagari = NAME_HI
    judge.designation, judge.court_or_office = "Sessions Judge", "Civil Court, Ranchi"
    judge.save()
    return judge


@pytest.mark.django_db
def test_preferred_language_gives_a_hindi_certificate_and_email(
    hindi_judge, academy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cert, created = _issue(hindi_judge, academy)
    assert created and cert.language == "hi"
    assert cert.heading_hi == "उपस्थिति प्रमाणपत्र" and NAME_HI in cert.statement_hi
    assert "जनवरी" in cert.statement_hi  # the dates with Hindi month names
    # The English record stays English (what the register, CSV and credential show).
    assert cert.heading == "Certificate of Attendance" and cert.statement.startswith("This is to certify")
    reader = _pdf(cert)
    assert len(reader.pages) == 1
    text = _text(reader)
    for expected in ("उपस्थितिप्रमाणपत्र", "प्रमाणित", "प्रशिक्षण", "कार्यक्रम:", _squashed(NAME_HI), cert.serial):
        assert expected in text
    assert "Certificate of Attendance" not in text and "Programme:" not in text
    assert str(reader.trailer["/Root"].get("/Lang")) == "hi"
    # The email is in the recipient's language.
    (email,) = mail.outbox
    assert email.subject.startswith("आपका प्रमाणपत्र तैयार है")
    assert "प्रिय Test Judge," in email.body and "Your certificate is ready" not in email.body


@pytest.mark.django_db
def test_bilingual_certificate_is_one_page_with_both_texts(hindi_judge, academy):
    cert, _ = _issue(hindi_judge, academy, language="both")
    assert cert.language == "both"
    reader = _pdf(cert)
    assert len(reader.pages) == 1
    text = _text(reader)
    for expected in ("CertificateofAttendance", "Thisistocertify", "उपस्थितिप्रमाणपत्र", "प्रमाणित"):
        assert expected in text
    assert _squashed(NAME_HI) in text


@pytest.mark.django_db
def test_english_certificate_needs_no_extra_font_work(judge, academy, monkeypatch):
    sheets = []
    original = certificates.pdf.render_pdf
    monkeypatch.setattr(
        certificates.pdf, "render_pdf", lambda html, **kw: sheets.append(kw["stylesheets"]) or original(html, **kw)
    )
    cert, _ = _issue(judge, academy)
    assert cert.language == "en" and cert.statement_hi == "" and cert.title_hi == ""
    assert sheets == [certificates.pdf.STYLESHEETS]
    assert "CertificateofAttendance" in _text(_pdf(cert))


@pytest.mark.django_db
def test_hindi_title_comes_from_the_page_translation(hindi_judge, event_page):
    from wagtail.models import Locale

    from academies.services import academy_for_page
    from colloquia.models import ColloquiumPage

    hindi, _ = Locale.objects.get_or_create(language_code="hi")
    # The page's Hindi translation (what "Translate" in the page explorer makes): same key, Hindi locale.
    event_page.get_parent().add_child(
        instance=ColloquiumPage(
            title="मानव दुर्व्यापार पर संगोष्ठी",
            slug="colloquium-trafficking-hi",
            locale=hindi,
            translation_key=event_page.translation_key,
            venue=event_page.venue,
            start_date=event_page.start_date,
            end_date=event_page.end_date,
        )
    )
    cert, _ = _issue(hindi_judge, academy_for_page(event_page), source_id=event_page.pk, title=event_page.title)
    assert cert.title == "Colloquium on trafficking" and cert.title_hi == "मानव दुर्व्यापार पर संगोष्ठी"
    assert "मानव दुर्व्यापार पर संगोष्ठी" in cert.statement_hi


@pytest.mark.django_db
def test_hindi_title_falls_back_to_english(hindi_judge, academy):
    cert, _ = _issue(hindi_judge, academy, source_id=999_999)
    assert cert.title_hi == cert.title == "Trafficking in persons: the law"


@pytest.mark.django_db
def test_verification_page_in_hindi_states_the_certificates_language(client, hindi_judge, academy):
    cert, _ = _issue(hindi_judge, academy, language="both")
    address = url("certificates:verify_code", cert.verification_code)
    english = client.get(address).content.decode()
    assert "What the certificate states" in english and "English and Hindi" in english
    hindi = client.get(url("certificates:verify_code", cert.verification_code, language="hi")).content.decode()
    assert "प्रमाणपत्र का कथन" in hindi and "अंग्रेज़ी और हिन्दी" in hindi
    assert "What the certificate states" not in hindi
    assert cert.statement_hi in hindi and cert.statement in hindi  # both texts as printed


@pytest.mark.django_db
def test_old_english_certificates_still_verify(client, judge, academy):
    cert, _ = _issue(judge, academy)
    with cert.pdf.open("rb") as handle:
        body = handle.read()
    # A certificate issued before there was a choice: the migration's default language.
    Certificate.objects.filter(pk=cert.pk).update(language="en")
    response = client.post(url("certificates:verify", language="hi"), {"pdf": _upload(body)}, format="multipart")
    page = response.content.decode()
    assert "असली फ़ाइल" in page and cert.serial in page


def _upload(body, name="certificate.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, body, content_type="application/pdf")


def test_form_error_in_hindi():
    with translation.override("hi"):
        form = VerifyFileForm(files={"pdf": _upload(b"not a pdf at all")})
        assert not form.is_valid()
        assert form.errors["pdf"] == ["यह फ़ाइल PDF नहीं है।"]


@pytest.mark.django_db
def test_verify_and_not_found_pages_in_hindi(client):
    page = client.get(url("certificates:verify", language="hi")).content.decode()
    assert "प्रमाणपत्र सत्यापित करें" in page and "Verify a certificate" not in page
    missing = client.get(url("certificates:verify_code", "A" * 22, language="hi"))
    assert missing.status_code == 404 and "इस कोड का कोई प्रमाणपत्र नहीं है" in missing.content.decode()


@pytest.mark.django_db
def test_learner_chooses_the_language_of_a_certificate(client, hindi_judge, academy):
    hindi_judge.preferred_language = ""
    hindi_judge.save()
    cert, _ = _issue(hindi_judge, academy)
    assert cert.language == "en"
    client.force_login(hindi_judge)
    mine = client.get(url("certificates:mine", language="hi")).content.decode()
    assert "मेरे प्रमाणपत्र" in mine and "इस भाषा में जारी करें" in mine
    response = client.post(url("certificates:choose_language", cert.pk), {"language": "both"})
    assert response.status_code == 302
    cert.refresh_from_db()
    new = cert.superseded_by
    assert cert.status == "superseded" and new.language == "both" and new.statement_hi
    assert new.reissue_reason == "Printed in English and Hindi at the recipient's request."
    # The same language again issues nothing.
    client.post(url("certificates:choose_language", new.pk), {"language": "both"})
    assert Certificate.objects.filter(user=hindi_judge).count() == 2


@pytest.mark.django_db
def test_mine_preselects_the_preferred_language(client, hindi_judge, academy):
    _issue(hindi_judge, academy, language="en")
    client.force_login(hindi_judge)
    page = client.get(url("certificates:mine")).content.decode()
    assert '<option value="hi" selected>' in page


@pytest.mark.django_db
def test_transcript_in_the_requests_language(client, hindi_judge, academy):
    _issue(hindi_judge, academy)
    client.force_login(hindi_judge)
    response = client.get(url("certificates:transcript", language="hi"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert str(reader.trailer["/Root"].get("/Lang")) == "hi"
    assert "प्रशिक्षण प्रतिलेख" in (reader.metadata.title or "")
