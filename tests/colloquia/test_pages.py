import datetime
from decimal import Decimal

import pytest

from academies.models import AcademyPage
from colloquia.models import AgendaRevision, ColloquiumIndexPage, ColloquiumPage
from home.models import HomePage

from .conftest import make_event, make_index

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert ColloquiumIndexPage.can_create_at(HomePage())
    assert ColloquiumIndexPage.can_create_at(AcademyPage())
    assert not ColloquiumPage.can_create_at(HomePage())
    assert not ColloquiumPage.can_create_at(AcademyPage())
    assert ColloquiumPage.can_create_at(ColloquiumIndexPage())
    assert ColloquiumPage.subpage_types == []


def test_academy_is_derived_from_the_tree(event, academy):
    assert event.academy == academy


def test_national_index_lists_every_live_event_and_filters(home, academy, other_academy):
    national = make_index(home, "Colloquia and conferences", "colloquia")
    a = make_event(make_index(academy.page), title="Jharkhand colloquium")
    b = make_event(make_index(other_academy.page), title="MP conference", state="MP", kind="state_conference")
    past = make_event(
        ColloquiumIndexPage.objects.child_of(academy.page).get(),
        title="Old colloquium",
        start=datetime.date(2024, 3, 5),
        registration_open=False,
    )
    from django.test import Client

    client = Client()
    body = client.get(national.url).content.decode()
    # Upcoming events on the index; the past one in the archive (colloquia/test_pagination.py).
    assert a.title in body and b.title in body and past.title not in body
    body = client.get(national.url + "?state=MP").content.decode()
    assert b.title in body and a.title not in body
    body = client.get(national.url + "?academy=JSJA").content.decode()
    assert a.title in body and b.title not in body
    # A year that is over: the address of old bookmarks moves to that year's archive.
    response = client.get(national.url + "?year=2024&academy=JSJA")
    assert response.status_code == 301 and response["Location"] == national.url + "archive/2024/?academy=JSJA"
    body = client.get(national.url + "?year=2024", follow=True).content.decode()
    assert past.title in body and a.title not in body
    body = client.get(national.url + "?kind=state_conference").content.decode()
    assert b.title in body and a.title not in body
    # The academy's own index lists only its children.
    body = client.get(a.get_parent().url).content.decode()
    assert a.title in body and b.title not in body


def test_first_publication_is_agenda_version_one(event):
    assert event.agenda_version == 1
    assert AgendaRevision.objects.filter(page=event).count() == 1


def test_amount_above_two_lakh_is_refused_by_the_model(event):
    from django.core.exceptions import ValidationError

    event.mha_supported = True
    event.amount_sanctioned = Decimal("200000.01")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "at most Rs 2,00,000" in str(error.value)
    event.amount_sanctioned = Decimal("200000")
    event.full_clean()
