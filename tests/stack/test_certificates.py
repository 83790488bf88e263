"""A certificate batch queued on one app server, run by the worker, its PDFs served by the other."""

import csv
import io
import re

import pytest

from .conftest import Browser, location, sign_in_staff, stack_shell, wait_until

pytestmark = pytest.mark.stack

# On the stack's database: an event whose certificates can be issued, with at least one eligible
# participant who holds no valid certificate (one is revoked if every one already holds one, so the
# test can run again on the same stack).
PREPARE_EVENT = """
import json
from accounts.models import User
from certificates.models import Certificate, SourceKind
from certificates.services import batch_refusal, revoke
from colloquia.models import ColloquiumPage
from colloquia.services import eligible_participants

for page in ColloquiumPage.objects.live().order_by("pk"):
    eligible = [item["user"].pk for item in eligible_participants(page)]
    if not eligible or batch_refusal(page):
        continue
    valid = Certificate.objects.filter(
        source_kind=SourceKind.COLLOQUIUM, source_id=page.pk, status=Certificate.VALID, user_id__in=eligible
    )
    if valid.count() == len(eligible):
        admin = User.objects.get(email="admin@demo.test")
        revoke(valid.first(), reason="Revoked by the stack tests to issue it again.", by=admin)
    print(json.dumps({"id": page.pk, "title": page.title}))
    break
"""


def register(browser, server):
    response = browser.get(server, "/admin/certificates/export.csv")
    assert response.status_code == 200, response.status_code
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_batch_queued_on_one_app_server_is_run_by_the_worker_and_served_by_the_other(stack, s3, demo_accounts):
    event = stack_shell(stack, PREPARE_EVENT)
    registrar = Browser(stack)
    sign_in_staff(registrar, "app-a", "admin@demo.test", demo_accounts)
    before = {row["serial"] for row in register(registrar, "app-a")}

    queued = registrar.post_form("app-a", f"/admin/certificates/events/{event['id']}/issue/", {"reason": ""})
    assert queued.status_code == 302, queued.text[:2000]
    batch = re.fullmatch(r"/admin/certificates/batches/(\d+)/", location(queued)).group(1)

    def finished():
        progress = registrar.get("app-b", f"/admin/certificates/batches/{batch}/progress/").json()
        return None if progress["running"] else progress

    progress = wait_until(finished, seconds=120, what="the worker finishing the batch")
    assert progress["status"] == "finished", progress
    assert progress["failed"] == 0 and progress["done"] >= 1, progress

    new = [row for row in register(registrar, "app-b") if row["serial"] not in before]
    assert len(new) == progress["done"]
    assert {row["title"] for row in new} == {event["title"]}
    bucket = stack["s3"]["bucket"]
    # Every page of the listing: a stack that has run `make faults` holds thousands of PDFs.
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="certificates/")
    stored = [item["Key"] for page in pages for item in page.get("Contents", [])]
    for row in new:
        keys = [key for key in stored if key.endswith(f"/{row['serial']}.pdf")]
        assert len(keys) == 1, f"{row['serial']} is not in the bucket"
        code = row["verify_url"].rstrip("/").rsplit("/", 1)[1]
        pdf = registrar.get("app-b", f"/certificates/verify/{code}/pdf/")
        assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF-")
        assert pdf.content == s3.get_object(Bucket=bucket, Key=keys[0])["Body"].read()
