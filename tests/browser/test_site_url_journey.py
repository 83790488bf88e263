"""Browser journey: the addresses the site hands out open the site being served (issue item 5).

Served on a port of its own, as `PORT=8801 make run` serves, with SITE_URL set to that address
(and the Site record kept in step, as load_demo and migrate keep it): the room screen's check-in
address and the API's links lead back to this server, not to port 8000 or to `localhost:80`.
"""

import re

import pytest
from playwright.sync_api import expect

from colloquia.services import register, sessions_in_order
from core.site import sync_default_site
from tests.browser.conftest import login
from tests.colloquia.conftest import make_event, make_index

pytestmark = pytest.mark.browser


def test_check_in_address_and_api_links_open_the_served_site(page, live_server, settings, academy, registrar, judge):
    settings.SITE_URL = served = live_server.url
    sync_default_site()
    event = make_event(make_index(academy.page))
    register(judge, event)
    session = next(s for s in sessions_in_order(event) if s.counts_for_attendance)

    # The room screen shows (and its QR code encodes) an address on this server, which opens.
    login(page, live_server, registrar.email)
    page.goto(f"{served}/admin/colloquia/{event.pk}/sessions/{session.pk}/room-screen/")
    address = page.locator("#room-screen-url")
    expect(address).to_have_text(
        re.compile(rf"^{re.escape(served)}/colloquia-registrations/check-in/{session.uid}/[0-9a-f]{{16}}/$")
    )
    response = page.goto(address.inner_text())
    assert response is not None and response.url.startswith(served + "/")
    expect(page.get_by_text(session.title).first).to_be_visible()

    # The API's links to the event lead to its API record and its page here.
    listing = page.request.get(f"{served}/api/v2/pages/?type=colloquia.ColloquiumPage&format=json").json()
    (item,) = listing["items"]
    assert item["meta"]["detail_url"] == f"{served}/api/v2/pages/{event.pk}/"
    assert page.request.get(item["meta"]["detail_url"] + "?format=json").json()["id"] == event.pk
    assert item["meta"]["html_url"].startswith(served + "/")
    page.goto(item["meta"]["html_url"])
    expect(page.get_by_role("heading", name=event.title, level=1)).to_be_visible()
