"""The renderer fetches only our static and media images: names and template wording cannot reach out."""

import io
import logging

import pytest
from pypdf import PdfReader

from certificates.models import CertificateTemplate
from core.pdf import render_pdf
from tests import factories

HOSTILE = [
    '<img src="file:///etc/passwd">',
    '<img src="http://example.com/x.png">',
    '<link rel="stylesheet" href="file:///etc/passwd">',
    "{name}",
]


def text_of(cert):
    with cert.pdf.open("rb") as handle:
        return "".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)


@pytest.mark.django_db
def test_hostile_name_and_wording_are_printed_as_text_not_fetched(academy, issue, caplog):
    CertificateTemplate.objects.create(
        name="Hostile",
        kind="attendance",
        academy=academy,
        heading="Certificate",
        wording="Awarded to {name}. file:///etc/passwd http://example.com/x.png",
        footer='<img src="file:///etc/passwd">',
    )
    user = factories.make_user(
        "district_judge",
        full_name='<img src="file:///etc/passwd"> X',
        designation='<img src="http://example.com/x.png">',
    )
    with caplog.at_level(logging.WARNING, logger="colloquium.pdf"):
        cert, _ = issue(user, academy)
    text = text_of(cert)
    assert '<img src="file:///etc/passwd"> X' in text  # the name is printed literally, escaped
    assert "root:x:0:0" not in text
    assert not any("refused" in r.message for r in caplog.records)  # nothing was even attempted


@pytest.mark.parametrize(
    "source",
    [
        "file:///etc/passwd",
        "http://example.com/x.png",
        "https://colloquium.internal/../../etc/passwd",
        "/media/certificates/pdf/2026/JSJA-2026-000001.pdf",
        "https://colloquium.internal/static/x?y=1",
    ],
)
def test_fetcher_refuses_and_pdf_still_renders(source, caplog):
    with caplog.at_level(logging.WARNING, logger="colloquium.pdf"):
        body = render_pdf(f'<p>before</p><img src="{source}"><link rel="stylesheet" href="{source}"><p>after</p>')
    assert body.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(body)).pages[0].extract_text()
    assert "before" in text and "after" in text and "root:" not in text


def test_template_logo_outside_url_refused(caplog):
    # A logo path pointing outside (as a forged snapshot would) is refused, and the PDF renders.
    from certificates.pdf import render_certificate, sample_certificate

    cert = sample_certificate(
        logo_path="../../../etc/passwd",
        signatories=[{"name": "D", "designation": "Director", "signature": "http://example.com/x.png"}],
    )
    with caplog.at_level(logging.WARNING, logger="colloquium.pdf"):
        body, digest = render_certificate(cert, primary_colour="#000000", accent_colour="#111111")
    assert body.startswith(b"%PDF") and len(digest) == 64
    assert "root:" not in PdfReader(io.BytesIO(body)).pages[0].extract_text()


def test_wording_validation_allows_only_fixed_placeholders():
    from django.core.exceptions import ValidationError

    from certificates.models import validate_wording

    validate_wording("{name} attended {title} on {dates}")
    for bad in ("{{ request.user.email }}", "{% load x %}", "{name.__class__}", "{password}"):
        with pytest.raises(ValidationError):
            validate_wording(bad)


@pytest.mark.django_db
def test_template_colours_validated(academy):
    from django.core.exceptions import ValidationError

    template = CertificateTemplate(
        name="x", kind="attendance", heading="h", wording="{name}", primary_colour="red;}body{x:url(file:///etc)"
    )
    with pytest.raises(ValidationError):
        template.full_clean()


@pytest.mark.corpus
def test_ssrf_corpus_svgs_leak_nothing(corpus_dir, caplog):
    svgs = sorted((corpus_dir / "ssrf-public").glob("**/*.svg"))
    if not svgs:
        pytest.skip("no SVGs in the corpus")
    import base64

    ran = 0
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    for svg in svgs:
        raw = svg.read_bytes()
        name = default_storage.save(f"corpus/{svg.name}", ContentFile(raw))
        data = base64.b64encode(raw).decode()
        for src in (f"data:image/svg+xml;base64,{data}", f"/media/{name}"):
            body = render_pdf(f'<p>x</p><img src="{src}">')
            text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
            assert "root:x:0:0" not in text and "[extensions]" not in text
            assert b"root:x:0:0" not in body
            ran += 1
    print(f"ssrf corpus: {ran} renders of {len(svgs)} SVGs")
