"""The list of academies a page at a time, with the State/UT filter kept in the page links."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr("academies.models.ACADEMIES_PER_PAGE", 2)


def names(body):
    return re.findall(r"<h2><a href=\"[^\"]+\">([^<]+)</a></h2>", body)


def test_academies_page_by_page_with_the_state_kept(client, academy, other_academy):
    national = factories.make_academy("NJA", "National Judicial Academy", states=(), high_court=None, is_national=True)
    factories.make_academy("BJA", "Bihar Judicial Academy", states=("BR",), high_court="PAT")
    first = client.get("/academies/").content.decode()
    second = client.get("/academies/", {"page": "2"}).content.decode()
    # National first, then by name.
    assert names(first) == [national.name, "Bihar Judicial Academy"]
    assert names(second) == [academy.name, other_academy.name]
    assert '<link rel="next" href="/academies/?page=2">' in first
    assert '<link rel="prev" href="/academies/">' in second and '<link rel="next"' not in second
    # Serving Jharkhand: the national academy and JSJA, on one page.
    jh = client.get("/academies/", {"state": "JH"}).content.decode()
    assert names(jh) == [national.name, academy.name]
    assert '<nav class="pagination"' not in jh and '<link rel="next"' not in jh


@pytest.mark.parametrize("page", ["0", "abc", "99999999999999999999", "7"])
def test_a_page_number_that_is_not_one_shows_the_first_or_last_page(client, academy, other_academy, page):
    factories.make_academy("BJA", "Bihar Judicial Academy", states=("BR",), high_court="PAT")
    response = client.get("/academies/", {"page": page})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Page 1 of 2" in body or "Page 2 of 2" in body
