"""The contacts and nodal officers section and the co-organisers of an event, in Hindi."""

from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from interstate.models import Contact, ContactKind, CoOrganiser
from regions.models import State
from tests.colloquia.conftest import make_event, make_index
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def in_hindi(url):
    """The /hi/ address of a page (its `url` already has the prefix when read in Hindi)."""
    return url if url.startswith("/hi/") else "/hi" + url


OFFICER = "Inspector Asha Example"


@pytest.fixture
def officers(academy):
    Contact.objects.create(
        academy=academy,
        kind=ContactKind.NODAL_OFFICER,
        state=State.objects.get(code="JH"),
        name=OFFICER,
        designation="Nodal officer, AHTU",
        phone="+91 555 010 0101",
    )


def test_anonymous_visitors_are_told_in_hindi_how_to_see_the_contacts(client, academy, officers):
    body = unescape(client.get(in_hindi(academy.page.url)).content.decode())
    assert "संपर्क और दुर्व्यापार निरोधी नोडल अधिकारी" in body
    assert f"{academy.name} यहाँ अपने संपर्क और झारखंड के मानव दुर्व्यापार निरोधी नोडल अधिकारियों की सूची देती है।" in body
    assert '<a href="/hi/accounts/login/">साइन इन करें</a>' in body
    assert '<a href="/hi/accounts/signup/">खाता बनाएँ</a>' in body
    assert "Names and numbers are shown" not in body and OFFICER not in body


def test_verified_users_see_the_officers_under_hindi_headings(client, academy, officers):
    client.force_login(make_user("police"))
    body = unescape(client.get(in_hindi(academy.page.url)).content.decode())
    assert "मानव दुर्व्यापार निरोधी नोडल अधिकारी: झारखंड" in body
    assert "<dt>फ़ोन</dt>" in body and OFFICER in body
    assert "कृपया ये विवरण आगे साझा न करें।" in body


def test_a_contact_is_refused_in_hindi(academy):
    contact = Contact(academy=academy, kind=ContactKind.NODAL_OFFICER, name="X", designation="Y")
    with translation.override("hi"), pytest.raises(ValidationError) as refused:
        contact.clean()
    errors = refused.value.message_dict
    assert errors["state"] == ["बताएँ कि यह नोडल अधिकारी किस राज्य/संघ राज्य क्षेत्र के लिए है।"]
    assert errors["phone"] == ["फ़ोन नंबर या ईमेल पता दें, ताकि लोग उनसे संपर्क कर सकें।"]


def test_the_organisers_of_a_co_organised_event_in_hindi(client, academy, other_academy):
    event = make_event(make_index(academy.page), title="Border-region colloquium")
    CoOrganiser.objects.create(page=event, academy=other_academy, sort_order=0)
    body = unescape(client.get(in_hindi(event.url)).content.decode())
    assert "संयुक्त आयोजक" in body and "Organised jointly by" not in body
