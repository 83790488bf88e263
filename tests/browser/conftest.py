"""Playwright driving Debian's Chromium against pytest-django's live server.

`make test` installs Chromium with apt; a missing browser fails the run with a
clear message rather than skipping, so a green run always means the journeys ran.
"""

import os
import re
import threading
import time
from pathlib import Path

import pytest
from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.factories import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (it installs it with apt-get).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# How long an action or an expectation may wait for its condition. Generous, so that a busy
# machine (a load average several times the core count) slows the journeys without failing them.
WAIT_MS = 60_000
expect.set_options(timeout=WAIT_MS)


class RequestsInFlight:
    """Counts the live server's requests between Django's request_started and request_finished.

    A page that polls (the room screen, the desk) may have a request on its way when the test
    ends; the test database must not be flushed under it, so the page fixture waits for none."""

    def __init__(self):
        self.count = 0
        self.changed = threading.Condition()
        self.test_thread = threading.get_ident()  # the test's own client requests are not counted

    def started(self, **kwargs):
        if threading.get_ident() != self.test_thread:
            with self.changed:
                self.count += 1

    def finished(self, **kwargs):
        if threading.get_ident() != self.test_thread:
            with self.changed:
                self.count -= 1
                self.changed.notify_all()

    def wait_for_none(self, timeout):
        with self.changed:
            return self.changed.wait_for(lambda: self.count <= 0, timeout=timeout)


@pytest.fixture
def page(browser, live_server):
    from django.core.signals import request_finished, request_started

    in_flight = RequestsInFlight()
    request_started.connect(in_flight.started)
    request_finished.connect(in_flight.finished)
    # bypass_csp lets the tests inject axe-core; the pages themselves keep their policy.
    context = browser.new_context(base_url=live_server.url, locale="en-IN", bypass_csp=True)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
        assert in_flight.wait_for_none(WAIT_MS / 1000), "the live server was still answering the closed page"
        request_started.disconnect(in_flight.started)
        request_finished.disconnect(in_flight.finished)


# The code each user last signed in with during the current test. allauth refuses a code used
# once (it remembers it in the cache, which every test starts afresh), so a second sign-in in
# the same time step waits for the next code.
CODES_USED = {}


@pytest.fixture(autouse=True)
def _forget_codes_used():
    CODES_USED.clear()
    yield


def current_totp(user):
    """The user's current TOTP code, never one this test has already used."""
    secret = decrypt(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"])
    deadline = time.monotonic() + 3 * app_settings.TOTP_PERIOD
    while True:
        code = format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
        if CODES_USED.get(user.pk) != code:
            CODES_USED[user.pk] = code
            return code
        assert time.monotonic() < deadline, "the TOTP code did not change within three periods"
        time.sleep(0.25)  # polls the clock for the next time step


def login(page, live_server, email, password=PASSWORD, user=None):
    """Sign in through allauth's form; answers the TOTP step for staff with MFA."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    # Wait for the server's answer before reading the URL: a click does not wait for the next page.
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/2fa/authenticate" in page.url:
        from accounts.models import User

        page.get_by_label(re.compile("code", re.I)).fill(current_totp(user or User.objects.get(email=email)))
        page.get_by_role("button", name=re.compile("sign in|verify|authenticate", re.I)).click()
        page.wait_for_url(lambda url: "/accounts/2fa/authenticate" not in url)
    page.wait_for_load_state()


def run_axe(page):
    """Inject axe-core and return the serious and critical violations."""
    if not AXE_JS.exists():
        pytest.fail("axe-core is missing: run `make test` (it runs `npm ci`).")
    # Colours are judged as painted: a message still fading in (the admin's) would be measured
    # half-transparent, so wait until no short animation or transition is running. Long and endless
    # ones (the admin runs one for about 25 s) are not waited for: they are not fades.
    page.wait_for_function(
        """document.getAnimations().every(animation =>
            animation.playState !== 'running'
            || !(animation.effect && animation.effect.getComputedTiming().endTime <= 5000))""",
        polling=100,
    )
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    # Each violation with the elements it was found on, so a failure says where to look.
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "nodes": [
                (node["target"], node["html"][:160], node.get("failureSummary", "")[:200]) for node in v["nodes"]
            ],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def publish_from_editor(page, leaving):
    """Press Publish in a Wagtail page editor and wait until the browser has left it.

    `leaving(url)` says whether a URL is past the editor. When the answer keeps the browser in the
    editor (a validation error, a refusal), the failure names the editor's messages instead of
    only timing out."""
    page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()

    def is_publish(response):  # not one of the editor's autosaves, which post to the same address
        request = response.request
        return request.method == "POST" and "action-publish" in (request.post_data or "")

    with page.expect_response(is_publish) as answer:
        page.locator("button[name='action-publish']").click()
    response = answer.value
    if not leaving(page.url) and response.status not in (301, 302, 303):
        page.wait_for_load_state()
        notes = page.locator(".messages, .error-message, .help-critical").all_inner_texts()
        pytest.fail(f"Publish was answered {response.status} and stayed in the editor: {notes}")
    try:
        # The address is what tells: the page it leads to need not finish loading its resources.
        page.wait_for_url(leaving, wait_until="commit")
    except PlaywrightTimeoutError:
        pytest.fail(
            f"Publish was answered {response.status} (Location: {response.headers.get('location')}) "
            f"but the browser stayed at {page.url}"
        )
