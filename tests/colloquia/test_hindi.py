"""The colloquia app in Hindi: the pages participants see, the registrar's screens, emails, the agenda's PDF and .ics.

Each asks for a Hindi string and checks the English one is gone. Pages are asked for under /hi/
(or, before those addresses exist, with the browser's language); the outputs that take the active
language (PDF, .ics, forms) are also rendered directly under `translation.override("hi")`.
"""

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.formats import date_format
from icalendar import Calendar
from pypdf import PdfReader
from wagtail.users.models import UserProfile

from colloquia import agenda
from colloquia import services as colloquia
from colloquia.forms import NominationUploadForm
from colloquia.registrar_forms import RegisterAccountForm
from tests.factories import make_user

from .conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_to_start_with():
    """English active around each test: a request under /hi/ leaves Hindi active in the test's thread
    (LocaleMiddleware activates and never resets), and `page.url` then gives the /hi/ address."""
    translation.activate("en")
    yield
    translation.activate("en")


def in_hindi(client, url, **extra):
    """GET `url` in Hindi: its /hi/ address, or (before the /hi/ addresses exist) with the browser's language."""
    response = client.get("/hi" + url, follow=True, **extra)
    if response.status_code == 404:
        response = client.get(url, follow=True, HTTP_ACCEPT_LANGUAGE="hi", **extra)
    return response


def pdf_text(data):
    """The PDF's text with runs of spaces as one (pypdf doubles a space where two font aliases meet)."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r" +", " ", text)


HINDI_SESSIONS = [
    (0, "09:30", "10:30", "उद्घाटन सत्र", "inaugural", True),
    (0, "10:45", "12:00", "मानव दुर्व्यापार: भारतीय न्याय संहिता के अंतर्गत अपराध", "technical", True),
]


def test_the_event_page_is_in_hindi(client, event):
    client.force_login(make_user("district_judge"))
    html = in_hindi(client, event.url).content.decode()
    assert "कार्यसूची" in html and "पंजीकरण करें" in html
    assert "तकनीकी सत्र" in html  # the kind of session, from the choices
    assert "Add to calendar (.ics)" not in html and "Technical session" not in html


def test_the_calendar_lists_events_in_hindi(client, index, event):
    html = in_hindi(client, index.url).content.decode()
    assert "न्यायिक संगोष्ठी" in html and "संगोष्ठियाँ छाँटें" in html
    assert "All kinds" not in html and "Judicial colloquium" not in html


def test_a_refused_registration_says_why_in_hindi(client, index):
    event = make_event(index, title="By nomination", mode="nomination")
    client.force_login(make_user("district_judge"))
    html = in_hindi(client, event.url).content.decode()
    assert "यह कार्यक्रम केवल नामांकन द्वारा है: अकादमी प्रतिभागियों को आमंत्रित करती है।" in html
    assert "This event is by nomination only" not in html


def test_the_registrars_forms_give_their_errors_in_hindi(event):
    with translation.override("hi"):
        form = RegisterAccountForm(
            {"account-email": "nobody@example.test", "account-category": "x"}, page=event, prefix="account"
        )
        assert not form.is_valid()
        assert form.errors["email"] == ["इस पते से कोई खाता नहीं है। इसके स्थान पर व्यक्ति को ईमेल द्वारा आमंत्रित करें।"]
        assert str(form.fields["email"].label) == "उनके खाते का ईमेल पता"
        upload = SimpleUploadedFile("n.csv", b"name,email\nA,a@example.test\n", content_type="text/csv")
        form = NominationUploadForm({}, {"file": upload}, page=event)
        assert not form.is_valid()
        (error,) = form.errors["file"]
        assert error.startswith("पहली पंक्ति में स्तंभों के नाम होने चाहिए; अनुपस्थित:")


def _hindi_registrar(registrar):
    profile = UserProfile.get_for_user(registrar)
    profile.preferred_language = "hi"
    profile.save()
    return registrar


def test_the_registrars_event_screen_is_in_hindi(client, registrar, event):
    client.force_login(_hindi_registrar(registrar))
    html = client.get(f"/admin/colloquia/{event.pk}/").content.decode()
    assert "प्रतीक्षा सूची" in html and "उपस्थिति दर्ज करें" in html and "हस्ताक्षर पत्रक (PDF)" in html
    assert "Mark attendance" not in html and "Held for invitations" not in html


def test_the_registrations_list_is_in_hindi(client, registrar, event):
    colloquia.register(make_user("district_judge", full_name="Asha Verma"), event)
    client.force_login(_hindi_registrar(registrar))
    html = client.get(f"/admin/colloquia/{event.pk}/registrations/").content.decode()
    assert "Asha Verma" in html and "अनुमोदित" in html and "कार्यक्रम का सारांश" in html
    assert "Event overview" not in html


def test_the_confirmation_email_is_in_the_recipients_language(index, django_capture_on_commit_callbacks):
    event = make_event(index, title="Approval colloquium", mode="approval")
    judge = make_user("district_judge", full_name="Asha Verma")
    judge.preferred_language = "hi"
    judge.save()
    other = make_user("district_judge", full_name="Bina Rao")
    with django_capture_on_commit_callbacks(execute=True):
        colloquia.register(judge, event)
        colloquia.register(other, event)
    hindi, english = mail.outbox
    assert hindi.to == [judge.email]
    assert hindi.subject == "आपका पंजीकरण अनुरोध प्राप्त हुआ: Approval colloquium"
    assert "प्रिय Asha Verma," in hindi.body and "कार्यसूची और विवरण:" in hindi.body
    assert "Dear" not in hindi.body
    assert english.subject == "Your registration request was received: Approval colloquium"
    assert "Dear Bina Rao," in english.body


def test_an_invitation_to_someone_without_an_account_is_in_the_language_of_the_request(
    event, django_capture_on_commit_callbacks
):
    with translation.override("hi"), django_capture_on_commit_callbacks(execute=True):
        colloquia.invite_on_behalf(
            event,
            email="new.person@example.test",
            name="Shri A. Kumar",
            designation="ASJ",
            category="district_judge",
            nominating_office="District Court",
            accept_by=None,
            by=None,
        )
    (message,) = mail.outbox
    assert message.subject == f"आमंत्रण: {event.title}"
    assert "आपको District Court द्वारा निम्नलिखित में भाग लेने के लिए नामित किया गया है:" in message.body
    assert "You have been nominated" not in message.body


def test_the_agenda_ics_is_in_hindi(client, index):
    event = make_event(index, title="Online colloquium", sessions=HINDI_SESSIONS)
    session = event.sessions.get(kind="technical")
    session.mode = "online"
    session.save()
    with translation.override("hi"):
        body = agenda.page_ics(event)
    calendar = Calendar.from_ical(body)
    vevent = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]).startswith("मानव दुर्व्यापार"))
    assert str(vevent["LOCATION"]) == "ऑनलाइन"
    assert "ऑनलाइन." in str(vevent["DESCRIPTION"])
    assert [str(c) for c in vevent["CATEGORIES"].cats] == ["तकनीकी सत्र"]
    # Asked for under /hi/, the download is in Hindi too; in English it stays English.
    english = Calendar.from_ical(client.get(event.url + "agenda.ics").content)
    assert "Online" in {str(e["LOCATION"]) for e in english.walk("VEVENT")}
    hindi = Calendar.from_ical(in_hindi(client, event.url + "agenda.ics").content)
    assert "ऑनलाइन" in {str(e["LOCATION"]) for e in hindi.walk("VEVENT")}


def test_a_personal_feed_in_hindi_names_the_registration_in_hindi(index):
    event = make_event(index, title="Feed colloquium")
    judge = make_user("district_judge")
    registration = colloquia.register(judge, event)
    registration.page = event
    with translation.override("hi"):
        body = agenda.personal_ics([registration])
    calendar = Calendar.from_ical(body)
    assert str(calendar["X-WR-CALNAME"]) == "मेरी संगोष्ठियाँ"
    assert all("आपका पंजीकरण: अनुमोदित।" in str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT"))


@override_settings(SITE_URL="http://testserver")
def test_the_agenda_pdf_is_in_hindi_and_its_devanagari_copies_out_as_typed(client, index):
    event = make_event(index, title="न्यायिक संगोष्ठी: मानव दुर्व्यापार", sessions=HINDI_SESSIONS)
    with translation.override("hi"):
        text = pdf_text(agenda.page_pdf(event))
    for words in (
        "न्यायिक संगोष्ठी: मानव दुर्व्यापार",  # the page's own title, a reph in दुर्व्यापार
        "मानव दुर्व्यापार: भारतीय न्याय संहिता के अंतर्गत अपराध",
        "अध्यक्ष और संसाधन व्यक्ति",  # the column headings
        "समय",
        "पृष्ठ 1 / 1",  # the footer
    ):
        assert words in text, words
    assert "Chairs and resource persons" not in text and "Page 1 of 1" not in text
    # The day's name and month come from Django's Hindi catalogue.
    with translation.override("hi"):
        day = date_format(event.start_date, "l")
        month = date_format(event.start_date, "F")
    # (The zero-width non-joiner of सोम\u200cवार is not printed.)
    assert day.replace("\u200c", "") in text and month.replace("\u200c", "") in text
    # The same PDF asked for under /hi/, and in English at its own address.
    url = event.url + "agenda.pdf"
    assert "Page 1 of 1" in pdf_text(client.get(url).content)
    assert "पृष्ठ 1 / 1" in pdf_text(in_hindi(client, url).content)


def test_the_sign_in_sheet_prints_hindi_headings(client, registrar, event):
    client.force_login(_hindi_registrar(registrar))
    session = event.sessions.get(title="Inaugural session")
    text = pdf_text(client.get(f"/admin/colloquia/{event.pk}/sessions/{session.pk}/sign-in-sheet.pdf").content)
    assert "हस्ताक्षर पत्रक" in text and "पदनाम" in text
    assert re.search(r"Sign-in sheet\b", text) is None
