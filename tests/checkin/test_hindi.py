"""The check-in desk, the registrar's screens, the e-ticket and the badges in Hindi."""

import io

import pytest
from django.core import mail
from django.utils import translation
from pypdf import PdfReader

from checkin import badge_sheets
from checkin.forms import DeskForm
from checkin.models import BadgeSheet
from checkin.pdf import render_ticket
from checkin.services import find_ticket, participant_ticket
from colloquia import services as colloquia
from colloquia.services import Refused
from tests.factories import hindi_admin, make_user

from .conftest import approved, at, counted, during

pytestmark = pytest.mark.django_db


def pdf_text(data):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_desk_speaks_hindi_under_hi(client, registrar, event):
    approved(event)
    client.force_login(registrar)
    html = client.get("/hi/checkin/desk/").content.decode()
    assert "वह कार्यक्रम चुनें जिसके प्रतिभागियों की पहुँच आप दर्ज कर रहे हैं।" in html
    assert "Choose the event whose participants" not in html
    html = client.get(f"/hi/checkin/desk/{event.pk}/").content.decode()
    assert "टिकट संख्या" in html and "कैमरे से QR कोड स्कैन करें" in html
    assert "Scan a QR code with the camera" not in html and ">Ticket number<" not in html
    # The camera's messages, for desk.js, in Hindi too.
    assert 'data-msg-read="टिकट %(ticket)s पढ़ा गया। पहुँच दर्ज की जा रही है…"' in html


def test_a_refused_ticket_is_explained_in_hindi(client, registrar, event):
    session = counted(event)[0]
    client.force_login(registrar)
    with at(during(session)):
        response = client.post(f"/hi/checkin/desk/{event.pk}/", {"session": session.pk, "ticket": "nonsense"})
        assert response.status_code == 302 and response["Location"].startswith("/hi/checkin/desk/")
        html = client.get(response["Location"]).content.decode()
    assert "पहुँच दर्ज नहीं हुई" in html
    assert "“nonsense” टिकट संख्या नहीं है।" in html and "is not a ticket number" not in html


def test_a_withdrawn_holder_is_refused_in_hindi(event, registrar):
    registration = approved(event, full_name="Asha Verma")
    colloquia.withdraw(registration, by=registration.user)
    with translation.override("hi"), pytest.raises(Refused) as refusal:
        find_ticket(event, registration.ticket.number, by=registrar)
    assert str(refusal.value) == (
        f"Asha Verma इस कार्यक्रम से अपना नाम वापस ले चुके हैं: टिकट {registration.ticket.number} अब वैध नहीं है।"
    )


def test_the_desk_form_error_is_in_hindi(event):
    with translation.override("hi"):
        form = DeskForm({"session": "999999", "ticket": ""}, sessions=counted(event))
        assert not form.is_valid()
        assert form.errors["session"] == ["सूची में से इस कार्यक्रम का कोई सत्र चुनें; हो सकता है कि कार्यसूची बदल गई हो।"]


def test_the_registrar_screens_speak_the_registrars_admin_language(client, registrar, event):
    approved(event, full_name="Asha Verma")
    client.force_login(hindi_admin(registrar))
    html = client.get("/admin/checkin/").content.decode()
    assert "उपस्थिति दर्ज करना, नाम-पट्टिकाएँ और उपस्थिति" in html and "Check-in, badges and attendance" not in html
    html = client.get(f"/admin/checkin/{event.pk}/badges/").content.decode()
    assert "नाम-पट्टिकाएँ तैयार करें" in html and "Prepare the badges" not in html
    html = client.get(f"/admin/checkin/{event.pk}/attendance/").content.decode()
    assert "नाम या ईमेल" in html and "Asha Verma" in html and "Name or email" not in html
    assert "दर्ज नहीं" in html  # the grid's empty cells, for screen readers
    csv = b"".join(client.get(f"/admin/checkin/{event.pk}/attendance.csv").streaming_content).decode("utf-8-sig")
    # The same words may come from another app's catalogue (the project's merged one decides them).
    header = csv.splitlines()[0]
    assert header.startswith("नाम,ईमेल,") and "पात्र" in header
    assert "Eligible for a certificate" not in header and "Ticket number" not in header


def test_the_e_ticket_prints_hindi_for_a_hindi_reader(event):
    user = make_user("district_judge", full_name="Asha Verma", preferred_language="hi")
    registration = participant_ticket(user, colloquia.register(user, event).pk)
    with translation.override("hi"):
        text = pdf_text(render_ticket(registration))
    assert "टिकट संख्या" in text and "Asha Verma" in text and registration.ticket.number in text
    assert "Ticket number" not in text and "Show this QR code" not in text


def test_the_confirmation_carries_the_e_ticket_in_the_recipients_language(event, django_capture_on_commit_callbacks):
    user = make_user("district_judge", full_name="Asha Verma", preferred_language="hi")
    with django_capture_on_commit_callbacks(execute=True):
        registration = colloquia.register(user, event)
    (message,) = mail.outbox
    assert f"आपका ई-टिकट संलग्न है (e-ticket-{event.slug}.pdf)" in message.body
    assert "Your e-ticket is attached" not in message.body
    ((_name, content, _type),) = message.attachments
    text = pdf_text(content)
    assert "टिकट संख्या" in text and registration.ticket.number in text and "Ticket number" not in text


def test_badges_print_in_the_language_of_the_registrar_who_asked(
    client, registrar, event, django_capture_on_commit_callbacks
):
    approved(event, full_name="Asha Verma")
    registrar.preferred_language = "hi"
    registrar.save(update_fields=["preferred_language"])
    client.force_login(hindi_admin(registrar))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/checkin/{event.pk}/badges/", {"category": ""}, follow=True)
    assert "नाम-पट्टिकाएँ (सभी प्रतिभागी) तैयार की जा रही हैं।" in response.content.decode()
    sheet = BadgeSheet.objects.get(page=event)
    assert sheet.status == "ready"
    with sheet.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert "Asha Verma" in reader.pages[0].extract_text()
    assert reader.metadata.title == f"नाम-पट्टिकाएँ: {event.title}"


def test_a_failed_sheet_says_why_in_the_readers_language(client, registrar, event):
    client.force_login(hindi_admin(registrar))
    sheet, _queued = badge_sheets.request_sheet(event, "", by=registrar)
    BadgeSheet.objects.filter(pk=sheet.pk).update(status="failed", error=badge_sheets.NO_BADGES)
    html = client.get(f"/admin/checkin/{event.pk}/badges/").content.decode()
    assert "अभी किसी भी प्रतिभागी का स्थान पुष्ट नहीं हुआ है" in html
