"""The academies' list and pages in Hindi (under /hi/): the fixed text is Hindi, the academies' own
names and the States/UTs they serve stay as entered."""

from html import unescape

import pytest
from django.conf import settings as django_settings

from tests import factories

pytestmark = pytest.mark.django_db


def in_hindi(url):
    """The /hi/ address of a page (its `url` already has the prefix when read in Hindi)."""
    return url if url.startswith("/hi/") else "/hi" + url


@pytest.fixture(autouse=True)
def _site_catalogue(settings):
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, django_settings.BASE_DIR / "colloquium_site" / "locale"]


def test_the_list_of_academies_in_hindi_with_its_filter_and_page_links(client, monkeypatch, academy, other_academy):
    monkeypatch.setattr("academies.models.ACADEMIES_PER_PAGE", 1)
    response = client.get("/hi/academies/")
    assert response.status_code == 200
    body = unescape(response.content.decode())
    assert 'aria-label="अकादमियाँ छाँटें"' in body
    assert "सभी राज्य/संघ राज्य क्षेत्र" in body and "All States/UTs" not in body
    assert "सेवा क्षेत्र: झारखंड" in body and "Serves" not in body  # the State by its Hindi name (regions.data)
    assert "झारखंड उच्च न्यायालय के अधीन" in body
    assert "पृष्ठ 1 / 2" in body and "Page 1 of 2" not in body
    assert 'aria-label="अकादमियों के पृष्ठ"' in body
    assert ">अगला<" in body


def test_a_state_no_academy_serves_says_so_in_hindi(client, academy):
    body = unescape(client.get("/hi/academies/", {"state": "GA"}).content.decode())
    assert "अभी कोई अकादमी इस राज्य/संघ राज्य क्षेत्र को सेवा नहीं देती।" in body


def test_an_academy_page_in_hindi(client, academy):
    academy.contact_email = "jsja@example.org"
    academy.contact_phone = "0651 000 0000"
    academy.save()
    body = unescape(client.get(in_hindi(academy.page.url)).content.decode())
    assert 'aria-label="अकादमी के बारे में"' in body
    assert "<dt>सेवा क्षेत्र</dt>" in body and "<dt>ईमेल</dt>" in body and "<dt>फ़ोन</dt>" in body
    assert "<dt>Serves</dt>" not in body


def test_a_national_academy_serves_every_state_in_hindi(client):
    national = factories.make_academy("NJA", "National Judicial Academy", states=(), high_court=None, is_national=True)
    body = unescape(client.get("/hi/academies/").content.decode())
    assert "राष्ट्रीय" in body
    assert "सभी राज्य और संघ राज्य क्षेत्र" in unescape(client.get(in_hindi(national.page.url)).content.decode())
