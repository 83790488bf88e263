"""The resource library in Hindi: its pages under /hi/, refusals of uploads, the moderation
queue and the decision email in the recipient's language."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from resources import services
from resources.files import check_upload
from tests import factories
from tests.resources.builders import PDF, upload
from tests.resources.conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_the_default_language():
    """A request under /hi/ leaves Hindi active in the thread; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_library_page_in_hindi(client, index_page, approved):
    body = client.get("/hi" + index_page.url).content.decode()
    assert "सभी विषय" in body and "संसाधन खोजें और छाँटें" in body
    assert "मार्गदर्शिका या पुस्तिका" in body  # the card's type label
    assert "1 संसाधन।" in body
    assert "All topics" not in body and "Guide or handbook" not in body


def test_resource_page_in_hindi(client, index_page, approved):
    url = approved.resource.get_url(index_page)
    response = client.get("/hi" + url)
    body = response.content.decode()
    assert response.status_code == 200, (url, response.status_code)
    assert "लेखक या स्रोत" in body, body[body.find("<main") : body.find("<main") + 1500]
    assert "लेखक या स्रोत" in body and "राज्य/संघ राज्य क्षेत्र" in body and "प्रकाशित" in body
    assert "Author or source" not in body and "Published" not in body


def test_refused_upload_gives_the_reason_in_hindi(client, academy, member):
    client.force_login(member)
    executable = upload("guide.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    response = client.post("/hi/resources/share/", form_data(title="मेरा शीर्षक", files=[executable]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "“guide.pdf” अस्वीकार की गई: इसका नाम .pdf है, किंतु इसकी सामग्री प्रोग्राम (एक्ज़ीक्यूटेबल) है।" in body
    assert "कृपया नीचे दी गई त्रुटियाँ ठीक करें।" in body and "मेरा शीर्षक" in body
    assert "was refused" not in body and "Please correct the errors" not in body


def test_oversize_and_script_refusals_in_hindi(client, academy, member, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 500
    client.force_login(member)
    body = client.post("/hi/resources/share/", form_data(files=upload("big.pdf", PDF + b"0" * 1000))).content.decode()
    assert "“big.pdf” अस्वीकार की गई: इसका आकार" in body and "सीमा" in body
    with translation.override("hi"), pytest.raises(ValidationError) as refused:
        check_upload(upload("run.js", b"alert(1)"))
    assert refused.value.messages == ["“run.js” अस्वीकार की गई: .js फ़ाइलें स्वीकार नहीं की जातीं: स्क्रिप्ट स्वीकार नहीं की जातीं।"]


def test_pdf_with_javascript_is_refused_in_hindi(db):
    from tests.resources.pdf_builder import document

    pdf = document(catalog_extra="/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>").build()
    with translation.override("hi"), pytest.raises(ValidationError) as refused:
        check_upload(upload("js.pdf", pdf))
    assert "PDF में JavaScript है" in refused.value.messages[0]


def test_upload_gate_in_hindi(client, db):
    judge = factories.make_user("district_judge")
    client.force_login(judge)
    body = client.get("/hi/resources/share/").content.decode()
    assert "संसाधन साझा करने की सुविधा सत्यापित नागरिक समाज संगठनों के सदस्यों के लिए है।" in body
    assert "Sharing resources is for" not in body


def test_moderation_queue_in_hindi(client, pending, moderator):
    client.force_login(moderator)
    body = client.get("/hi/resources/moderation/").content.decode()
    assert "समीक्षा की प्रतीक्षा में संसाधन" in body and "आप इनके लिए मॉडरेटर हैं:" in body
    assert pending.title in body
    assert "Resources awaiting moderation" not in body
    review = client.get(f"/hi/resources/moderation/{pending.pk}/").content.decode()
    assert "आपका निर्णय" in review and "निर्णय दर्ज करें" in review and "अनुमोदित करें" in review


def test_decision_form_error_in_hindi(client, pending, moderator):
    client.force_login(moderator)
    body = client.post(f"/hi/resources/moderation/{pending.pk}/", {"decision": "reject", "note": ""}).content.decode()
    assert "बताएँ कि क्या बदलना है, या इसे क्यों अस्वीकार किया गया है।" in body


def test_the_hindi_moderation_queue_also_needs_two_factor_authentication(client, academy, pending):
    staff = factories.make_user("academy_staff", mfa=False)
    factories.add_staff(academy, staff, "moderator")
    client.force_login(staff)
    for url in ("/resources/moderation/", "/hi/resources/moderation/"):
        response = client.get(url)
        assert response.status_code == 302 and "/2fa/" in response["Location"], url


def test_decision_email_is_in_the_uploaders_language(pending, moderator, member, django_capture_on_commit_callbacks):
    member.preferred_language = "hi"
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(pending, moderator, "changes", "स्रोत जोड़ें।")
    message = mail.outbox[0]
    assert message.subject == "आपके संसाधन में परिवर्तन का अनुरोध"
    assert "एक मॉडरेटर ने “Guide to victim identification” (संस्करण 1) के प्रकाशन से पहले" in message.body
    assert "उनकी टिप्पणी:" in message.body and "स्रोत जोड़ें।" in message.body
    assert f"/hi/resources/mine/{pending.resource_id}/" in message.body
    assert "Dear" not in message.body


def test_decision_email_stays_english_for_english_readers(
    pending, moderator, member, django_capture_on_commit_callbacks
):
    member.preferred_language = "en"
    member.save()
    with translation.override("hi"), django_capture_on_commit_callbacks(execute=True):  # a moderator working in Hindi
        services.decide(pending, moderator, "approve")
    message = mail.outbox[0]
    assert message.subject == "Your resource is now public"
    assert f"/resources/mine/{pending.resource_id}/" in message.body and "/hi/" not in message.body
