"""core.request_site, the project's one touch point with Wagtail's internals: these fail loudly
when a Wagtail upgrade changes how `Site.find_for_request` keeps its answer for the request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from core.request_site import site_for_request

pytestmark = pytest.mark.django_db


def test_wagtail_uses_the_site_found_for_the_request(rf, home):
    request = rf.get("/")
    site = site_for_request(request)
    with CaptureQueriesContext(connection) as captured:
        assert Site.find_for_request(request) is site
    assert not captured.captured_queries, "Wagtail looked the site up again: see core/request_site.py"


def test_a_later_request_gets_the_site_and_its_home_page_without_a_query(rf, home):
    first = rf.get("/")
    site_for_request(first)
    Page.route_for_request(first, "/")  # a first request: what routing reads is kept from here on
    request = rf.get("/")
    with CaptureQueriesContext(connection) as captured:
        site = site_for_request(request)
        assert Site.find_for_request(request) is site
        route = Page.route_for_request(request, "/")  # where Wagtail's serve view starts
    assert route.page.pk == home.pk and isinstance(route.page, type(home.specific))
    assert not captured.captured_queries, [q["sql"] for q in captured.captured_queries]
