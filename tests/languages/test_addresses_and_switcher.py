"""Addresses per language, the switcher, the browser's and the profile's language, hreflang."""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from home.models import HomePage
from languages.addresses import in_language, strip_language
from tests import factories

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def hindi_home(home, title="कोलोक्वियम"):
    translated = home.copy_for_translation(Locale.objects.get(language_code="hi"))
    translated.title = title
    translated.hero_heading = "मानव दुर्व्यापार पर न्यायिक प्रशिक्षण"
    translated.save_revision().publish()
    return translated


def test_a_path_in_each_language():
    assert in_language("/courses/x/?a=1", "hi") == "/hi/courses/x/?a=1"
    assert in_language("/hi/courses/x/", "en") == "/courses/x/"
    assert in_language("/hi/courses/x/", "hi") == "/hi/courses/x/"
    assert strip_language("/hi/") == ("/", "hi")
    assert strip_language("/history/") == ("/history/", "en")  # a path that merely starts with "hi"


def test_the_hindi_address_serves_hindi_and_the_english_one_english(client, home):
    english = client.get("/")
    hindi = client.get("/hi/")
    assert english.status_code == hindi.status_code == 200
    assert '<html lang="en">' in english.text and '<html lang="hi">' in hindi.text
    assert english["Content-Language"] == "en" and hindi["Content-Language"] == "hi"
    # The address decides, so English pages do not vary on the browser's language (the page cache keys on the URL).
    assert "Accept-Language" not in english.get("Vary", "")


def test_every_page_names_its_twin_and_its_canonical_address(client, home):
    hindi_home(home)
    text = client.get("/hi/").text
    assert '<link rel="canonical" href="http://testserver/hi/">' in text
    assert '<link rel="alternate" hreflang="en" href="http://testserver/">' in text
    assert '<link rel="alternate" hreflang="hi" href="http://testserver/hi/">' in text
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/">' in text


def test_the_switcher_is_a_plain_link_that_remembers_the_choice(client, home):
    page = client.get("/search/?q=BNS").text
    assert 'href="/language/hi/?next=%2Fsearch%2F%3Fq%3DBNS" hreflang="hi" lang="hi">हिन्दी</a>' in page
    response = client.get("/language/hi/", {"next": "/search/?q=BNS"})
    assert response.status_code == 302 and response["Location"] == "/hi/search/?q=BNS"
    assert response.cookies[COOKIE].value == "hi"
    back = client.get("/language/en/", {"next": "/hi/search/?q=BNS"})
    assert back["Location"] == "/search/?q=BNS" and back.cookies[COOKIE].value == "en"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""])
def test_the_switcher_goes_nowhere_but_this_site(client, next_url):
    response = client.get("/language/hi/", {"next": next_url})
    assert response["Location"] == "/hi/"


def test_an_unknown_language_is_not_found(client):
    assert client.get("/language/xx/").status_code == 404


def test_someone_who_chose_hindi_is_sent_to_the_hindi_address(client, home):
    client.cookies[COOKIE] = "hi"
    response = client.get("/search/?q=x")
    assert response.status_code == 302 and response["Location"] == "/hi/search/?q=x"
    assert "Cookie" in response["Vary"] and "private" in response["Cache-Control"]


def test_the_browser_language_decides_until_a_choice_is_made(client, home):
    asked = client.get("/", HTTP_ACCEPT_LANGUAGE="hi-IN,hi;q=0.9,en;q=0.8")
    assert asked.status_code == 302 and asked["Location"] == "/hi/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-IN,en;q=0.9,hi;q=0.5").status_code == 200
    client.cookies[COOKIE] = "en"  # chose English with the switcher
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="hi-IN,hi;q=0.9").status_code == 200


@pytest.mark.parametrize("path", ["/admin/", "/api/v2/pages/", "/robots.txt", "/.well-known/jwks.json"])
def test_addresses_without_a_language_are_never_redirected(client, home, path):
    client.cookies[COOKIE] = "hi"
    response = client.get(path)
    assert not (response.status_code == 302 and response["Location"].startswith("/hi/"))


def test_a_form_post_is_not_redirected(client, home):
    client.cookies[COOKIE] = "hi"
    response = client.post("/accounts/login/", {"login": "a@example.test", "password": "x"})
    assert response.status_code == 200  # the form answered, in English, at the address it was sent to


def test_a_signed_in_person_gets_their_profile_language(client, home):
    user = factories.make_user(preferred_language="hi")
    client.force_login(user)
    response = client.get("/search/")
    assert response.cookies[COOKIE].value == "hi"
    assert client.get("/search/")["Location"] == "/hi/search/"


def test_switching_language_signed_in_updates_the_profile(client, home):
    user = factories.make_user(preferred_language="")
    client.force_login(user)
    client.get("/language/hi/", {"next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "hi"


def test_a_translated_page_shows_its_text_and_an_untranslated_one_says_so(client, home):
    hindi_home(home)
    hindi = client.get("/hi/").text
    assert "मानव दुर्व्यापार पर न्यायिक प्रशिक्षण" in hindi and "translation-note" not in hindi
    english = client.get("/").text
    assert "Judicial training on human trafficking" in english and "मानव दुर्व्यापार" not in english


def test_a_page_without_translation_is_shown_in_english_with_a_note(client, home):
    text = client.get("/hi/").text
    assert 'class="translation-note"' in text
    assert '<div lang="en">' in text  # the English text is marked as English for screen readers
    assert '<link rel="canonical" href="http://testserver/">' in text  # one text, one address to index


def test_page_addresses_follow_the_reader_language(home):
    translated = hindi_home(home)
    with translation.override("hi"):
        assert HomePage.objects.get(pk=home.pk).url == "/hi/"
    with translation.override("en"):
        assert HomePage.objects.get(pk=home.pk).url == "/"
        assert HomePage.objects.get(pk=translated.pk).url == "/hi/"  # a translation: its own language


def test_indian_digit_grouping_in_both_languages():
    from django.contrib.humanize.templatetags.humanize import intcomma

    for language in ("en", "hi"):
        with translation.override(language):
            assert intcomma(1234567) == "12,34,567"


def test_devanagari_digits_only_in_the_text_of_those_who_ask():
    from languages.digits import with_devanagari_digits

    html = (
        '<p class="c2">Rs 1,95,000 on 12 March</p><a href="/x/12/">Page 3</a>'
        '<input value="42"><code>COL-2026-0001</code><span translate="no">A7</span><script>var a=1;</script>'
    )
    assert with_devanagari_digits(html) == (
        '<p class="c2">Rs १,९५,००० on १२ March</p><a href="/x/12/">Page ३</a>'
        '<input value="42"><code>COL-2026-0001</code><span translate="no">A7</span><script>var a=1;</script>'
    )


def test_a_signed_in_reader_who_asked_reads_devanagari_digits_on_hindi_pages(client, home):
    user = factories.make_user(preferred_language="hi", devanagari_digits=True)
    client.force_login(user)
    hindi = client.get("/hi/search/", {"q": "2026"}).text
    assert "२०२६" in hindi and 'value="2026"' in hindi  # the query box keeps what was typed
    client.cookies.pop(COOKIE)  # signing in sets the cookie to the profile's language (test_sign_in_…)
    client.force_login(factories.make_user(preferred_language="en", devanagari_digits=True))
    english = client.get("/search/", {"q": "2026"})
    assert english.status_code == 200 and "2026" in english.text and "२०२६" not in english.text


def test_signing_in_sets_the_language_of_the_profile(client, home):
    user = factories.make_user(preferred_language="hi")
    client.cookies[COOKIE] = "en"
    response = client.post("/accounts/login/", {"login": user.email, "password": factories.PASSWORD})
    assert response.status_code == 302 and response.cookies[COOKIE].value == "hi"
