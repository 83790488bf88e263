"""The demo's inter-State channel and statistics page: fictional nodal officers shown to verified
users only, the border-region colloquium in both organisers' sections, and the figures page."""

import io

import pytest
from django.core.management import call_command

from academies.models import Academy
from accounts.models import User
from colloquia.models import ColloquiumPage
from interstate.models import Contact
from interstate.services import organising_academies
from national_statistics.models import StatisticsPage

pytestmark = pytest.mark.django_db


def test_the_demo_shows_the_inter_state_channel_and_the_statistics(client, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())

    # Every demo contact is fictional: 555 numbers, example.org addresses, and says so.
    for contact in Contact.objects.all():
        assert "(fictional)" in contact.name
        assert contact.phone.startswith("+91 555") and contact.email.endswith("@example.org")
    jsja = Academy.objects.get(short_code="JSJA")
    officer = Contact.objects.get(academy=jsja, kind="nodal_officer").name
    assert officer not in client.get(jsja.page.url).content.decode()
    client.force_login(User.objects.get(email="judge@demo.test"))
    assert officer in client.get(jsja.page.url).content.decode()

    border = ColloquiumPage.objects.get(slug="border-region-colloquium-mock-trial")
    assert [a.short_code for a in organising_academies(border)] == ["NJA", "JSJA"]
    jsja_calendar = client.get(jsja.page.url + "colloquia/archive/").content.decode()
    assert border.title in jsja_calendar

    statistics = StatisticsPage.objects.get()
    response = client.get(statistics.url)
    assert response.status_code == 200
    tables = {table["id"]: table for table in response.context["tables"]}
    assert tables["events"]["total"]["cells"][0].shown >= 2
    categories = {row["label"]: row["cells"][0] for row in tables["participants"]["rows"]}
    assert categories["Public prosecutors"].shown == 6  # the Ranchi workshop
    assert categories["District and Sessions judges"].shown is None  # three at Siliguri: fewer than 5

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
