"""Rendering copies: lesson and module PDFs through core.pdf (tagged PDF/UA), the module EPUB here."""

import datetime
import io
import re
import uuid
import zipfile
from html import unescape

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from academies.services import academy_for_page
from core.devanagari import MAX_ALIASES, DevanagariMarkup
from core.formatting import format_hours
from core.pdf import INTERNAL_ORIGIN, RefusedResource, read_resource, render_pdf
from core.site import absolute_url

from ..xhtml import to_xhtml
from .bodies import body_html
from .sources import with_bodies

PDF_STYLESHEETS = ("offline_copies/pdf.css",)
DEVANAGARI_STYLESHEET = "core/devanagari.css"
EPUB_FONTS = ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf")
CONTAINER_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles>'
    "</container>\n"
)
# Whitespace at the edges of block elements lays out as empty anonymous boxes, which WeasyPrint costs
# time for (docs/certificates.md, "Speed"); whitespace between inline elements is kept (it is a space).
_BLOCK_TAG = r"</?(?:html|head|meta|title|body|section|nav|aside|footer|div|p|h[1-6]|ul|ol|li)\b"
_AFTER_BLOCK = re.compile(rf"({_BLOCK_TAG}[^>]*>)\s+")
_BEFORE_BLOCK = re.compile(rf"\s+(?={_BLOCK_TAG})")
_IMG_SRC = re.compile(r'<img\b[^>]*?\ssrc="([^"]+)"[^>]*/>')
_ALT = re.compile(r'\salt="([^"]*)"')


def tight(html):
    return _BEFORE_BLOCK.sub("", _AFTER_BLOCK.sub(r"\1", html))


_DEVANAGARI = re.compile("[\u0900-\u097f]")
_TEXT = re.compile(r">([^<]+)<")


def devanagari_text(html):
    """Set the Devanagari in the body's text in core.devanagari's font aliases, so that it copies out of
    the PDF as typed; (stylesheets, HTML). English text is left alone and costs nothing."""
    head, marker, body = html.partition("<body")
    if not marker or not _DEVANAGARI.search(body):
        return PDF_STYLESHEETS, html
    markup = DevanagariMarkup(aliases=MAX_ALIASES)

    def mark(match):
        text = match.group(1)
        if not _DEVANAGARI.search(text):
            return match.group(0)
        # The markup collapses whitespace; the spaces at the ends of a text node separate it from its neighbours.
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        return f">{lead and ' '}{markup(unescape(text))}{trail and ' '}<"

    return (*PDF_STYLESHEETS, DEVANAGARI_STYLESHEET), head + marker + _TEXT.sub(mark, body)


def _render(html):
    stylesheets, html = devanagari_text(tight(html))
    return render_pdf(html, stylesheets=stylesheets)


def page_address(page):
    url = page.url or "/"
    return url if url.startswith("http") else absolute_url(url)


def _hours(value):
    """ "about 2 hours" reads "2 hours" here: the figure with its unit, in the active language."""
    figure = format_hours(value)
    return ngettext("%(hours)s hour", "%(hours)s hours", 1 if figure == "1" else 2) % {"hours": figure}


def _common(source):
    academy = academy_for_page(source.module)
    return {
        "language": translation.get_language() or "en",
        "module": source.module,
        "author": academy.name if academy else "Colloquium",
        "published_at": source.published_at,
        "page_url": page_address(source.page),
        "lesson_count": len(source.lessons),
        "hours": _hours(source.module.estimated_hours),
    }


def _notes_by_lesson(notes):
    grouped = {}
    for note in notes or ():
        grouped.setdefault(note["lesson"].pk, []).append(note)
    return grouped


def lesson_pdf(source):
    """One lesson as a tagged PDF: its module and place, content note, body."""
    (lesson,) = with_bodies([source.page])
    item = {"lesson": lesson, "position": source.lesson_position, "body": body_html(lesson)}
    html = render_to_string("offline_copies/pdf/lesson.html", {**_common(source), "lesson": lesson, "item": item})
    return _render(html)


def module_pdf(source, *, notes=None, reader=""):
    """The whole module as a tagged PDF: title page, contents with page numbers, one lesson a page on.

    `notes` (notes.services.notes_for) puts a learner's own notes after each lesson: such a copy
    is rendered for that learner alone and never stored.
    """
    by_lesson = _notes_by_lesson(notes)
    items = [
        {"lesson": lesson, "position": n, "body": body_html(lesson, demote=1), "notes": by_lesson.get(lesson.pk)}
        for n, lesson in enumerate(with_bodies(source.lessons), start=1)
    ]
    context = {**_common(source), "items": items, "notes": notes, "reader": reader, "generated_at": timezone.now()}
    html = render_to_string("offline_copies/pdf/module.html", context)
    return _render(html)


def _package_images(xhtml, resources):
    """Put the media images a body shows into the book; an image that cannot be read leaves its alt text."""

    def replace(match):
        tag, src = match.group(0), match.group(1)
        try:
            body, media_type = read_resource(INTERNAL_ORIGIN + src) if src.startswith("/") else (None, None)
        except RefusedResource:
            body = None
        if not body or not media_type.startswith("image/"):
            alt = _ALT.search(tag)
            return f'<span class="image-missing">{alt.group(1) if alt else ""}</span>'
        number = len(resources) + 1
        extension = src.rsplit(".", 1)[-1].lower()[:5]
        href = f"images/image-{number}.{extension}"
        resources.append({"id": f"image-{number}", "href": href, "media_type": media_type, "body": body})
        return tag.replace(f'src="{src}"', f'src="{href}"', 1)

    return _IMG_SRC.sub(replace, xhtml)


def module_epub(source):
    """The whole module as an EPUB 3: a title page, the navigation document, one chapter per lesson.

    Written with zipfile and templates: the format is a zip of a few XML files, and the lesson HTML
    must be re-serialised as XHTML (offline_copies.xhtml) whatever library wrote the zip.
    """
    common = _common(source)
    resources, chapters = [], []
    for n, lesson in enumerate(with_bodies(source.lessons), start=1):
        body = _package_images(to_xhtml(body_html(lesson)), resources)
        chapters.append(
            {"id": f"lesson-{n:02d}", "href": f"lesson-{n:02d}.xhtml", "position": n, "lesson": lesson, "body": body}
        )
    for name in EPUB_FONTS:
        resources.append({"id": name.rsplit(".", 1)[0], "href": f"fonts/{name}", "media_type": "font/ttf"})
    modified = source.published_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    package = render_to_string(
        "offline_copies/epub/package.opf",
        {
            **common,
            "identifier": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, common['page_url'] + '#' + source.key)}",
            "modified": modified,
            "chapters": chapters,
            "resources": resources,
            "has_images": any(r["media_type"].startswith("image/") for r in resources),
        },
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        # The mimetype comes first and uncompressed, so a reader can recognise the file by its first bytes.
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)

        def add(name, content):
            book.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)

        add("META-INF/container.xml", CONTAINER_XML)
        add("OEBPS/package.opf", package)
        add("OEBPS/nav.xhtml", render_to_string("offline_copies/epub/nav.xhtml", {**common, "chapters": chapters}))
        add("OEBPS/cover.xhtml", render_to_string("offline_copies/epub/cover.xhtml", common))
        # The book's own stylesheet (its fonts are files inside the book), so not a static file of the site.
        add("OEBPS/style.css", render_to_string("offline_copies/epub/style.css"))
        for chapter in chapters:
            context = {**common, "chapter": {**chapter, "body": mark_safe(chapter["body"])}}  # noqa: S308 - re-serialised
            add(f"OEBPS/{chapter['href']}", render_to_string("offline_copies/epub/chapter.xhtml", context))
        for resource in resources:
            if "body" in resource:
                add(f"OEBPS/{resource['href']}", resource["body"])
            else:
                with open(finders.find(f"core/fonts/{resource['href'].rsplit('/', 1)[-1]}"), "rb") as handle:
                    add(f"OEBPS/{resource['href']}", handle.read())
    return buffer.getvalue()
