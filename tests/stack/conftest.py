"""Tests against the running production shape (`make test-stack`, ops/stack.py).

They run only when STACK_URL names the stack's public address (nginx, https://localhost); the
other addresses come from the .stack/stack.json that `ops/stack.py start` writes. Each test talks
HTTP to the real parts: nginx, the two gunicorn app servers directly, the S3 server with boto3.
"""

import io
import json
import os
import re
import secrets
import subprocess
import time
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
import requests
from pypdf import PdfWriter

STACK_DIR = Path(os.environ.get("STACK_DIR", Path(__file__).resolve().parents[2] / ".stack"))


@pytest.fixture(scope="session")
def stack():
    url = os.environ.get("STACK_URL")
    if not url:
        pytest.skip("the production-shape stack is not up (make test-stack sets STACK_URL)")
    described = json.loads((STACK_DIR / "stack.json").read_text())
    assert described["site_url"] == url.rstrip("/"), "STACK_URL is not the stack ops/stack.py started"
    return described


def wait_until(condition, *, seconds, what):
    """Poll `condition` until it returns something truthy (which is returned), or fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        result = condition()
        if result:
            return result
        assert time.monotonic() < deadline, f"{what}: not within {seconds} s"
        time.sleep(0.2)


def stack_command(stack, *args, timeout=120):
    """Run ops/stack.py (restart a part, or `manage ...` with the stack's environment); its output."""
    done = subprocess.run(  # noqa: S603 - the project's own script
        [*stack["stack_command"], *args], capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return done.stdout


def stack_shell(stack, code):
    """Run `code` in `manage.py shell` on the stack; the JSON object it prints last."""
    output = stack_command(stack, "manage", "shell", "--no-imports", "-c", code)
    return json.loads(output.strip().splitlines()[-1])


def client_address():
    # What nginx would put last in X-Forwarded-For (TRUSTED_PROXY_COUNT=1) for a request sent to an
    # app server directly. From the range reserved for tests (RFC 2544, 198.18.0.0/15) and never
    # contacted: it is only a header. A fresh one per person keeps rate-limit buckets apart.
    return f"198.18.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"


class Browser:
    """One person's cookies, sent through nginx or straight to one app server.

    Requests to an app server carry what nginx adds (Host, X-Forwarded-Proto https, X-Forwarded-For),
    so they are the requests an app server gets in production. Cookies are kept here rather than in
    requests' jar: the production cookies are Secure, and the app servers themselves speak plain HTTP.
    """

    def __init__(self, stack):
        self.stack = stack
        self.cookies = {}
        self.address = client_address()

    def url(self, server, path):
        if server == "nginx":
            return self.stack["site_url"] + path
        return self.stack["app_servers"][server] + path

    def request(self, method, server, path, **kwargs):
        headers = {**kwargs.pop("headers", {})}
        if server != "nginx":
            headers |= {
                "Host": self.stack["host"],
                "X-Forwarded-Proto": "https",
                "X-Forwarded-For": self.address,
            }
        if method == "POST":
            headers.setdefault("Origin", self.stack["site_url"])
            headers.setdefault("Referer", self.stack["site_url"] + path)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method,
            self.url(server, path),
            headers=headers,
            allow_redirects=False,
            verify=self.stack["certificate"],
            timeout=60,
            **kwargs,
        )
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, server, path, **kwargs):
        return self.request("GET", server, path, **kwargs)

    def post(self, server, path, data=None, **kwargs):
        return self.request("POST", server, path, data=data, **kwargs)

    def post_form(self, server, path, data, **kwargs):
        """GET the form at `path`, then POST `data` to it with its CSRF token."""
        page = self.get(server, path)
        assert page.status_code == 200, f"GET {path}: {page.status_code}"
        return self.post(server, path, {"csrfmiddlewaretoken": csrf_token(page.text), **data}, **kwargs)


def csrf_token(html):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def location(response):
    return response.headers.get("Location", "")


@pytest.fixture(scope="session")
def demo_accounts():
    from demo.loaders.accounts import demo_password, demo_totp_secret

    return {"password": demo_password(), "totp_secret": demo_totp_secret()}


def totp_code(secret, at=None):
    """The TOTP code for `secret` at time `at`, as allauth checks it (no tolerance: one 30 s period)."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(at or time.time()) // app_settings.TOTP_PERIOD))


def fresh_period(seconds_needed):
    """Wait, if needed, until the current TOTP period has `seconds_needed` left; the time to take codes at."""
    from allauth.mfa import app_settings

    period = app_settings.TOTP_PERIOD

    def enough_left():
        now = time.time()
        return now if period - now % period >= seconds_needed else None

    return wait_until(enough_left, seconds=period + 1, what="a TOTP period with enough time left")


def sign_in(browser, server, email, password, code=None):
    """allauth's sign-in form (and its two-factor step for staff); the response that ends it."""
    response = browser.post_form(server, "/accounts/login/", {"login": email, "password": password})
    assert response.status_code == 302, f"sign-in of {email} answered {response.status_code}"
    if "/accounts/2fa/authenticate" in location(response):
        assert code, f"{email} needs a two-factor code"
        response = browser.post_form(server, "/accounts/2fa/authenticate/", {"code": code})
    return response


def sign_in_staff(browser, server, email, accounts):
    """Sign a staff member in with the current TOTP code; a code this account already used (a run
    moments before) is refused, so then the next period's code is taken."""
    for attempt in range(2):
        if attempt:
            # A refused code leaves the session at the two-factor step: start again as a new visitor.
            browser.cookies.clear()
        at = fresh_period(seconds_needed=5)
        response = sign_in(browser, server, email, accounts["password"], totp_code(accounts["totp_secret"], at))
        if response.status_code == 302 and "/accounts/2fa/authenticate" not in location(response):
            return response
        wait_until(
            lambda at=at: totp_code(accounts["totp_secret"]) != totp_code(accounts["totp_secret"], at),
            seconds=31,
            what="the next TOTP period",
        )
    pytest.fail(f"{email} could not sign in with two codes in a row")


@pytest.fixture
def browser(stack):
    return Browser(stack)


@pytest.fixture
def s3(stack):
    import boto3

    settings = stack["s3"]
    return boto3.client(
        "s3",
        endpoint_url=settings["endpoint_url"],
        region_name=settings["region_name"],
        aws_access_key_id=settings["aws_access_key_id"],
        aws_secret_access_key=settings["aws_secret_access_key"],
    )


def small_pdf():
    """A one-page PDF that no other upload has: its title is random."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Title": f"Stack check {secrets.token_hex(8)}"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
