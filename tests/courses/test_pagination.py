"""The catalogue a page at a time: filters kept in the page links, the same cost at any size."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services

from .conftest import make_index, make_module

pytestmark = pytest.mark.django_db

# Small pages keep the tests quick; the query-count test uses the real page size.
PER_PAGE = 3


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr("courses.models.pages.MODULES_PER_PAGE", PER_PAGE)


def add_modules(index, count, *, prefix="Module", audience=("district_judge",)):
    return [
        make_module(
            index,
            lessons=0,
            questions=0,
            title=f"{prefix} {n:03d}",
            slug=f"{prefix.lower()}-{n:03d}",
            audience=audience,
        )
        for n in range(1, count + 1)
    ]


def titles(body, prefix="Module"):
    return re.findall(rf">({prefix} \d{{3}})</a></h2>", body)


def head_link(body, rel):
    found = re.search(rf'<link rel="{rel}" href="([^"]*)">', body)
    return found.group(1).replace("&amp;", "&") if found else None


def test_page_two_lists_the_next_modules_by_title(client, national_index, small_pages):
    add_modules(national_index, PER_PAGE + 2)
    first = client.get(national_index.url).content.decode()
    second = client.get(national_index.url, {"page": "2"}).content.decode()
    assert titles(first) == [f"Module {n:03d}" for n in range(1, PER_PAGE + 1)]
    assert titles(second) == [f"Module {PER_PAGE + 1:03d}", f"Module {PER_PAGE + 2:03d}"]
    assert f"{PER_PAGE + 2} modules." in first and "Page 2 of 2" in second
    assert head_link(first, "prev") is None and head_link(first, "next") == f"{national_index.url}?page=2"
    assert head_link(second, "prev") == national_index.url and head_link(second, "next") is None


def test_filters_and_search_words_survive_in_the_page_links(client, national_index, small_pages):
    add_modules(national_index, PER_PAGE * 2 + 1, prefix="Judges", audience=("district_judge",))
    add_modules(national_index, 2, prefix="Police", audience=("police",))
    body = client.get(national_index.url, {"role": "district_judge", "q": "judges", "page": "2"}).content.decode()
    assert titles(body, "Judges") == [f"Judges {n:03d}" for n in range(PER_PAGE + 1, 2 * PER_PAGE + 1)]
    assert titles(body, "Police") == []
    assert head_link(body, "prev") == f"{national_index.url}?role=district_judge&q=judges"
    assert head_link(body, "next") == f"{national_index.url}?role=district_judge&q=judges&page=3"


def test_a_role_filter_keeps_modules_for_that_role_and_modules_for_everyone(national_index):
    judges = make_module(national_index, lessons=0, questions=0, title="For judges", audience=["district_judge"])
    everyone = make_module(national_index, lessons=0, questions=0, title="For everyone", audience=[])
    make_module(national_index, lessons=0, questions=0, title="For police", audience=["police"])
    # "judge" alone is part of "district_judge" and "high_court_judge" but no role of its own.
    make_module(national_index, lessons=0, questions=0, title="For HC judges", audience=["high_court_judge"])
    found = set(services.catalogue_modules(national_index, role="district_judge"))
    assert found == {judges, everyone}


@pytest.mark.parametrize("page", ["0", "abc", "99999999999999999999", "9" * 5000, "4"])
def test_a_page_number_that_is_not_one_shows_the_first_or_last_page(client, national_index, small_pages, page):
    add_modules(national_index, PER_PAGE + 1)
    response = client.get(national_index.url, {"page": page})
    assert response.status_code == 200
    body = response.content.decode()
    assert ("Page 1 of 2" in body and len(titles(body)) == PER_PAGE) or (
        "Page 2 of 2" in body and titles(body) == [f"Module {PER_PAGE + 1:03d}"]
    )


def test_query_count_is_the_same_with_5_or_60_modules(client, home, academy, judge):
    national = make_index(home)
    academy_catalogue = make_index(academy.page, slug="jsja-modules")
    client.force_login(judge)

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    # The academy's own page shows a few of its modules (courses.sections) and links to the catalogue.
    urls = [national.url, national.url + "?role=district_judge&state=JH", academy_catalogue.url, academy.page.url]
    for module in add_modules(academy_catalogue, 5):
        module.topics.add("Evidence")
        module.save()
        services.enrol(judge, module)
    small = [count(url) for url in urls]
    for module in add_modules(academy_catalogue, 55, prefix="More"):
        module.topics.add("Evidence", "Victims")
        module.save()
        services.enrol(judge, module)
    assert [count(url) for url in urls] == small


def test_an_academy_page_shows_its_first_modules_and_links_to_its_catalogue(client, academy):
    from courses.sections import ACADEMY_MODULES_SHOWN

    catalogue = make_index(academy.page, slug="jsja-modules")
    add_modules(catalogue, ACADEMY_MODULES_SHOWN + 2)
    body = client.get(academy.page.url).content.decode()
    shown = re.findall(r">(Module \d{3})</a></h3>", body)
    assert shown == [f"Module {n:03d}" for n in range(1, ACADEMY_MODULES_SHOWN + 1)]
    assert f'<a href="{catalogue.url}">All training modules</a>' in body
