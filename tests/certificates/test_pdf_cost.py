"""What keeps a certificate render cheap and a web worker small."""

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

import core.pdf
from certificates.pdf import qr_data_uri
from tests.processes import last_line_printed

ROOT = Path(__file__).resolve().parents[2]


def test_web_process_does_not_load_weasyprint_until_a_pdf_is_rendered():
    """WeasyPrint and its libraries add ~20 MB, the QR and iCalendar libraries and bleach a few
    more: loaded only by a process that renders a PDF, draws a QR code, writes a calendar or
    cleans user HTML (a task worker issuing certificates never does the last)."""
    code = (
        "import sys, django; django.setup();"
        "from django.urls import resolve; resolve('/');"  # imports the whole URLconf, every view module
        "import certificates.views, certificates.services, certificates.tasks, core.pdf;"
        "print(any(name in sys.modules for name in ('weasyprint', 'segno', 'icalendar', 'bleach')))"
    )
    assert last_line_printed(code) == "False"


def test_qr_png_has_one_pixel_per_module():
    png = base64.b64decode(qr_data_uri("https://example.org/certificates/verify/AbCdEfGhIjKlMnOpQrStUv/").split(",")[1])
    image = Image.open(io.BytesIO(png))
    # Version 4 or 5 for such a URL: 33 or 37 modules, plus a one-module border on each side.
    assert image.size[0] == image.size[1] and image.size[0] in (35, 39)
    css = (ROOT / "certificates/static/certificates/pdf.css").read_text()
    assert "image-rendering: pixelated" in css  # scaled up without blurring


@pytest.mark.django_db
def test_certificate_assets_are_read_once_per_process(monkeypatch, settings, tmp_path):
    core.pdf._immutable_media_bytes.cache_clear()
    asset = Path(settings.MEDIA_ROOT) / "certificates/assets/abc.png"
    asset.parent.mkdir(parents=True)
    Image.new("RGB", (4, 4), "navy").save(asset)
    reads = []
    original = core.pdf._read_media
    monkeypatch.setattr(core.pdf, "_read_media", lambda name: reads.append(name) or original(name))
    html = '<img src="/media/certificates/assets/abc.png" alt="emblem"><img src="/media/other/logo.png" alt="">'
    (Path(settings.MEDIA_ROOT) / "other").mkdir()
    Image.new("RGB", (4, 4), "red").save(Path(settings.MEDIA_ROOT) / "other/logo.png")
    for _ in range(3):
        assert core.pdf.render_pdf(html).startswith(b"%PDF")
    # Content-addressed assets once; other media (which may be replaced) every time.
    assert reads.count("certificates/assets/abc.png") == 1 and reads.count("other/logo.png") == 3
    core.pdf._immutable_media_bytes.cache_clear()
