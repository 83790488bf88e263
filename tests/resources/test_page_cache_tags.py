"""A moderation decision makes stale the pages that show resources (the library, the home page's
newest resources) and nothing else: an academy listing stays cached."""

import pytest

from resources import services

pytestmark = pytest.mark.django_db


def state(client, url):
    response = client.get(url)
    return response, response.headers.get("X-Page-Cache")


def test_approving_a_resource_refreshes_the_library_and_home_only(
    client, page_cache_on, index_page, pending, moderator
):
    from wagtail.models import Site

    from home.models import SiteSettings

    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    library = index_page.url
    title = pending.title.encode()
    for url in (library, "/", "/academies/"):
        response, _ = state(client, url)
        assert title not in response.content
        assert state(client, url)[1] == "hit"

    services.decide(pending, moderator, "approve")
    for url in (library, "/"):
        response, cache_state = state(client, url)
        assert cache_state == "miss" and title in response.content, url
    assert state(client, "/academies/")[1] == "hit"
