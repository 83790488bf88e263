"""Page tree rules, header link, sections, flat query counts, demo content."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, StandardPage
from resources.models import Organisation, Resource, ResourceIndexPage, ResourceVersion
from tests.resources.conftest import make_member, make_org, submit


def test_index_page_tree_rules(index_page):
    assert ResourceIndexPage.can_create_at(index_page.get_parent().specific) is False  # max_count reached
    assert "resources.ResourceIndexPage" in [
        f"{m._meta.app_label}.{m.__name__}" for m in HomePage.allowed_subpage_models()
    ]
    assert ResourceIndexPage.allowed_subpage_models() == []
    assert ResourceIndexPage not in StandardPage.allowed_subpage_models()


def test_header_shows_resources(client, index_page):
    body = client.get("/").content.decode()
    assert '<a href="/resources/"' in body and ">Resources<" in body


def _publish(n, moderator, member, start=0):
    from resources import services

    for i in range(start, start + n):
        services.decide(submit(member, title=f"Resource number {i}"), moderator, "approve")


@pytest.mark.parametrize("url_suffix", ["", "?q=Resource", "?topic=victim-identification&state=JH"])
def test_listing_queries_are_flat(client, index_page, academy, moderator, url_suffix):
    member = make_member(make_org("Flat Org"))
    _publish(2, moderator, member)
    client.get(index_page.url + url_suffix)
    with CaptureQueriesContext(connection) as small:
        assert client.get(index_page.url + url_suffix).status_code == 200
    _publish(8, moderator, member, start=2)
    client.get(index_page.url + url_suffix)  # publishing started a new content generation: warm again
    with CaptureQueriesContext(connection) as large:
        body = client.get(index_page.url + url_suffix).content.decode()
    assert "Resource number 9" in body
    assert len(large) == len(small), [q["sql"] for q in large.captured_queries]


def test_home_and_organisation_pages_queries_are_flat(client, index_page, academy, moderator):
    organisation = make_org("Flat Org")
    member = make_member(organisation)
    _publish(2, moderator, member)
    org_url = index_page.url + index_page.reverse_subpage("organisation", kwargs={"slug": organisation.slug})
    counts = []
    for extra in (0, 6):
        _publish(extra, moderator, member, start=2)
        client.get("/")
        client.get(org_url)
        with CaptureQueriesContext(connection) as home_q:
            client.get("/")
        with CaptureQueriesContext(connection) as org_q:
            client.get(org_url)
        counts.append((len(home_q), len(org_q)))
    assert counts[0] == counts[1]


def test_recent_resources_on_home(client, index_page, approved):
    body = client.get("/").content.decode()
    assert "Recent resources" in body and approved.title in body


def test_dashboard_section(client, pending, member, moderator):
    client.force_login(member)
    body = client.get("/accounts/dashboard/").content.decode()
    assert "My submissions" in body and pending.title in body and "Awaiting moderation" in body
    client.force_login(moderator)
    body = client.get("/accounts/dashboard/").content.decode()
    assert "1 resource awaiting your decision" in body


def test_resource_link_block_renders_only_public_resources(index_page, approved, member):
    from resources.blocks import ResourceLinkBlock

    block = ResourceLinkBlock()
    html = block.render(block.to_python({"resource": approved.resource_id, "note": "Read first"}))
    assert approved.title in html and approved.resource.get_url(index_page) in html
    draft = submit(member, title="Secret draft")
    assert block.child_blocks["resource"].field.queryset.filter(pk=draft.resource_id).exists() is False
    assert "Secret draft" not in block.render(block.to_python({"resource": draft.resource_id, "note": ""}))


def test_personal_data_export(pending, member):
    from resources.services import export_personal_data

    data = export_personal_data(member)["resource library"]
    assert data["organisation"] == pending.resource.organisation.name
    assert data["submissions"][0]["title"] == pending.title


def test_demo_is_idempotent(db, home):
    from demo.loaders import accounts as accounts_demo
    from demo.loaders import resources as resources_demo
    from tests import factories

    factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    factories.make_academy("CJA", "Chandigarh Judicial Academy", states=("PB", "HR", "CH"), high_court="PH")
    factories.make_academy("NJA", "National Judicial Academy", states=(), high_court=None, is_national=True)
    accounts_demo.load(io.StringIO())
    assert resources_demo.load(io.StringIO()) > 0
    assert resources_demo.load(io.StringIO()) == 0
    assert Organisation.objects.filter(verified=True).count() == 3
    assert Organisation.objects.filter(verified=False).count() == 1
    assert Resource.objects.public().count() == 6
    pending = ResourceVersion.objects.get(status="pending")
    assert pending.submitted_by.email == "cso@demo.test"
    assert {
        a.short_code for v in ResourceVersion.objects.filter(status="approved") for a in v.target_academies.all()
    } == {
        "JSJA",
        "CJA",
        "NJA",
    }
    index = ResourceIndexPage.objects.get()
    assert index.slug == "resources" and index.show_in_menus and index.live
