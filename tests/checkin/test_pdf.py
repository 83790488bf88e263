"""The e-ticket and the name badges as printed: their text, their pages and their QR codes."""

import base64
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from checkin.pdf import render_badges, render_ticket, ticket_qr
from checkin.services import participant_ticket, ticket_holders
from colloquia.services import register
from tests.factories import make_user

from .conftest import approved

pytestmark = pytest.mark.django_db

DECODER = Path(__file__).resolve().parents[2] / "checkin" / "static" / "checkin" / "vendor" / "jsQR.js"


def pages_text(data):
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def embedded_fonts(data):
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def read_qr(png_data_uri):
    """Decode a QR code with the decoder the desk serves (jsQR, run by Node), as the desk's camera would."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: `make test` needs it (it runs `npm ci`).")
    image = Image.open(io.BytesIO(base64.b64decode(png_data_uri.split(",", 1)[1]))).convert("RGBA")
    image = image.resize((image.width * 8, image.height * 8), Image.NEAREST)  # as printed: modules several pixels wide
    script = (
        "const jsQR = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const found = jsQR(Uint8ClampedArray.from(Buffer.from(input.rgba, 'base64')), input.width, input.height);"
        "process.stdout.write(JSON.stringify(found ? found.data : null));"
    )
    payload = {"rgba": base64.b64encode(image.tobytes()).decode(), "width": image.width, "height": image.height}
    result = subprocess.run(  # noqa: S603 - a fixed program and arguments
        [node, "-e", script, str(DECODER)], input=json.dumps(payload), capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_the_e_ticket_prints_who_what_where_and_the_number(event):
    user = make_user("prosecutor", full_name="Meena Das", designation="Additional Public Prosecutor")
    registration = participant_ticket(user, register(user, event).pk)
    (text,) = pages_text(render_ticket(registration))
    for expected in (
        "Meena Das",
        "Additional Public Prosecutor",
        "Public prosecutor",
        event.title,
        event.dates_label,
        event.venue,
        registration.ticket.number,
        event.academy.name,
    ):
        assert expected in text, expected


def test_a_name_in_devanagari_is_printed_in_its_own_font(event):
    user = make_user("district_judge", full_name="Asha Verma", name_devanagari="आशा वर्मा")
    registration = participant_ticket(user, register(user, event).pk)
    assert any("Noto-Sans-Devanagari" in name for name in embedded_fonts(render_ticket(registration)))


def test_a_ticket_without_devanagari_embeds_no_devanagari_font(event):
    registration = approved(event, "police")
    registration = participant_ticket(registration.user, registration.pk)
    assert not any("Devanagari" in name for name in embedded_fonts(render_ticket(registration)))


def test_the_qr_code_reads_back_as_the_ticket_number():
    assert read_qr(ticket_qr("K7QM-3XZ9-HP2D")) == "K7QM-3XZ9-HP2D"


def test_badges_are_eight_to_a_sheet(event):
    people = [approved(event, full_name=f"Participant {n:02d}") for n in range(1, 10)]
    holders = ticket_holders(event)
    first, second = pages_text(render_badges(event, holders))
    on_first = [p for p in people if p.user.full_name in first]
    on_second = [p for p in people if p.user.full_name in second]
    assert len(on_first) == 8 and [p.user.full_name for p in on_second] == ["Participant 09"]
    assert first.count(event.title) == 8 and second.count(event.title) == 1
    assert "District/Sessions judge" in second


def test_a_badge_prints_name_designation_category_and_event(event):
    user = make_user("police", full_name="Ravi Kumar", designation="Inspector, AHTU Ranchi")
    register(user, event)
    (text,) = pages_text(render_badges(event, ticket_holders(event)))
    for expected in ("Ravi Kumar", "Inspector, AHTU Ranchi", "Police nodal officer (AHTU)", event.title):
        assert expected in text, expected


def without_spaces(text):
    # Extractors guess word spaces from glyph positions, and a reph drawn above the next letter
    # fools them into extra spaces (see tests/certificates/test_pdf_markup.py): compare without them.
    return "".join(text.split())


@pytest.mark.parametrize("name", ["आशा वर्मा", "प्रज्ञा द्विवेदी", "श्री सुरेश कुमार शर्मा", "कमल कमला"])
def test_a_hindi_name_copies_out_of_the_e_ticket_as_typed(event, name):
    user = make_user("district_judge", full_name="Asha Verma", name_devanagari=name)
    registration = participant_ticket(user, register(user, event).pk)
    (text,) = pages_text(render_ticket(registration))
    assert without_spaces(name) in without_spaces(text)


def test_hindi_names_copy_out_of_a_sheet_of_badges_as_typed(event):
    # Many names on one document share its glyph maps: the badges use every alias there is.
    names = [
        "आशा वर्मा",
        "प्रज्ञा द्विवेदी",
        "श्री सुरेश कुमार शर्मा",
        "कमल कमला",
        "अर्जुन सिंह राठौर",
        "लक्ष्मी त्रिपाठी",
        "कृष्ण चतुर्वेदी",
        "रश्मि श्रीवास्तव",
        "विक्रम भट्ट",
        "ज्योति मिश्रा",
    ]
    for number, name in enumerate(names):
        approved(event, full_name=f"Participant {number:02d}", name_devanagari=name)
    text = without_spaces("".join(pages_text(render_badges(event, ticket_holders(event)))))
    for name in names:
        assert without_spaces(name) in text, name


def test_hindi_text_in_the_event_and_designation_copies_out_too(event):
    event.title = "मानव तस्करी पर राज्य संगोष्ठी"
    user = make_user("prosecutor", full_name="Meena Das", designation="अपर लोक अभियोजक")
    registration = participant_ticket(user, register(user, event).pk)
    registration.page = event
    (text,) = pages_text(render_ticket(registration))
    assert without_spaces(event.title) in without_spaces(text)
    assert without_spaces("अपर लोक अभियोजक") in without_spaces(text)
