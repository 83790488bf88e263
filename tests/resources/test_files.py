"""The file check: type from content, extension must match, hostile files refused with the reason."""

import pytest
from django.core.exceptions import ValidationError

from resources.files import check_upload, name_problem, sanitise_name
from tests.resources.builders import PDF, jpeg_bytes, odt_bytes, ooxml_bytes, png_bytes, upload
from tests.resources.pdf_builder import document


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.pdf", PDF, "pdf"),
        ("photo.png", png_bytes(), "png"),
        ("photo.JPG", jpeg_bytes(), "jpeg"),
        ("photo.jpeg", jpeg_bytes(), "jpeg"),
        ("notes.docx", ooxml_bytes("docx"), "docx"),
        ("slides.pptx", ooxml_bytes("pptx"), "pptx"),
        ("sheet.xlsx", ooxml_bytes("xlsx"), "xlsx"),
        ("text.odt", odt_bytes(), "odt"),
    ],
)
def test_accepted_kinds(name, data, kind):
    checked = check_upload(upload(name, data))
    assert checked.kind == kind
    assert checked.content_type
    assert len(checked.sha256) == 64


def refused(name, data, settings=None):
    with pytest.raises(ValidationError) as error:
        check_upload(upload(name, data))
    return " ".join(error.value.messages)


def test_renamed_executable_is_refused():
    assert "is a program (executable)" in refused("guide.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    assert "program" in refused("setup.exe", b"MZ\x90\x00" + b"\x00" * 200)
    assert "is a program" in refused("photo.png", b"\x7fELF\x02\x01\x01" + b"\x00" * 200)


def test_svg_with_script_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert "SVG images can carry scripts" in refused("logo.svg", svg)
    assert "SVG image" in refused("logo.png", svg)


def test_html_disguised_as_pdf_is_refused():
    message = refused("judgment.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>")
    assert "named .pdf but its content is a web page (HTML)" in message


def test_oversize_is_refused(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    message = refused("big.pdf", PDF + b"0" * 2000)
    assert "the limit is 1000" in message


def test_path_traversal_name_is_refused():
    with pytest.raises(ValidationError, match="folder path"):
        check_upload(upload("x.pdf", PDF), "../../etc/passwd.pdf")
    with pytest.raises(ValidationError, match="folder path"):
        check_upload(upload("x.pdf", PDF), "..\\..\\boot.ini.pdf")
    with pytest.raises(ValidationError, match="control characters"):
        check_upload(upload("x.pdf", PDF), "report\x00.exe.pdf")


def test_zip_slip_inside_office_file_is_refused():
    data = ooxml_bytes("docx", extra=[("../../evil.sh", "rm -rf /")])
    assert "path traversal" in refused("notes.docx", data)


def test_macros_are_refused():
    data = ooxml_bytes("docx", extra=[("word/vbaProject.bin", b"\x00")])
    assert "macros" in refused("notes.docx", data)
    assert "macros" in refused("notes.docm", data)


def test_extension_must_match_content():
    assert "not a Word document" in refused("notes.docx", ooxml_bytes("xlsx"))
    assert "named .jpg" in refused("photo.jpg", png_bytes())
    assert "named .pdf" in refused("doc.pdf", ooxml_bytes("docx"))


def test_pdf_with_javascript_is_refused():
    # More encodings (every filter, object streams, hex strings, links) in test_pdf_active_content.py.
    evil = document(catalog_extra="/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>").build()
    assert "the PDF contains JavaScript" in refused("report.pdf", evil)
    hidden = document(catalog_extra="/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>").build()
    assert "the PDF contains JavaScript" in refused("report.pdf", hidden)


def test_pdf_with_javascript_in_compressed_stream_is_refused():
    pdf = document(catalog_extra="/OpenAction 4 0 R").add_compressed(4, "<< /S /JavaScript /JS (app.alert\\(1\\)) >>")
    assert "the PDF contains JavaScript" in refused("report.pdf", pdf.build(objstm_filters=("FlateDecode",)))


def test_pixel_flood_is_refused(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
    assert "too large" in refused("big.png", png_bytes(size=(20, 20)))


def test_disallowed_types_are_named():
    assert "archives are not accepted" in refused("bundle.zip", ooxml_bytes("docx"))
    assert "only PDF, DOCX" in refused("anim.gif", b"GIF89a" + b"\x00" * 50)
    assert "scripts" in refused("run.sh", b"#!/bin/sh\necho hi\n")


def test_image_metadata_is_dropped():
    data = png_bytes(text_chunk="<script>alert(1)</script>")
    assert b"<script>" in data
    checked = check_upload(upload("photo.png", data))
    assert b"<script>" not in checked.content


@pytest.mark.parametrize(
    "raw",
    [
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "a" * 300 + ".pdf",
        "репорт.pdf",
        "<script>.pdf",
        "CON",
        ".htaccess",
    ],
)
def test_sanitised_names_are_safe(raw):
    name = sanitise_name(raw)
    assert "/" not in name and "\\" not in name and ".." not in name
    assert len(name) <= 100
    assert not name.startswith(".")
    assert "<" not in name


def test_name_problem_allows_plain_names():
    assert name_problem("Annual report 2024 (final).pdf") == ""
    assert name_problem("../x.pdf")
