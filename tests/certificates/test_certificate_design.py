"""The certificate as designed: emblem, signatures, one A4 landscape page for any name, tagged PDF/UA."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from pypdf import PdfReader
from wagtail.images import get_image_model

from academies.models import Signatory
from certificates.models import DEFAULT_WORDING, Kind
from certificates.pdf import DEFAULT_PALETTE, render_certificate, sample_certificate, size_classes
from demo.loaders.academy_artwork import draw_emblem, draw_signature

LONG_NAME = (
    "Shri Venkata Subramanya Lakshminarayana Ramachandra Krishnamurthy Raghunathan Srinivasa Iyengar "
    "Balasubramaniam Parthasarathy Chakravarti"
)[:150]
LONG_NAME_HI = ("श्री वेंकट सुब्रमण्य लक्ष्मीनारायण रामचंद्र कृष्णमूर्ति रघुनाथन श्रीनिवास अयंगर बालसुब्रमण्यम पार्थसारथी चक्रवर्ती राघवेंद्र")[
    :150
]
HINDI_WORDING = (
    "प्रमाणित किया जाता है कि {name}, {designation}, {court} ने {dates} को आयोजित {programme} “{title}” में भाग लिया "
    "और {hours} घंटे का प्रशिक्षण प्राप्त किया।"
)


def _pdf(body):
    return PdfReader(io.BytesIO(body))


def _struct_text(reader):
    """Every /Alt of the structure tree, and the document's language."""
    root = reader.trailer["/Root"]
    alts = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            if "/Alt" in node:
                alts.append(str(node["/Alt"]))
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid)
        elif isinstance(node, list):
            for kid in node:
                walk(kid)

    walk(root["/StructTreeRoot"])
    return alts, str(root.get("/Lang"))


def _squashed(text):
    return re.sub(r"\s+", "", text)


@pytest.fixture
def assets(settings, tmp_path):
    """An emblem and two signatures as certificate assets (as IssueContext copies them)."""
    from pathlib import Path

    folder = Path(settings.MEDIA_ROOT) / "certificates" / "assets"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "emblem.png").write_bytes(draw_emblem("Test State Judicial Academy", "TSJA", *DEFAULT_PALETTE))
    (folder / "one.png").write_bytes(draw_signature("Dr. Meera Iyer", "#1b2a6b"))
    (folder / "two.png").write_bytes(draw_signature("Shri Amandeep Sandhu", "#1b2a6b"))
    return {
        "logo_path": "certificates/assets/emblem.png",
        "signatories": [
            {"name": "Dr. Meera Iyer", "designation": "Director", "signature": "certificates/assets/one.png"},
            {
                "name": "Shri Amandeep Sandhu",
                "designation": "Registrar (Training)",
                "signature": "certificates/assets/two.png",
            },
        ],
    }


def _certificate(name, name_hi="", wording=DEFAULT_WORDING[Kind.ATTENDANCE], **values):
    filled = wording.format(
        name=name,
        designation="Additional District and Sessions Judge",
        court="Civil Court, Ranchi",
        programme="State-level colloquium",
        title="Trafficking in persons: the law after the BNS",
        venue="JSJA, Ranchi",
        dates="12–13 January 2026",
        hours="6.5",
    )
    return sample_certificate(
        recipient_name=name,
        recipient_name_devanagari=name_hi,
        designation="Additional District and Sessions Judge",
        court_or_office="Civil Court, Ranchi",
        title="Trafficking in persons: the law after the BNS",
        statement=filled,
        heading="Certificate of Attendance",
        academy_name="Test State Judicial Academy",
        hours="6.5",
        **values,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "name_hi", "wording", "layout"),
    [
        ("Anjali Verma", "अंजलि वर्मा", DEFAULT_WORDING[Kind.ATTENDANCE], "classic"),
        (LONG_NAME, LONG_NAME_HI, DEFAULT_WORDING[Kind.ATTENDANCE], "classic"),
        (LONG_NAME_HI, "", HINDI_WORDING, "classic"),
        (LONG_NAME, LONG_NAME_HI, HINDI_WORDING + "\n\n" + DEFAULT_WORDING[Kind.ATTENDANCE], "band"),
        (LONG_NAME, LONG_NAME_HI, DEFAULT_WORDING[Kind.ATTENDANCE], "plain"),
    ],
    ids=["short", "long-latin", "devanagari", "long-both-band", "long-plain"],
)
def test_one_tagged_page_for_any_name(assets, name, name_hi, wording, layout):
    cert = _certificate(name, name_hi, wording, layout=layout, **assets)
    body, _ = render_certificate(cert, primary_colour="#1f3a5f", accent_colour="#b8860b")
    reader = _pdf(body)
    assert len(reader.pages) == 1
    width, height = (float(value) for value in reader.pages[0].mediabox[2:])
    assert round(width / 72 * 25.4) == 297 and round(height / 72 * 25.4) == 210  # A4 landscape
    text = reader.pages[0].extract_text()
    # The whole name is printed (and copies out as typed), nothing clipped.
    assert _squashed(name) in _squashed(text)
    if name_hi:
        assert _squashed(name_hi) in _squashed(text)
    assert cert.serial in text
    alts, language = _struct_text(reader)
    assert language == "en"
    assert "Emblem of Test State Judicial Academy" in alts
    assert {"Signature of Dr. Meera Iyer", "Signature of Shri Amandeep Sandhu"} <= set(alts)
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]


def test_long_names_and_wording_step_down():
    assert size_classes(_certificate("Anjali Verma", "अंजलि वर्मा")) == ""
    assert size_classes(_certificate(LONG_NAME, LONG_NAME_HI)) == "name-longest name-hi-longer statement-long"


@pytest.mark.django_db
def test_issued_certificate_prints_the_academys_emblem_and_signature(judge, academy, issue):
    """The academy record's logo and signatory's signature image are copied at issue and printed."""
    images = get_image_model()
    academy.logo = images.objects.create(
        title="Emblem",
        file=ImageFile(io.BytesIO(draw_emblem(academy.name, academy.short_code, *DEFAULT_PALETTE)), name="e.png"),
    )
    academy.save(update_fields=["logo"])
    signature = images.objects.create(
        title="Signature", file=ImageFile(io.BytesIO(draw_signature("Dr. Test Director", "#1b2a6b")), name="s.png")
    )
    Signatory.objects.create(academy=academy, name="Dr. Test Director", designation="Director", signature=signature)
    cert, created = issue(judge, academy)
    assert created and cert.logo_path.startswith("certificates/assets/") and cert.logo_path.endswith(".jpg")
    assert cert.signatories[0]["signature"].endswith(".jpg")
    with cert.pdf.open("rb") as handle:
        reader = _pdf(handle.read())
    alts, _ = _struct_text(reader)
    assert f"Emblem of {academy.name}" in alts and "Signature of Dr. Test Director" in alts
    assert len(reader.pages[0]["/Resources"]["/XObject"]) >= 3  # emblem, signature and QR code


def test_emblems_and_signatures_are_stored_print_ready():
    """Copied at issue as a JPEG on white (WeasyPrint embeds it as it is, where a PNG is re-encoded
    on every render); what Pillow cannot read, such as an SVG, is kept as uploaded."""
    from PIL import Image

    from certificates.pdf import print_ready_image

    body, extension = print_ready_image(draw_signature("Dr. Meera Iyer", "#1b2a6b"))
    image = Image.open(io.BytesIO(body))
    assert extension == ".jpg" and image.format == "JPEG" and image.mode == "RGB"
    assert image.getpixel((0, 0)) == (255, 255, 255)  # the transparent background is now white
    huge = io.BytesIO()
    Image.new("RGB", (3000, 1000), "white").save(huge, format="PNG")
    assert max(Image.open(io.BytesIO(print_ready_image(huge.getvalue())[0])).size) == 800
    assert print_ready_image(b'<svg xmlns="http://www.w3.org/2000/svg"></svg>') is None
    assert print_ready_image(b"not an image") is None
