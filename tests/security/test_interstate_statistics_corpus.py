"""The shared attack corpus against the academy page's contacts and the statistics page.

Runs only when ../shared/corpus exists (the `corpus_dir` fixture skips otherwise). Contacts are
typed by academy editors and shown to every verified user; module titles, State names and the
like reach the statistics page, its SVG charts and its CSV. Every payload must come out inert
in the HTML and, when formula-like, quoted in the CSV.
"""

import csv
import io

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.csv_export import FORMULA_TRIGGERS
from interstate.models import Contact, ContactKind
from national_statistics import figures
from tests.national_statistics.conftest import make_statistics_page
from tests.security.test_resources_corpus import FORBIDDEN, audit, load_payloads

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]

BATCH = 400


def batches(items):
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def test_every_payload_in_a_contact_is_shown_as_text(corpus_dir, academy, judge):
    payloads = load_payloads(corpus_dir)
    request = RequestFactory().get(academy.page.url)
    request.user = judge
    failures = []
    for batch in batches(payloads):
        contacts = [
            Contact(academy=academy, kind=ContactKind.ACADEMY, name=p, designation=p, office=p, phone=p, email=p)
            for p in batch
        ]
        section = {"template": "", "academy": contacts, "nodal_officers": [], "visible": True, "states": []}
        html = render_to_string("interstate/sections/contacts.html", {"section": section}, request)
        parsed = audit(html)
        if parsed.problems or set(parsed.tags) & FORBIDDEN:
            failures.append((batch[:3], parsed.problems[:3], set(parsed.tags) & FORBIDDEN))
    assert len(payloads) > 2000
    assert not failures, failures[:3]


def test_a_sample_saved_as_contacts_is_inert_on_the_academy_page(client, corpus_dir, academy, judge):
    sample = load_payloads(corpus_dir)[::40]
    Contact.objects.bulk_create(
        Contact(academy=academy, name=p[:150], designation=p[:160], office=p[:200], phone=p[:40]) for p in sample
    )
    client.force_login(judge)
    response = client.get(academy.page.url)
    assert response.status_code == 200
    section = response.content.decode().split('id="interstate-contacts-heading"')[1].split("</section>")[0]
    parsed = audit(section)
    assert not parsed.problems and not set(parsed.tags) & FORBIDDEN


def test_every_payload_as_a_module_title_is_inert_on_the_page_and_quoted_in_the_csv(
    client, corpus_dir, home, monkeypatch
):
    page = make_statistics_page(home)
    payloads = load_payloads(corpus_dir)
    for batch in batches(payloads):
        rows = {
            "events": [],
            "attended": [],
            "certificates": [],
            "support": [],
            "completions": [
                {
                    "state": "JH",
                    "state_name": "Jharkhand",
                    "year": 2025,
                    "module": n,
                    "module_title": p,
                    "completions": 5,
                }
                for n, p in enumerate(batch)
            ],
        }
        monkeypatch.setattr(figures, "grain_rows", lambda pages, rows=rows: rows)
        from django.core.cache import cache

        cache.clear()
        main = client.get(page.url).content.decode().split("<main", 1)[1].split("</main>")[0]
        parsed = audit(main)
        assert not parsed.problems, parsed.problems[:3]
        # The page's own filter form and its one chart (SVG it writes itself); nothing else of the kind.
        assert set(parsed.tags) & FORBIDDEN <= {"svg", "form"}
        assert (parsed.tags["svg"], parsed.tags["form"]) == (1, 1)
        response = client.get(page.url + "download/csv/")
        lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode(), newline="")))
        assert all(not cell.startswith(FORMULA_TRIGGERS) for line in lines for cell in line)
