"""The shared attack corpus against what the check-in screens and PDFs print: every payload through
the Devanagari markup that sets names on tickets and badges, a sample as participants' names on a
sheet of badges and an e-ticket, and a sample typed into the attendance screens' search.

Runs only when ../shared/corpus exists (the `corpus_dir` fixture skips otherwise)."""

import io

import pytest
from pypdf import PdfReader

from checkin.pdf import render_badges, render_ticket
from checkin.services import participant_ticket, ticket_holders
from colloquia import services as colloquia
from core.devanagari import MAX_ALIASES, DevanagariMarkup
from tests.colloquia.conftest import make_event, make_index
from tests.factories import make_user
from tests.security.test_resources_corpus import audit, load_payloads

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]


def test_every_payload_through_the_devanagari_markup_is_inert(corpus_dir):
    payloads = load_payloads(corpus_dir)
    markup = DevanagariMarkup(aliases=MAX_ALIASES)  # one document, as a sheet of badges
    failures = []
    for payload in payloads:
        html = str(markup(payload))
        parsed = audit(html)
        if parsed.problems or set(parsed.tags) - {"span"}:
            failures.append((payload, html))
    assert len(payloads) > 2000
    assert not failures, failures[:5]


def test_a_sample_as_names_prints_on_badges_and_a_ticket(corpus_dir, academy):
    event = make_event(make_index(academy.page), title="Corpus colloquium")
    payloads = [payload for payload in load_payloads(corpus_dir)[::300] if payload.strip()][:12]
    for number, payload in enumerate(payloads):
        user = make_user("district_judge", email=f"corpus{number}@example.test", full_name=payload[:200])
        user.designation = payload[:200]
        user.save(update_fields=["designation"])
        colloquia.register(user, event)
    sheet = render_badges(event, ticket_holders(event))
    assert len(PdfReader(io.BytesIO(sheet)).pages) == -(-len(payloads) // 8)
    registration = ticket_holders(event)[0]
    ticket = render_ticket(participant_ticket(registration.user, registration.pk))
    assert ticket.startswith(b"%PDF")


def main_tags(response):
    html = response.content.decode()
    parsed = audit(html[html.index("<main") : html.index("</main>")])
    return parsed.problems, parsed.tags


def test_a_sample_typed_into_the_attendance_searches_comes_back_inert(corpus_dir, client, academy, registrar):
    event = make_event(make_index(academy.page), title="Corpus colloquium")
    colloquia.register(make_user("district_judge", full_name="Asha Verma"), event)
    session = next(s for s in colloquia.sessions_in_order(event) if s.counts_for_attendance)
    client.force_login(registrar)
    screens = (
        f"/admin/colloquia/{event.pk}/sessions/{session.pk}/attendance/",
        f"/admin/checkin/{event.pk}/attendance/",
    )
    # The elements each screen has of its own (the admin's icons are SVG): with and without a match.
    baseline = {}
    for screen in screens:
        found, none = (main_tags(client.get(screen, {"q": q}))[1] for q in ("asha", "nobody-at-all"))
        baseline[screen] = found | none
    for payload in load_payloads(corpus_dir)[::250]:
        for screen in screens:
            response = client.get(screen, {"q": payload, "category": payload[:30], "mark": payload[:10]})
            if response.status_code == 400:
                continue  # a NUL in the query string, refused before any view (core.null_bytes)
            assert response.status_code == 200, (payload, screen)
            problems, tags = main_tags(response)
            assert not problems and not tags - baseline[screen], (payload, screen, tags - baseline[screen])
