"""The module EPUB: a valid EPUB 3 container, package, navigation and chapters, lessons in order."""

import io
import posixpath
import zipfile
from xml.etree import ElementTree

import pytest

from offline_copies import services
from offline_copies.models import Kind
from offline_copies.xhtml import to_xhtml

pytestmark = pytest.mark.django_db

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}


def xml(data):
    """Parse XML the copy wrote (our own output, so the stdlib parser is fine); raises if not well-formed."""
    return ElementTree.fromstring(data)  # noqa: S314


@pytest.fixture
def book(module):
    copy = services.stored_copy(module, Kind.MODULE_EPUB)
    with copy.file.open("rb") as handle:
        return zipfile.ZipFile(io.BytesIO(handle.read()))


def test_mimetype_comes_first_uncompressed(book, module):
    first = book.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and not first.extra
    assert book.read("mimetype") == b"application/epub+zip"
    with services.stored_copy(module, Kind.MODULE_EPUB).file.open("rb") as handle:
        assert handle.read(58)[30:58] == b"mimetypeapplication/epub+zip"  # what readers sniff
    assert book.testzip() is None


def test_package_manifest_spine_and_navigation(book, module):
    container = xml(book.read("META-INF/container.xml"))
    opf_path = container.find("c:rootfiles/c:rootfile", NS).get("full-path")
    package = xml(book.read(opf_path))
    assert package.get("version") == "3.0"
    metadata = package.find("opf:metadata", NS)
    assert metadata.find("dc:title", NS).text == module.title
    assert metadata.find("dc:language", NS).text == "en"
    assert metadata.find("dc:identifier", NS).text.startswith("urn:uuid:")
    assert metadata.find("dc:creator", NS).text == "Jharkhand State Judicial Academy"
    modified = [m.text for m in metadata.findall("opf:meta", NS) if m.get("property") == "dcterms:modified"]
    assert len(modified) == 1 and modified[0].endswith("Z")

    base = posixpath.dirname(opf_path)
    items = {item.get("id"): item for item in package.find("opf:manifest", NS)}
    names = set(book.namelist())
    for item in items.values():  # every item is in the book, and every file of the book is listed
        assert posixpath.join(base, item.get("href")) in names
    listed = {posixpath.join(base, item.get("href")) for item in items.values()} | {
        "mimetype",
        "META-INF/container.xml",
        opf_path,
    }
    assert listed == names
    navs = [item for item in items.values() if "nav" in (item.get("properties") or "").split()]
    assert len(navs) == 1

    spine = [items[ref.get("idref")].get("href") for ref in package.find("opf:spine", NS)]
    assert spine[:2] == ["cover.xhtml", "nav.xhtml"]
    chapters = spine[2:]
    titles = [xml(book.read(posixpath.join(base, href))).find(".//x:h1", NS).text for href in chapters]
    assert titles == [f"Lesson {n}" for n in range(1, 7)]  # in the module's order

    nav = xml(book.read(posixpath.join(base, navs[0].get("href"))))
    toc = next(n for n in nav.iter(f"{{{NS['x']}}}nav") if n.get(f"{{{NS['epub']}}}type") == "toc")
    assert [a.get("href") for a in toc.iter(f"{{{NS['x']}}}a")] == chapters


def test_every_content_document_is_well_formed_xhtml_with_the_law_blocks(book):
    for name in book.namelist():
        if name.endswith(".xhtml"):
            xml(book.read(name))  # raises on anything not well-formed
    chapter = book.read("OEBPS/lesson-02.xhtml").decode()
    assert "Content note:" in chapter and "Describes the sexual exploitation of a minor." in chapter
    assert 'class="block-statute"' in chapter and "(formerly IPC 370)" in chapter
    assert "<cite>Vishal Jeet v. Union of India</cite>" in chapter
    assert "<br />" in chapter and "&amp; more" in chapter
    assert book.read("OEBPS/fonts/NotoSansDevanagari-Regular.ttf")[:4] == b"\x00\x01\x00\x00"


@pytest.mark.parametrize(
    ("html", "xhtml"),
    [
        ("<p>a<br>b</p>", "<p>a<br />b</p>"),
        ("<p>x &amp; y &lt; z &nbsp;</p>", "<p>x &amp; y &lt; z \xa0</p>"),
        ('<img src="/a.png" alt="A \'q\'">', '<img src="/a.png" alt="A &#x27;q&#x27;" />'),
        ("<ul><li>one<li>two</ul>", "<ul><li>one<li>two</li></li></ul>"),
        ("<p>stray</b> end", "<p>stray end</p>"),
        ("<input disabled>", '<input disabled="disabled" />'),
        ('<a:b x="1" x="2" 1y="3">t</a:b>', "t"),
        ("<p>\x01bell</p><!-- c -->", "<p>bell</p>"),
        ('<![><img src="]><b>x</b>', '&lt;![&gt;&lt;img src="]&gt;<b>x</b>'),
    ],
)
def test_html_is_rewritten_as_well_formed_xhtml(html, xhtml):
    assert to_xhtml(html) == xhtml
    xml(f"<div>{xhtml}</div>")
