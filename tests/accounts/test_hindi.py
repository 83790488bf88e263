"""The account pages, forms and emails in Hindi: allauth's pages under /hi/ read wholly in Hindi
(allauth ships no Hindi; locale/libraries holds it), errors come in Hindi, and emails go out in the
recipient's language whatever the language of the page that sent them.

The app catalogues (accounts/locale, …) and locale/libraries must be compiled (make messages).
"""

import re
from html import unescape

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.utils import translation

from accounts.forms import ProfileForm
from accounts.models import User
from accounts.services import decide_role, export_personal_data
from regions.models import HighCourt, State
from tests import factories

pytestmark = pytest.mark.django_db

# Proper nouns and codes that stay in Latin script on a Hindi page.
LATIN_ALLOWED = {"Colloquium", "English", "AHTU", "CSO", "JSON", "QR", "OTP", "Justice", "Sharma"}


@pytest.fixture(autouse=True)
def _site_catalogue(settings):
    """The project templates' catalogue (colloquium_site/locale), until it is merged into locale/."""
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, django_settings.BASE_DIR / "colloquium_site" / "locale"]


def main_text(body):
    """What a reader sees in <main> (the header and footer are base.html's): text, and the
    placeholder, title, aria-label and alt attributes; no option whose text is data (States/UTs,
    High Courts: proper nouns, from the database)."""
    main = re.search(r"(?s)<main\b.*?</main>", body).group(0)
    main = re.sub(r"(?s)<script.*?</script>", " ", main)
    main = re.sub(r"(?s)<select[^>]*name=\"(state|high_court)\".*?</select>", " ", main)
    attrs = re.findall(r'(?:placeholder|title|aria-label|alt)="([^"]*)"', main)
    return unescape(" ".join([re.sub(r"<[^>]+>", " ", main), *attrs]))


def english_words(text):
    words = set(re.findall(r"[A-Za-z]{2,}", text))
    return sorted(words - LATIN_ALLOWED)


@pytest.mark.parametrize(
    ("url", "hindi"),
    [
        ("/hi/accounts/login/", "पासवर्ड भूल गए?"),
        ("/hi/accounts/signup/", "पृष्ठों और ईमेल की भाषा"),
        ("/hi/accounts/password/reset/", "मेरा पासवर्ड रीसेट करें"),
    ],
)
def test_the_sign_in_sign_up_and_password_reset_pages_read_in_hindi(client, home, url, hindi):
    response = client.get(url)
    assert response.status_code == 200
    text = main_text(response.content.decode())
    assert hindi in text
    assert english_words(text) == [], url


@pytest.mark.parametrize(
    ("url", "hindi"),
    [
        ("/hi/accounts/logout/", "क्या आप वास्तव में साइन आउट करना चाहते हैं?"),
        ("/hi/accounts/password/change/", "वर्तमान पासवर्ड"),
        ("/hi/accounts/email/", "वर्तमान ईमेल"),
        ("/hi/accounts/2fa/", "द्वि-चरणीय प्रमाणीकरण"),
        ("/hi/accounts/reauthenticate/", "अपने खाते की सुरक्षा के लिए कृपया पुनः प्रमाणीकरण करें।"),
        ("/hi/accounts/profile/", "आपकी प्रोफ़ाइल"),
        ("/hi/accounts/dashboard/", "मेरा अधिगम"),
        ("/hi/accounts/delete/", "मेरा खाता हटाएँ"),
    ],
)
def test_the_signed_in_account_pages_read_in_hindi(client, home, url, hindi):
    client.force_login(factories.make_user())
    response = client.get(url)
    assert response.status_code == 200
    text = main_text(response.content.decode())
    assert hindi in text
    assert english_words(text) == [], url


def test_a_wrong_password_is_refused_in_hindi(client, home):
    factories.make_user(email="judge@example.test")
    response = client.post("/hi/accounts/login/", {"login": "judge@example.test", "password": "wrong-password"})
    assert response.status_code == 200
    body = unescape(response.content.decode())
    assert "आपके द्वारा दिया गया ईमेल पता और/या पासवर्ड सही नहीं है।" in body
    assert "are not correct" not in body


def test_sign_up_errors_are_in_hindi(client, home):
    response = client.post("/hi/accounts/signup/", {"email": "not-an-address", "password1": "short"})
    body = unescape(response.content.decode())
    assert "मान्य ईमेल पता दर्ज करें।" in body
    assert "यह फ़ील्ड आवश्यक है।" in body
    assert "This field is required." not in body


def signup_data(**overrides):
    data = {
        "email": "nyay@example.test",
        "password1": "Stronger-Passw0rd!",
        "password2": "Stronger-Passw0rd!",
        "full_name": "Smt. Rekha Soren",
        "role": "district_judge",
        "state": State.objects.get(code="JH").pk,
        "high_court": HighCourt.objects.get(code="JHHC").pk,
    }
    data.update(overrides)
    return data


def test_sign_up_preselects_the_page_language_stores_it_and_confirms_in_hindi(client, home):
    page = client.get("/hi/accounts/signup/").content.decode()
    assert re.search(r'<option value="hi" selected>', page)
    english_page = client.get("/accounts/signup/").content.decode()
    assert re.search(r'<option value="en" selected>', english_page)

    response = client.post("/hi/accounts/signup/", signup_data(preferred_language="hi", devanagari_digits="on"))
    assert response.status_code == 302
    user = User.objects.get(email="nyay@example.test")
    assert user.preferred_language == "hi" and user.devanagari_digits is True
    message = mail.outbox[-1]
    assert "कृपया अपने ईमेल पते की पुष्टि करें" in message.subject
    assert "Confirm" not in message.subject
    assert "/accounts/confirm-email/" in message.body


def test_sign_up_leaves_the_language_blank_when_not_chosen(client, home):
    client.post("/accounts/signup/", signup_data(preferred_language=""))
    user = User.objects.get(email="nyay@example.test")
    assert user.preferred_language == "" and user.devanagari_digits is False


def test_a_password_reset_email_goes_in_the_recipients_language_not_the_pages(client, home):
    factories.make_user(email="hindi@example.test", preferred_language="hi")
    factories.make_user(email="english@example.test", preferred_language="en")
    client.post("/accounts/password/reset/", {"email": "hindi@example.test"})  # an English page
    client.post("/hi/accounts/password/reset/", {"email": "english@example.test"})  # a Hindi page
    hindi, english = mail.outbox
    assert hindi.to == ["hindi@example.test"]
    assert "पासवर्ड रीसेट ईमेल" in hindi.subject and "Password Reset" not in hindi.subject
    assert "आपको यह ईमेल इसलिए मिल रहा है" in hindi.body
    assert english.to == ["english@example.test"]
    assert "Password Reset E-mail" in english.subject or "Password Reset Email" in english.subject


def test_the_profile_saves_the_language_and_digits_and_thanks_in_hindi(client, home):
    user = factories.make_user()
    client.force_login(user)
    data = {
        "full_name": user.full_name,
        "role": user.role,
        "state": user.state_id,
        "preferred_language": "hi",
        "devanagari_digits": "on",
    }
    response = client.post("/hi/accounts/profile/", data, follow=True)
    user.refresh_from_db()
    assert user.preferred_language == "hi" and user.devanagari_digits is True
    assert "आपकी प्रोफ़ाइल सहेज ली गई है।" in response.content.decode()
    data.update(preferred_language="", devanagari_digits="")
    client.post("/accounts/profile/", data)
    user.refresh_from_db()
    assert user.preferred_language == "" and user.devanagari_digits is False


def test_the_profile_form_labels_and_errors_are_in_hindi():
    with translation.override("hi"):
        form = ProfileForm(data={"full_name": "A\u202eB", "role": "district_judge"})
        assert not form.is_valid()
        assert str(form.fields["preferred_language"].label) == "पृष्ठों और ईमेल की भाषा"
        assert form.errors["state"] == ["यह फ़ील्ड आवश्यक है।"]
        assert "छिपे हुए पाठ-दिशा वर्ण U+202E" in form.errors["full_name"][0]
    with translation.override("en"):
        form = ProfileForm(data={})
        assert str(form.fields["preferred_language"].label) == "Language for pages and emails"
        assert "Show numbers in Devanagari digits" in str(form.fields["devanagari_digits"].label)


def test_a_role_decision_email_is_in_the_users_language(django_capture_on_commit_callbacks):
    reviewer = factories.make_user("academy_staff")
    user = factories.make_user(verified=False, preferred_language="hi")
    with django_capture_on_commit_callbacks(execute=True):
        decide_role(user, verified=False, reviewer=reviewer, note="पदनाम स्पष्ट करें")
    message = mail.outbox[-1]
    assert message.subject == "आपकी भूमिका सत्यापित नहीं की जा सकी"
    assert "अकादमी कर्मचारी Colloquium पर ज़िला/सत्र न्यायाधीश के रूप में" in message.body
    assert "/hi/accounts/profile/" in message.body
    english = factories.make_user(verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        decide_role(english, verified=True, reviewer=reviewer)
    assert mail.outbox[-1].subject == "Your role has been verified"
    assert "Academy staff have verified your role as District/Sessions judge" in mail.outbox[-1].body


def test_the_personal_data_export_holds_the_language_choices():
    user = factories.make_user(preferred_language="hi", devanagari_digits=True)
    profile = export_personal_data(user)["profile"]
    assert profile["preferred_language"] == "hi" and profile["devanagari_digits"] is True


def test_the_role_gate_explains_in_hindi():
    from accounts.services import role_gate

    user = factories.make_user(verified=False)
    with translation.override("hi"):
        assert (
            role_gate(user, []).reason == "आपकी भूमिका (ज़िला/सत्र न्यायाधीश) अकादमी कर्मचारियों द्वारा सत्यापन की प्रतीक्षा में है।"
        )


def test_the_error_pages_read_in_hindi(client, home):
    response = client.get("/hi/no-such-page/")
    assert response.status_code == 404
    body = unescape(response.content.decode())
    assert "पृष्ठ नहीं मिला" in body and "Page not found" not in body
    assert 'href="/hi/search/"' in body


def test_the_role_queue_and_its_form_read_in_hindi(rf, registrar, unverified):
    """The admin screen's own text. (Wagtail's admin switches to Hindi for a user who chooses it once
    settings.WAGTAILADMIN_PERMITTED_LANGUAGES lists "hi"; here the language is set directly.)"""
    from accounts import admin_views
    from accounts.forms import RoleDecisionForm

    request = rf.get("/admin/roles/")
    request.user = registrar
    with translation.override("hi"):
        body = unescape(admin_views.role_queue(request).render().content.decode())
        form = RoleDecisionForm(data={"decision": "reject", "note": ""})
        assert not form.is_valid()
        assert form.errors["note"] == ["बताएँ कि भूमिका सत्यापित क्यों नहीं की जा सकी।"]
    assert "<th>घोषित भूमिका</th>" in body and "Declared role" not in body
    assert ">सत्यापित करें</button>" in body
    assert "Unverified Judge" in body
