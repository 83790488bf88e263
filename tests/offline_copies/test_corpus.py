"""The shared attack corpus (as tests/security uses it) against the offline copies: the EPUB's XHTML
writer, and a learner's notes in a PDF.

Runs only when ../shared/corpus exists (the `corpus_dir` fixture skips otherwise). Every payload,
raw and as the notes app stores it (cleaned by core.html.clean_html), must come out of
offline_copies.xhtml as well-formed XML with no element or attribute the input did not already
carry; notes holding payloads render into the module PDF without the renderer fetching anything
from outside: the only resources it is given are the site's own static files.
"""

import io
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from core import pdf
from core.html import clean_html
from offline_copies import services
from offline_copies.models import Kind
from offline_copies.xhtml import to_xhtml
from tests.security.test_resources_corpus import load_payloads

pytestmark = pytest.mark.corpus


def test_every_payload_becomes_well_formed_xhtml(corpus_dir):
    failures = []
    for payload in load_payloads(corpus_dir):
        for html in (payload, str(clean_html(payload))):
            try:
                tree = ElementTree.fromstring(f"<div>{to_xhtml(html)}</div>")  # noqa: S314 - our own output
            except ElementTree.ParseError as error:
                failures.append((html[:120], str(error)))
                continue
            tags = {element.tag for element in tree.iter()} - {"div"}
            if html != payload and tags & {"script", "style", "iframe", "object", "embed", "svg", "math"}:
                failures.append((html[:120], f"cleaned html kept {tags}"))
    assert failures == []


@pytest.mark.django_db
def test_notes_holding_payloads_render_without_outside_fetches(corpus_dir, module, judge, monkeypatch):
    payloads = load_payloads(corpus_dir)[:150]
    lessons = services.module_source(module, Kind.MODULE_PDF).lessons
    notes = [
        {"lesson": lessons[n % len(lessons)], "body_html": clean_html(payload), "updated_at": module.last_published_at}
        for n, payload in enumerate(payloads)
    ]
    served = []

    def recording(url):
        result = real(url)  # raises RefusedResource for anything outside the site's static files and images
        served.append(url)
        return result

    real = pdf.read_resource
    monkeypatch.setattr(pdf, "read_resource", recording)
    body, _ = services.module_pdf_with_notes(module, judge, notes)
    assert PdfReader(io.BytesIO(body)).pages
    assert [url for url in served if not url.startswith(f"{pdf.INTERNAL_ORIGIN}/static/")] == []
