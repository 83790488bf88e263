"""The event's public page shows the sanction as the support record holds it, and follows it at once."""

from decimal import Decimal

import pytest

from .conftest import open_sanctioned

pytestmark = pytest.mark.django_db


def anonymous_page(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    return response


def test_the_page_shows_the_recorded_sanction_not_the_typed_one_and_follows_it(
    client, page_cache_on, event, registrar, django_capture_on_commit_callbacks
):
    event.mha_supported, event.amount_sanctioned = True, Decimal("150000")
    event.save_revision().publish()
    assert "Under the MHA scheme (Rs 1,50,000 sanctioned)" in anonymous_page(client, event).content.decode()
    assert anonymous_page(client, event)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        open_sanctioned(event, registrar, amount=Decimal("195000"))
    page = anonymous_page(client, event)
    assert page["X-Page-Cache"] == "miss"  # the record's save made the kept page stale
    assert "Under the MHA scheme (Rs 1,95,000 sanctioned)" in page.content.decode()


def test_a_recorded_sanction_shows_even_when_the_editor_did_not_tick_the_support(client, event, registrar):
    assert "Under the MHA scheme" not in anonymous_page(client, event).content.decode()
    open_sanctioned(event, registrar, amount=Decimal("180000"))
    assert "Under the MHA scheme (Rs 1,80,000 sanctioned)" in anonymous_page(client, event).content.decode()
