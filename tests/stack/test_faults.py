"""Two faults the stack must ride out, each checked in seconds: Redis stopped, the object store silent.

The longer faults (an app server killed, PostgreSQL restarted, the worker killed mid-batch, a
backup restored into a fresh stack) run under load in `make faults` (ops/loadtest/faults.py).
"""

import os
import re
import secrets
import signal
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import STACK_DIR, Browser, location, sign_in, small_pdf, stack_command, stack_shell, wait_until

pytestmark = pytest.mark.stack

UNKNOWN_CODE = "AAAAAAAAAAAAAAAAAAAAAA"


def pid_of(part):
    return int(Path(STACK_DIR, "run", f"{part}.pid").read_text())


@pytest.fixture
def redis_stopped(stack):
    """Stop the stack's Redis for the test; start it again however the test ends."""
    os.kill(pid_of("redis"), signal.SIGTERM)
    try:
        yield
    finally:
        stack_command(stack, "restart", "redis")


PUBLISH_TITLE = """
import json
from wagtail.models import Page
page = Page.objects.get(pk={id}).specific
page.title = {title!r}
page.save_revision().publish()
print(json.dumps({{"published": page.live_revision_id}}))
"""

REDIS_CLEARED = """
import json
from django.core.cache import caches
from core.failover_cache import MARKER_KEY
print(json.dumps({"cleared_after": caches["redis"].get(MARKER_KEY)}))
"""


def cached_page(stack):
    """A public page, fetched until the page cache (Redis) answers it: {id, url, title}."""
    visitor = Browser(stack)
    listed = visitor.get("nginx", "/api/v2/pages/?type=home.StandardPage&fields=title&order=id").json()["items"][0]
    page = {"id": listed["id"], "url": urlsplit(listed["meta"]["html_url"]).path, "title": listed["title"]}
    wait_until(
        lambda: visitor.get("nginx", page["url"]).headers.get("X-Page-Cache") == "hit",
        seconds=10,
        what="the page served from the page cache",
    )
    return page


def signed_in(browser, server="nginx"):
    """Whether `browser`'s session is signed in: the dashboard answers rather than sending to sign-in."""
    response = browser.get(server, "/accounts/dashboard/")
    assert response.status_code in (200, 302), response.status_code
    return response.status_code == 200


def test_with_redis_stopped_the_site_and_sign_ins_work_and_nothing_stale_returns_with_it(stack, demo_accounts, request):
    leaving = Browser(stack)  # signed in before the outage, signs out during it
    assert sign_in(leaving, "nginx", "judge@demo.test", demo_accounts["password"]).status_code == 302
    cookie_before_sign_out = dict(leaving.cookies)
    page = cached_page(stack)
    new_title = f"{page['title']} ({secrets.token_hex(4)})"

    request.getfixturevalue("redis_stopped")
    try:
        # Pages come from the database; the signed-in person stays signed in (sessions are in PostgreSQL).
        for path in ("/", "/modules/", "/resources/", "/search/?q=trafficking"):
            assert Browser(stack).get("nginx", path).status_code == 200, path
        assert signed_in(leaving)
        # A new sign-in works: allauth's rate limit and the session are kept in PostgreSQL's cache table.
        arriving = Browser(stack)
        arrived = sign_in(arriving, "nginx", "police@demo.test", demo_accounts["password"])
        assert arrived.status_code == 302 and location(arrived) == "/accounts/dashboard/"
        assert signed_in(arriving)
        # The verification limit cannot count in Redis, so it refuses rather than letting lookups through.
        refused = Browser(stack).get("nginx", f"/certificates/verify/{UNKNOWN_CODE}/")
        assert refused.status_code == 429
        # Signed out and published while Redis is down: Redis's copies of both are now stale.
        signed_out = leaving.post_form("nginx", "/accounts/logout/", {})
        assert signed_out.status_code == 302
        stack_shell(stack, PUBLISH_TITLE.format(id=page["id"], title=new_title))
        assert new_title in Browser(stack).get("nginx", page["url"]).text

        stack_command(stack, "restart", "redis")  # back with its append-only file: the old copies too
        # Back without restarting an app server: the lookup is counted again and answered, and the
        # first app server to find Redis back has cleared it.
        wait_until(
            lambda: (
                Browser(stack).get("nginx", f"/certificates/verify/{UNKNOWN_CODE}/").status_code == 404
                and stack_shell(stack, REDIS_CLEARED)["cleared_after"]
            ),
            seconds=30,
            what="verification answering and Redis cleared after Redis returned",
        )
        replayed = Browser(stack)
        replayed.cookies.update(cookie_before_sign_out)
        for server in ("app-a", "app-b"):
            assert not signed_in(replayed, server), "a session signed out during the outage came back with Redis"
            fresh = Browser(stack).get(server, page["url"])
            assert fresh.status_code == 200 and new_title in fresh.text, f"{server} served the pre-outage page"
        assert signed_in(arriving)
        again = sign_in(Browser(stack), "nginx", "police@demo.test", demo_accounts["password"])
        assert again.status_code == 302 and location(again) == "/accounts/dashboard/"
    finally:
        stack_shell(stack, PUBLISH_TITLE.format(id=page["id"], title=page["title"]))


@pytest.fixture
def store_silent(stack):
    """moto's server stops answering (SIGSTOP keeps its in-memory files); SIGCONT however the test ends."""
    pid = pid_of("s3")
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


def upload(member):
    form = member.get("nginx", "/resources/share/")
    assert form.status_code == 200

    def first(name, kind="option"):
        if kind == "option":
            select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', form.text, re.S)
            return re.findall(r'<option value="([^"]+)"', select.group(1))[0]
        return re.findall(rf'<input type="{kind}" name="{name}" value="([^"]+)"', form.text)[0]

    return member.post(
        "nginx",
        "/resources/share/",
        {
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1),
            "title": "Fault check: an upload while the store is silent",
            "summary": "Uploaded by the stack's fault tests.",
            "topics": first("topics", "checkbox"),
            "resource_type": first("resource_type"),
            "language": first("language"),
            "audience": first("audience"),
            "licence": first("licence"),
            "author_source": "The stack tests",
            "target_mode": "states",
        },
        files={"files": ("fault-check.pdf", small_pdf(), "application/pdf")},
    )


COUNT_RECORDS = """
import json
from certificates.models import Certificate
from resources.models import Resource, ResourceFile
cert = Certificate.objects.filter(status="valid").exclude(pdf="").order_by("pk").first()
print(json.dumps({"resources": Resource.objects.count(), "files": ResourceFile.objects.count(),
                  "code": cert.verification_code if cert else None}))
"""


def test_with_the_object_store_silent_uploads_and_pdfs_fail_plainly_and_leave_nothing(stack, demo_accounts, request):
    before = stack_shell(stack, COUNT_RECORDS)
    assert before["code"], "the demo has no certificate with a PDF"
    member = Browser(stack)
    sign_in(member, "nginx", "cso@demo.test", demo_accounts["password"])

    request.getfixturevalue("store_silent")
    refused = upload(member)
    assert refused.status_code == 503
    assert "The file store is not answering just now, so nothing was saved." in refused.text
    pdf = Browser(stack).get("nginx", f"/certificates/verify/{before['code']}/pdf/")
    assert pdf.status_code == 503 and pdf.headers["Retry-After"] == "60"
    assert "The certificate file cannot be fetched just now" in pdf.text
    assert stack_shell(stack, COUNT_RECORDS) == before, "a record was left behind"

    os.kill(pid_of("s3"), signal.SIGCONT)
    pdf = Browser(stack).get("nginx", f"/certificates/verify/{before['code']}/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    stored = upload(member)
    assert stored.status_code == 302, stored.text[:2000]
    after = stack_shell(stack, COUNT_RECORDS)
    assert after["resources"] == before["resources"] + 1 and after["files"] == before["files"] + 1
