"""What an offline copy is made from: the published module, its lessons in order, and a key that
changes whenever any of them is published again (or the copy's templates change).

A copy is made in the language of the request that asks for it (its headings, notes and dates;
the lessons are as published), so the key holds the language too: each language has its own copy."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template.loader import get_template
from django.utils import timezone, translation

from courses.services import module_of

from ..models import Kind

APP_DIR = Path(__file__).resolve().parent.parent
# Every template and stylesheet a copy is rendered from: a deploy that changes one makes new copies.
TEMPLATES = (
    "offline_copies/pdf/lesson.html",
    "offline_copies/pdf/module.html",
    "offline_copies/pdf/lesson_section.html",
    "offline_copies/blocks/embed.html",
    "offline_copies/includes/facts.html",
    "offline_copies/epub/chapter.xhtml",
    "offline_copies/epub/cover.xhtml",
    "offline_copies/epub/nav.xhtml",
    "offline_copies/epub/package.opf",
    "offline_copies/epub/style.css",
    "blocks/statute_block.html",
    "blocks/case_block.html",
    "blocks/heading_block.html",
    "blocks/callout_block.html",
    "blocks/document_block.html",
)
STYLESHEETS = ("static/offline_copies/pdf.css", "../core/static/core/devanagari.css")
# Part of every key: raise it when a change to the rendering code (not a template) changes the copies.
COPY_FORMAT = 3  # 3: the language is part of the key


@dataclass
class Source:
    """A lesson or module as published, and what its copies are called."""

    kind: str
    page: object  # the page the copy belongs to (the lesson for a lesson PDF, else the module)
    module: object
    lessons: list  # the module's live lessons in order (bodies deferred until rendered)
    key: str
    published_at: datetime
    lesson_position: int | None = None  # a lesson PDF's place in the module, from 1
    extra: dict = field(default_factory=dict)
    key_parts: tuple = ()  # what the key is made from, but the language

    @property
    def keys(self):
        """The source's key in every language of the site: the current copies, one per language."""
        return [_key(*self.key_parts, language=code) for code, _name in settings.LANGUAGES]

    @property
    def revision_id(self):
        return self.page.live_revision_id

    @property
    def filename(self):
        """Module slug and revision date, e.g. `the-trafficking-offence-2026-12-06.pdf`."""
        date = timezone.localtime(self.published_at).date().isoformat()
        if self.kind == Kind.LESSON_PDF:
            return f"{self.module.slug}-{self.lesson_position:02d}-{self.page.slug}-{date}.pdf"
        extension = "epub" if self.kind == Kind.MODULE_EPUB else "pdf"
        return f"{self.module.slug}-{date}.{extension}"


def lesson_model():
    return apps.get_model("courses", "LessonPage")


def module_model():
    return apps.get_model("courses", "CoursePage")


def live_lessons(module):
    """The module's live lessons in tree order, without their bodies (read when a copy is rendered)."""
    return list(lesson_model().objects.live().child_of(module).order_by("path").defer("body"))


def with_bodies(lessons):
    """The same lessons with their bodies, in the same order, in one query."""
    by_pk = lesson_model().objects.in_bulk([lesson.pk for lesson in lessons])
    return [by_pk[lesson.pk] for lesson in lessons if lesson.pk in by_pk]


@lru_cache(maxsize=1)
def templates_fingerprint():
    digest = hashlib.sha256()
    for name in TEMPLATES:
        digest.update(get_template(name).template.source.encode())
    for path in STYLESHEETS:
        digest.update((APP_DIR / path).read_bytes())
    return digest.hexdigest()[:12]


def _key(*parts, language=None):
    """The key of a copy made from `parts` in `language` (the active language by default)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    text = "|".join(str(part) for part in (*parts, COPY_FORMAT, templates_fingerprint(), language))
    return hashlib.sha256(text.encode()).hexdigest()


def _stamp(page):
    # A page published without a revision (a fixture) still changes its key when republished.
    return f"{page.pk}:{page.live_revision_id}:{page.last_published_at and page.last_published_at.isoformat()}"


def _published_at(pages):
    dates = [p.last_published_at or p.first_published_at for p in pages]
    dates = [d for d in dates if d]
    return max(dates) if dates else timezone.now()


def module_source(module, kind):
    """The source of a module PDF or EPUB: the module and every live lesson, as published."""
    lessons = live_lessons(module)
    parts = (kind, _stamp(module), *(_stamp(lesson) for lesson in lessons))
    return Source(
        kind=kind,
        page=module,
        module=module,
        lessons=lessons,
        key=_key(*parts),
        key_parts=parts,
        published_at=_published_at([module, *lessons]),
    )


def lesson_source(lesson):
    """The source of a lesson PDF: the lesson, and the module's title and its place in it."""
    module = module_of(lesson)
    lessons = live_lessons(module)
    position = next((i + 1 for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    parts = (Kind.LESSON_PDF, _stamp(lesson), _stamp(module), position, len(lessons))
    return Source(
        kind=Kind.LESSON_PDF,
        page=lesson,
        module=module,
        lessons=lessons,
        key=_key(*parts),
        key_parts=parts,
        published_at=_published_at([lesson]),
        lesson_position=position,
    )
