"""The support record's screens and documents in Hindi: the admin screens in the keeper's admin
language, the PDFs in the language of the request, their Devanagari copying out as typed."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from support import services
from support.choices import Document

from .conftest import voucher
from .test_documents import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_the_default_language():
    """A Hindi admin request leaves Hindi active in the thread; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def spend(record, registrar, amount="150000"):
    return services.add_expenditure(
        record,
        head="venue",
        spent_on=record.event.start_date,
        payee="Hotel",
        description="Hall",
        amount=Decimal(amount),
        voucher=voucher(),
        by=registrar,
    )


def works_in_hindi(user):
    """The admin's language is the person's admin profile language (Wagtail's own setting)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "hi"
    profile.save()


def test_utilisation_certificate_in_hindi(record, registrar, signatory):
    spend(record, registrar)
    with translation.override("hi"):
        text = text_of(services.render_document(record, Document.CERTIFICATE, signatory=signatory))
    assert "वर्ष 2026-27 के लिए उपयोगिता प्रमाणपत्र" in text
    assert "प्रपत्र GFR 12-C (सामान्य वित्तीय नियम 2017, नियम 239)" in text
    assert "प्रारूप: हस्ताक्षरित नहीं।" in text
    # Indian digit grouping, as in English (core.formatting.format_rupees).
    assert "Rs 1,95,000 की सहायता अनुदान राशि" in text and "अप्रयुक्त शेष राशि Rs 45,000 सरकार को अभ्यर्पित" in text
    assert "प्रतिहस्ताक्षरित (विभाग के प्रशासनिक सचिव, या राज्य के वित्त सचिव)" in text
    assert "अनुलग्नक: व्यय विवरण" in text and "भोजन एवं आवास" in text and "पृष्ठ 1 / 2" in text
    assert "Justice (Retd.) A. Kumar" in text
    assert "Certified" not in text and "DRAFT" not in text and "Page 1" not in text
    english = text_of(services.render_document(record, Document.CERTIFICATE, signatory=signatory))
    assert "Utilisation certificate for the year 2026-27" in english and "Page 1 of 2" in english
    assert "उपयोगिता" not in english


def test_signed_documents_keep_the_language_they_were_signed_in(record, registrar, signatory):
    spend(record, registrar)
    with translation.override("hi"):
        version = services.sign(record, signatory=signatory, by=registrar)
    certificate = text_of(version.certificate_pdf.open("rb").read())
    assert "संस्करण 1, " in certificate and "को हस्ताक्षरित। प्रपत्र GFR 12-C के प्रारूप में तैयार।" in certificate
    report = text_of(version.report_pdf.open("rb").read())
    assert "परिणाम रिपोर्ट" in report and "नियोजित 4 सत्रों में से 4 आयोजित हुए।" in report
    assert "2 अनुमोदित प्रतिभागियों में से 1 उपस्थित हुए; सभी सत्र-स्थानों की तुलना में उपस्थिति दर 50%" in report
    assert "उल्लेख नहीं" in report  # the district nobody gave
    assert "sessions planned" not in report


def test_record_screen_and_its_pdf_in_the_keepers_language(client, record, registrar):
    works_in_hindi(registrar)
    client.force_login(registrar)
    body = client.get(f"/admin/support/{record.pk}/").content.decode()
    assert "मदवार बजट एवं व्यय" in body and "प्रस्ताव एवं स्वीकृति" in body and "व्यय दर्ज करें" in body
    assert "Rs 1,95,000" in body
    assert "Budget and expenditure by head" not in body
    listing = client.get("/admin/support/").content.decode()
    assert "गृह मंत्रालय (MHA) सहायता अभिलेख" in listing and "स्वीकृत" in listing
    proposal = text_of(client.get(f"/admin/support/{record.pk}/documents/proposal.pdf").content)
    assert "गृह मंत्रालय (MHA) सहायता हेतु प्रस्ताव" in proposal and "मदवार बजट" in proposal
    assert "Rs 1,95,000" in proposal and "Proposal for MHA support" not in proposal


def test_support_form_errors_in_hindi(client, record, registrar):
    works_in_hindi(registrar)
    client.force_login(registrar)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    body = client.post(
        f"/admin/support/{record.pk}/sanction/",
        {
            "sanction_order_number": "12/MHA",
            "sanction_date": tomorrow.isoformat(),
            "sanction_amount": "250000",
            "sanctioning_authority": "MHA",
        },
    ).content.decode()
    assert "स्वीकृति की तिथि भविष्य की नहीं हो सकती।" in body
    body = client.post(
        f"/admin/support/{record.pk}/sanction/",
        {
            "sanction_order_number": "12/MHA",
            "sanction_date": record.event.start_date.isoformat(),
            "sanction_amount": "250000",
            "sanctioning_authority": "MHA",
        },
    ).content.decode()
    assert "गृह मंत्रालय (MHA) योजना प्रति कार्यक्रम अधिकतम Rs 2,00,000 की सहायता देती है; यह राशि Rs 2,50,000 है।" in body


def test_refused_voucher_in_hindi(client, record, registrar):
    works_in_hindi(registrar)
    client.force_login(registrar)
    body = client.post(
        f"/admin/support/{record.pk}/expenditure/add/",
        {
            "head": "venue",
            "spent_on": record.event.start_date.isoformat(),
            "payee": "Hotel",
            "description": "Hall",
            "amount": "1000",
            "voucher": voucher("bill.exe", b"MZ\x90\x00" + b"\x00" * 100),
        },
    ).content.decode()
    assert "“bill.exe” अस्वीकार की गई: .exe फ़ाइलें स्वीकार नहीं की जातीं: प्रोग्राम स्वीकार नहीं किए जाते।" in body
    assert not record.expenditure.exists()
