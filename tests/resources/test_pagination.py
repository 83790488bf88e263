"""The library and an organisation's page a page at a time: filters and search words kept in the links."""

import datetime
import re

import pytest
from django.utils import timezone

from regions.models import State
from resources.models import ModerationDecision, Resource, ResourceVersion, Topic

from .conftest import make_org

pytestmark = pytest.mark.django_db

PER_PAGE = 3  # small pages keep the tests quick (tests/resources/test_pages.py counts queries at any size)


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr("resources.models.PAGE_SIZE", PER_PAGE)


def publish(org, count, *, prefix="Guide", language="en", topic="victim-identification"):
    """`count` public resources titled "<prefix> 001" onwards, the first the newest."""
    now = timezone.now()
    resources = []
    for n in range(1, count + 1):
        resource = Resource.objects.create(organisation=org, published_at=now - datetime.timedelta(minutes=n))
        version = ResourceVersion.objects.create(
            resource=resource,
            number=1,
            status="approved",
            title=f"{prefix} {n:03d}",
            summary="How to spot the signs.",
            description="<p>Guide.</p>",
            resource_type="guide",
            language=language,
            licence="cc-by-4.0",
            author_source=org.name,
            decided_at=now,
        )
        version.topics.set(Topic.objects.filter(code=topic))
        version.states.set(State.objects.filter(code="JH"))
        ModerationDecision.objects.create(version=version, decision="approve")
        resource.live_version = resource.latest_version = version
        resource.save()
        resources.append(resource)
    return resources


def titles(body, prefix="Guide"):
    return re.findall(rf">({prefix} \d{{3}})</a></h2>", body)


def head_link(body, rel):
    found = re.search(rf'<link rel="{rel}" href="([^"]*)">', body)
    return found.group(1).replace("&amp;", "&") if found else None


def test_page_two_lists_the_next_resources_newest_first(client, index_page):
    publish(make_org(), PER_PAGE + 2)
    first = client.get(index_page.url).content.decode()
    second = client.get(index_page.url, {"page": "2"}).content.decode()
    assert titles(first) == ["Guide 001", "Guide 002", "Guide 003"]
    assert titles(second) == ["Guide 004", "Guide 005"]
    assert "5 resources." in first and "Page 2 of 2" in second
    assert head_link(first, "prev") is None and head_link(first, "next") == "/resources/?page=2"
    assert head_link(second, "prev") == "/resources/" and head_link(second, "next") is None
    assert '<nav class="pagination" aria-label="Pages of resources">' in first


def test_search_words_and_filters_survive_in_the_page_links(client, index_page):
    org = make_org()
    publish(org, PER_PAGE * 2 + 1, language="hi")
    publish(org, 2, prefix="English", language="en")
    body = client.get(index_page.url, {"q": "signs", "language": "hi", "topic": "", "page": "2"}).content.decode()
    assert titles(body) == ["Guide 004", "Guide 005", "Guide 006"] and titles(body, "English") == []
    assert head_link(body, "prev") == "/resources/?q=signs&language=hi"
    assert head_link(body, "next") == "/resources/?q=signs&language=hi&page=3"
    assert 'href="/resources/?q=signs&amp;language=hi&amp;page=3" rel="next"' in body


@pytest.mark.parametrize("page", ["0", "abc", "99999999999999999999", "9" * 5000, "5"])
def test_a_page_number_that_is_not_one_shows_the_first_or_last_page(client, index_page, page):
    publish(make_org(), PER_PAGE + 1)
    response = client.get(index_page.url, {"page": page})
    assert response.status_code == 200
    body = response.content.decode()
    assert ("Page 1 of 2" in body and titles(body) == ["Guide 001", "Guide 002", "Guide 003"]) or (
        "Page 2 of 2" in body and titles(body) == ["Guide 004"]
    )


def test_an_organisations_page_lists_its_resources_a_page_at_a_time_with_their_addresses(client, index_page):
    org = make_org("Page Trust")
    resources = publish(org, PER_PAGE + 1)
    publish(make_org("Other Trust"), 1, prefix="Other")
    url = index_page.url + index_page.reverse_subpage("organisation", kwargs={"slug": org.slug})
    first = client.get(url).content.decode()
    second = client.get(url, {"page": "2"}).content.decode()
    assert titles(first) == ["Guide 001", "Guide 002", "Guide 003"] and titles(second) == ["Guide 004"]
    assert titles(first, "Other") == []
    assert head_link(first, "next") == f"{url}?page=2"
    # Each card links to the resource's own page.
    assert f'<a href="{resources[0].get_url(index_page)}">Guide 001</a>' in first
