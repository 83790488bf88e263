"""No page, public or admin, makes the browser request another host.

Every request the pages make is intercepted: requests to the site itself go through, any other
is recorded and aborted (so nothing actually leaves the machine). An avatar from gravatar.com,
a web font or an analytics script would each send the visitor's address (and, for gravatar, a
hash of a staff member's email) to someone else.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import login, run_axe

pytestmark = pytest.mark.browser

OWN_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


@pytest.fixture
def outside_requests(page):
    """The URLs of every request the pages tried to make to another host."""
    outside, own = [], []

    def handle(route):
        url = route.request.url
        if urlsplit(url).hostname in OWN_HOSTS:
            own.append(url)
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.context.route("**/*", handle)
    yield outside
    assert own, "the interception saw none of the site's own requests: it was not in place"


def visit(page, url):
    page.goto(url)
    # Images (avatars are lazy-loaded), fonts and scripts have all been asked for by then.
    page.wait_for_load_state("networkidle")


def test_public_pages_request_no_outside_host(page, live_server, academy, outside_requests):
    for path in ("/", academy.page.url, "/accounts/signup/", "/accounts/login/"):
        visit(page, live_server.url + path)
    assert outside_requests == []


def test_the_admin_requests_no_outside_host(page, live_server, academy, editor, outside_requests):
    # A staff member signed in with their TOTP code: the dashboard shows their avatar in the
    # sidebar, the page editor beside the page's history.
    login(page, live_server, editor.email, user=editor)
    visit(page, f"{live_server.url}/admin/")
    assert page.locator(".avatar img").count() >= 1, "the admin shows no avatar: nothing was checked"
    visit(page, f"{live_server.url}/admin/pages/{academy.page_id}/edit/")
    # The avatar is Wagtail's built-in placeholder, served by the site itself.
    assert all(urlsplit(src).hostname in OWN_HOSTS for src in avatar_sources(page))
    assert not run_axe(page), "page editor has serious accessibility violations"
    # Leave the editor while the server runs (it releases its editing session as it closes).
    visit(page, f"{live_server.url}/admin/")
    assert outside_requests == []


def avatar_sources(page):
    return page.locator(".avatar img").evaluate_all("images => images.map(image => image.src)")
