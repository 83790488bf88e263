"""The certificate render is judged against bench/reference_pdf.py: it must stay what it says, the
same certificate's printed text on one page in the same fonts, rendered by plain WeasyPrint."""

import io
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from certificates.pdf import sample_certificate

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import reference_pdf  # noqa: E402


@pytest.mark.django_db
def test_the_reference_is_the_certificates_own_text_on_one_page():
    cert = sample_certificate(recipient_name="Smt. Reference Judge", title="State colloquium", serial="JSJA-2027-1")
    reader = PdfReader(io.BytesIO(reference_pdf.render_reference(cert)))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for printed in ("Smt. Reference Judge", "State colloquium", "JSJA-2027-1", cert.heading, "Director"):
        assert printed in text
    fonts = {font["/BaseFont"].split("+")[-1] for font in _fonts(reader)}
    assert {"Noto-Serif", "Noto-Serif-Bold", "Noto-Sans-Devanagari"} <= fonts


def _fonts(reader):
    resources = reader.pages[0]["/Resources"]["/Font"]
    return [resources[name].get_object() for name in resources]
