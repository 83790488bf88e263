"""core.routing: pages found in a fixed number of queries, with Wagtail's own answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from home.models import SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def add(parent, slug, **fields):
    page = StandardPage(title=slug.title(), slug=slug, **fields)
    parent.add_child(instance=page)
    return page


@pytest.fixture
def tree(home):
    """home / about / team / people / chief, five levels deep (and the site settings every page reads)."""
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    about = add(home, "about")
    team = add(about, "team")
    people = add(team, "people")
    chief = add(people, "chief")
    return {"about": about, "team": team, "people": people, "chief": chief}


def page_queries(client, url):
    client.get(url)  # warm-up, as a running server would be
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [q["sql"] for q in captured.captured_queries if "wagtailcore_page" in q["sql"]]


def walk_queries(rf, path):
    """The walk Wagtail's serve view sets off by calling the site's home page's `route()`."""
    from core.routing import walk

    request = rf.get(path)
    home = Site.find_for_request(request).root_page.specific
    components = [component for component in path.split("/") if component]
    with CaptureQueriesContext(connection) as captured:
        result, plain = walk(home, request, components)
    return result, plain, len(captured)


def test_finding_a_deep_page_costs_as_many_queries_as_a_shallow_one(rf, tree):
    walk_queries(rf, "/")  # Wagtail's site root paths and the content types, as a running server has them
    shallow, _, shallow_count = walk_queries(rf, "/about/")
    deep, plain, deep_count = walk_queries(rf, "/about/team/people/chief/")
    assert shallow.page == tree["about"] and deep.page == tree["chief"] and plain
    assert deep_count == shallow_count == 2  # the chain of pages, then the page's own row


def test_a_repeat_visit_routes_from_the_cache(client, tree):
    first, first_sql = page_queries(client, "/about/team/people/chief/")
    assert first.status_code == 200 and first.context["page"].specific == tree["chief"]
    assert first_sql == [], "\n".join(first_sql)


def test_unknown_segments_and_unpublished_pages_are_not_found(client, tree):
    assert client.get("/about/team/people/chief/").status_code == 200  # now in the cache
    assert client.get("/about/nobody/").status_code == 404
    assert client.get("/about/team/people/chief/extra/").status_code == 404
    tree["chief"].unpublish()
    assert client.get("/about/team/people/chief/").status_code == 404


def test_a_live_page_below_a_draft_is_served_as_wagtail_serves_it(client, tree):
    tree["team"].unpublish()
    assert client.get("/about/team/").status_code == 404
    assert client.get("/about/team/people/chief/").status_code == 200


def test_the_parent_is_known_without_another_query(client, tree):
    response, _ = page_queries(client, "/about/team/people/chief/")
    page = response.context["page"]
    with CaptureQueriesContext(connection) as captured:
        parent = page.get_parent()
    assert parent.pk == tree["people"].pk and not captured.captured_queries


def test_a_renamed_page_moves_to_its_new_address(client, tree):
    assert client.get("/about/team/people/chief/").status_code == 200  # now in the cache
    team = tree["team"]
    team.slug = "our-team"
    team.save_revision().publish()
    assert client.get("/about/team/people/chief/").status_code == 404
    assert client.get("/about/our-team/people/chief/").status_code == 200


def test_a_view_restriction_added_later_applies_to_the_page_and_below(client, tree, judge):
    assert client.get("/about/team/people/chief/").status_code == 200
    PageViewRestriction.objects.create(page=tree["team"], restriction_type=PageViewRestriction.LOGIN)
    for url in ("/about/team/", "/about/team/people/chief/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.get("/about/").status_code == 200
    client.force_login(judge)
    assert client.get("/about/team/people/chief/").status_code == 200


def test_an_unrestricted_page_answers_no_restrictions_without_compiling_a_query(tree):
    from core.routing import no_view_restrictions

    chief = Page.objects.get(pk=tree["chief"].pk).specific
    chief.get_view_restrictions()  # the list of restricted paths, now in the cache
    with CaptureQueriesContext(connection) as queries:
        first, second = chief.get_view_restrictions(), chief.get_view_restrictions()
        assert list(first) == [] and not second.exists()
    assert first is second is no_view_restrictions()
    assert len(queries) == 0
    # What Wagtail's privacy screen does with it builds a new queryset: the shared one stays empty.
    assert list(first.order_by("-page__depth")) == [] and list(no_view_restrictions()) == []


def test_an_alias_keeps_the_restrictions_of_its_source(client, tree, home):
    PageViewRestriction.objects.create(page=tree["people"], restriction_type=PageViewRestriction.LOGIN)
    alias = tree["people"].create_alias(parent=home, update_slug="people-alias")
    assert Page.objects.get(pk=alias.pk).alias_of_id == tree["people"].pk
    response = client.get("/people-alias/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_routable_pages_still_resolve_their_own_urls(client, home, academy):
    from tests.performance import builders

    index = builders.library(home)
    (resource,) = builders.grow_resources(builders.organisation(), academy, 1)
    assert client.get(resource.get_url(index)).status_code == 200
    assert client.get(f"{index.url}999999/no-such-resource/").status_code == 404


def test_a_page_below_a_routable_page_is_found_in_the_same_two_queries(rf, home, academy):
    """The calendar page routes its archive itself; an event below it is still one walk away."""
    from tests.colloquia.conftest import make_event, make_index

    calendar = make_index(home, "Colloquia and conferences", "colloquia")
    event = make_event(calendar, title="State colloquium")
    walk_queries(rf, "/")  # Wagtail's site root paths and the content types, as a running server has them
    found, _, count = walk_queries(rf, event.url)
    assert found.page == event and count == 2
    archive, plain, _ = walk_queries(rf, "/colloquia/archive/2024/")
    assert archive.page == calendar and not plain
    view, args, kwargs = archive.args
    assert view.__name__ == "archive" and kwargs == {"year": 2024}
