"""The inter-State channel: who organises an event and where it is listed, and the contacts and
nodal officers an academy lists, seen only by verified users and kept by that academy's editors."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from colloquia.services import is_registrar_for
from interstate.models import Contact, ContactKind, CoOrganiser
from interstate.services import organising_academies
from regions.models import State
from tests.colloquia.conftest import make_event, make_index
from tests.factories import make_academy, make_staff, make_user

pytestmark = pytest.mark.django_db

OFFICER = "Inspector Asha Example"
OFFICER_PHONE = "+91 555 010 0101"


@pytest.fixture
def border_event(academy, other_academy):
    event = make_event(make_index(academy.page), title="Border-region colloquium")
    CoOrganiser.objects.create(page=event, academy=other_academy, sort_order=0)
    return event


@pytest.fixture
def officers(academy):
    Contact.objects.create(
        academy=academy,
        kind=ContactKind.ACADEMY,
        name="Dr. Example Director",
        designation="Director",
        email="director@example.org",
    )
    Contact.objects.create(
        academy=academy,
        kind=ContactKind.NODAL_OFFICER,
        state=State.objects.get(code="JH"),
        name=OFFICER,
        designation="Nodal officer, AHTU",
        office="CID, Ranchi",
        phone=OFFICER_PHONE,
        email="ahtu@example.org",
    )


# --- Co-organised events ---------------------------------------------------------------------


def test_the_organisers_are_the_owning_academy_then_the_co_organisers_each_once(academy, other_academy, border_event):
    third = make_academy("TSJA", "Third State Judicial Academy", states=("BR",), high_court=None)
    CoOrganiser.objects.create(page=border_event, academy=third, sort_order=1)
    CoOrganiser.objects.create(page=border_event, academy=other_academy, sort_order=2)  # a repeat
    CoOrganiser.objects.create(page=border_event, academy=academy, sort_order=3)  # its own academy
    assert organising_academies(border_event) == [academy, other_academy, third]


def test_a_co_organised_event_is_listed_in_each_organisers_section(client, academy, other_academy, border_event):
    outsider = make_academy("BRJA", "Bihar Judicial Academy", states=("BR",), high_court=None)
    other_index = make_index(other_academy.page)
    for page in (academy.page, other_academy.page, other_index):
        assert "Border-region colloquium" in client.get(page.url).content.decode(), page
    assert "Border-region colloquium" not in client.get(outsider.page.url).content.decode()
    # Its own academy's index lists it once.
    own_index = border_event.get_parent()
    assert client.get(own_index.url).content.decode().count("Border-region colloquium") == 1


def test_the_national_calendar_filtered_by_a_co_organiser_lists_the_event(client, home, other_academy, border_event):
    national = make_index(home, "Colloquia and conferences", "colloquia")
    assert (
        "Border-region colloquium" in client.get(national.url, {"academy": other_academy.short_code}).content.decode()
    )
    assert "Border-region colloquium" not in client.get(national.url, {"academy": "NOSUCH"}).content.decode()


def test_the_national_calendar_offers_an_academy_that_only_co_organises(client, home, other_academy, border_event):
    national = make_index(home, "Colloquia and conferences", "colloquia")
    body = client.get(national.url).content.decode()
    assert f'<option value="{other_academy.short_code}">' in body
    lonely = make_academy("BRJA", "Bihar Judicial Academy", states=("BR",), high_court=None)
    assert f'<option value="{lonely.short_code}">' not in client.get(national.url).content.decode()


def test_a_co_organised_event_names_its_organisers_on_its_page(client, academy, other_academy, border_event):
    body = client.get(border_event.url).content.decode()
    section = body[body.index("Organised jointly by") :]
    assert academy.name in section and other_academy.name in section
    assert f'href="{other_academy.page.url}"' in section
    alone = make_event(make_index(academy.page, slug="more"), title="Our own colloquium")
    assert "Organised jointly by" not in client.get(alone.url).content.decode()


def test_co_organisers_registrars_do_not_see_its_registrations(client, academy, other_academy, border_event):
    lead, partner = make_staff(academy, "registrar"), make_staff(other_academy, "registrar")
    assert is_registrar_for(lead, border_event)
    assert not is_registrar_for(partner, border_event)
    url = f"/admin/colloquia/{border_event.pk}/registrations/"
    client.force_login(partner)
    assert client.get(url).status_code == 404
    client.force_login(lead)
    assert client.get(url).status_code == 200


def test_editors_add_co_organisers_in_the_event_form(client, academy, other_academy, border_event):
    client.force_login(make_staff(academy, "editor"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[border_event.pk]))
    assert response.status_code == 200
    assert "Co-organising academies" in response.content.decode()


# --- Contacts and nodal officers ------------------------------------------------------------


def test_anonymous_visitors_learn_the_list_exists_but_not_the_names(client, academy, officers):
    page = client.get(academy.page.url).content.decode()
    assert "Contacts and anti-trafficking nodal officers" in page
    assert "Jharkhand" in page and "Sign in" in page
    assert OFFICER not in page and OFFICER_PHONE not in page and "ahtu@example.org" not in page


def test_unverified_users_are_told_to_get_verified(client, academy, officers, unverified):
    client.force_login(unverified)
    page = client.get(academy.page.url).content.decode()
    assert OFFICER not in page
    assert reverse("accounts:profile") in page


@pytest.mark.parametrize("role", ["district_judge", "prosecutor", "police", "cso"])
def test_verified_users_see_names_and_numbers(client, academy, officers, role):
    client.force_login(make_user(role, state="MP"))
    page = client.get(academy.page.url).content.decode()
    assert OFFICER in page and OFFICER_PHONE in page and "Dr. Example Director" in page


def test_the_academys_own_staff_see_them(client, academy, other_academy, officers):
    client.force_login(make_staff(academy, "editor", verified=False))
    assert OFFICER in client.get(academy.page.url).content.decode()
    client.force_login(make_staff(other_academy, "editor", verified=False))
    assert OFFICER not in client.get(academy.page.url).content.decode()


def test_names_never_enter_the_anonymous_page_cache(client, page_cache_on, academy, officers, judge):
    assert OFFICER not in client.get(academy.page.url).content.decode()
    client.force_login(judge)
    assert OFFICER in client.get(academy.page.url).content.decode()
    client.logout()
    client.cookies.clear()
    response = client.get(academy.page.url)
    assert response["X-Page-Cache"] == "hit"
    assert OFFICER not in response.content.decode()


def test_a_new_contact_makes_the_cached_academy_page_stale(client, page_cache_on, academy):
    client.get(academy.page.url)
    assert "Contacts and anti-trafficking" not in client.get(academy.page.url).content.decode()
    Contact.objects.create(academy=academy, name="Desk officer", designation="Registrar", phone="555-0100")
    response = client.get(academy.page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Contacts and anti-trafficking" in response.content.decode()


def test_a_nodal_officer_belongs_to_a_state_the_academy_serves(academy):
    contact = Contact(
        academy=academy,
        kind=ContactKind.NODAL_OFFICER,
        state=State.objects.get(code="MP"),
        name="X",
        designation="Y",
        phone="555",
    )
    with pytest.raises(ValidationError) as refused:
        contact.full_clean()
    assert "does not serve" in str(refused.value)
    contact.state = None
    with pytest.raises(ValidationError, match="Say which State/UT"):
        contact.full_clean()
    contact.state, contact.phone = State.objects.get(code="JH"), ""
    with pytest.raises(ValidationError, match="phone number or an email"):
        contact.full_clean()


# --- Who keeps the list ---------------------------------------------------------------------

LIST = "/admin/interstate/contacts/"


def edit_url(contact):
    return f"{LIST}edit/{contact.pk}/"


def test_editors_keep_their_own_academys_contacts(client, academy, officers):
    client.force_login(make_staff(academy, "editor"))
    listing = client.get(LIST)
    assert listing.status_code == 200 and OFFICER in listing.content.decode()
    contact = Contact.objects.get(name=OFFICER)
    assert client.get(edit_url(contact)).status_code == 200
    response = client.post(
        f"{LIST}new/",
        {
            "academy": academy.pk,
            "kind": "nodal_officer",
            "state": State.objects.get(code="JH").pk,
            "name": "Sub-Inspector New Example",
            "designation": "AHTU",
            "office": "",
            "phone": "555-0199",
            "email": "",
            "sort_order": 1,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Contact.objects.filter(name="Sub-Inspector New Example", academy=academy).exists()


def test_a_bad_entry_comes_back_with_its_errors_and_what_was_typed(client, academy):
    client.force_login(make_staff(academy, "editor"))
    response = client.post(
        f"{LIST}new/",
        {
            "academy": academy.pk,
            "kind": "nodal_officer",
            "state": "",
            "name": "Kept Name",
            "designation": "AHTU",
            "office": "",
            "phone": "",
            "email": "",
            "sort_order": 0,
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kept Name" in page and "Say which State/UT" in page
    assert not Contact.objects.exists()


def test_other_academies_editors_cannot_see_or_change_them(client, academy, other_academy, officers):
    client.force_login(make_staff(other_academy, "editor"))
    contact = Contact.objects.get(name=OFFICER)
    assert OFFICER not in client.get(LIST).content.decode()
    assert client.get(edit_url(contact)).status_code == 404
    assert client.post(edit_url(contact), {"name": "Changed"}).status_code == 404
    # And cannot file a contact under an academy they do not edit.
    response = client.post(
        f"{LIST}new/",
        {
            "academy": academy.pk,
            "kind": "academy",
            "state": "",
            "name": "Planted",
            "designation": "X",
            "office": "",
            "phone": "555",
            "email": "",
            "sort_order": 0,
        },
    )
    assert response.status_code == 200 and not Contact.objects.filter(name="Planted").exists()


def test_other_staff_plain_users_and_visitors_are_refused(client, academy, officers, judge):
    for role in ("registrar", "moderator"):
        client.force_login(make_staff(academy, role))
        response = client.get(LIST)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), role
    client.force_login(judge)
    response = client.get(LIST)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.logout()
    response = client.get(LIST)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")


def test_platform_administrators_keep_every_academys_contacts(client, officers, superuser):
    client.force_login(superuser)
    contact = Contact.objects.get(name=OFFICER)
    assert client.get(edit_url(contact)).status_code == 200
