"""The shared attack corpus against the support record's uploads and free text.

Runs only when ../shared/corpus exists (the `corpus_dir` fixture skips otherwise). Every corpus
file goes through the voucher and photograph uploads (refused with a reason and nothing stored,
or, for a genuine image, stored re-encoded and inert); a sample of XSS payloads goes in as
payees and purposes, and the record's screen shows them as text.
"""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from support import services
from support.models import Expenditure, Photograph
from tests.security.test_resources_corpus import FORBIDDEN, audit

from .conftest import voucher

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]
ACCEPTED_IF_GENUINE = {"images"}


def test_every_corpus_file_as_a_voucher_and_a_photograph(corpus_dir, record, registrar):
    files = [p for p in sorted((corpus_dir / "uploads").rglob("*")) if p.is_file() and p.parent.name != "filenames"]
    refused = stored = 0
    for path in files:
        data = path.read_bytes()
        try:
            entry, _ = services.add_expenditure(
                record,
                head="miscellaneous",
                spent_on=record.event.start_date,
                payee="Corpus",
                description=path.name,
                amount=Decimal("1"),
                voucher=SimpleUploadedFile(path.name, data),
                by=registrar,
            )
        except ValidationError as error:
            assert "was refused:" in error.messages[0], path
            refused += 1
        else:
            assert path.parent.name in ACCEPTED_IF_GENUINE, path
            content = entry.voucher.open("rb").read().lower()
            assert b"<script" not in content and b"alert" not in content and b"javascript:" not in content
            stored += 1
        try:
            services.add_photograph(record, image=SimpleUploadedFile(path.name, data), caption="x", by=registrar)
        except (ValidationError, services.Refused):
            pass
        else:
            assert path.parent.name in ACCEPTED_IF_GENUINE, path
    assert refused > 40 and refused + stored == len(files)
    assert Expenditure.objects.count() == stored and Photograph.objects.count() <= stored


def test_xss_payloads_as_payees_are_shown_as_text(corpus_dir, client, record, registrar):
    with open(corpus_dir / "xss" / "ALL_attacklike.jsonl", encoding="utf-8") as handle:
        payloads = [json.loads(line)["payload"] for line in handle if line.strip()][:150]
    for payload in payloads:
        services.add_expenditure(
            record,
            head="miscellaneous",
            spent_on=record.event.start_date,
            payee=payload[:200],
            description=payload[:300],
            amount=Decimal("1"),
            voucher=voucher(),
            by=registrar,
        )
    client.force_login(registrar)
    body = client.get(f"/admin/support/{record.pk}/").content.decode()
    start = body.index("Payments with their vouchers")
    table = body[start : body.index("</table>", start)]
    parsed = audit(table)
    # The table's own markup has a form per row (the remove buttons); nothing else may appear.
    assert not parsed.problems and not set(parsed.tags) & (FORBIDDEN - {"form"}), parsed.problems[:5]
    assert parsed.tags["form"] == len(payloads)
