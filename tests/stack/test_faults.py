"""Two faults the stack must ride out, each checked in seconds: Redis stopped, the object store silent.

The longer faults (an app server killed, PostgreSQL restarted, the worker killed mid-batch, a
backup restored into a fresh stack) run under load in `make faults` (ops/loadtest/faults.py).
"""

import os
import re
import signal
from pathlib import Path

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


def test_with_redis_stopped_pages_and_sessions_hold_and_verification_fails_closed(stack, demo_accounts, request):
    learner = Browser(stack)
    signed_in = sign_in(learner, "nginx", "judge@demo.test", demo_accounts["password"])
    assert signed_in.status_code == 302

    request.getfixturevalue("redis_stopped")
    # Pages come from the database; the signed-in person stays signed in (sessions are in PostgreSQL).
    for path in ("/", "/modules/", "/resources/", "/search/?q=trafficking"):
        assert Browser(stack).get("nginx", path).status_code == 200, path
    mine = learner.get("nginx", "/certificates/")
    assert mine.status_code == 200 and "/accounts/login/" not in location(mine)
    # The verification limit cannot count, so it refuses rather than letting lookups through.
    refused = Browser(stack).get("nginx", f"/certificates/verify/{UNKNOWN_CODE}/")
    assert refused.status_code == 429

    stack_command(stack, "restart", "redis")
    # Back without restarting an app server: the lookup is counted again and answered.
    wait_until(
        lambda: Browser(stack).get("nginx", f"/certificates/verify/{UNKNOWN_CODE}/").status_code == 404,
        seconds=10,
        what="verification answering after Redis returned",
    )
    assert learner.get("nginx", "/certificates/").status_code == 200


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
