"""The part of a lesson page that reads the same for every learner, rendered once and kept in the cache.

Most of a lesson page is shared: the breadcrumb (module, "Lesson 2 of 6"), the title, the content
note and the body with its statute and case-law blocks. Only the learner's own parts change from
one request to the next: progress, the completed state, the "mark complete" form with its CSRF
token, and which link onward is offered. `shared_lesson()` renders the shared part once per
lesson revision, language and content generation; `lesson_page.html` puts the learner's parts
around it on every request.

A module rather than Django's `{% cache %}` tag: the shared part is rendered from a context that
holds only the page, its module and its place in the module, with no request. No user, session,
message or CSRF token can get into it, whatever a later template change adds, and the key is
spelt out in one place instead of in a template's arguments.

What the key holds, and why:
- the page's id, live revision and publication time: a republish gives a fresh render, while a
  draft saved meanwhile changes nothing readers see;
- the active language (the law blocks translate their labels);
- a fingerprint of the templates it is rendered from, so HTML from old templates is never
  served after a deploy, even from a cache that outlives the processes (CACHE_URL);
- the content generation (`core.cache.cached_fragment` adds it): publishing, moving or deleting
  any page, and saving images, documents or sites, starts a new one, which covers what the body
  shows of other objects (the module's title, the lesson's place, linked pages, images, documents).
  Data that only page-cache tags invalidate (`core.cache.depends_on`, e.g. a resource link
  block, should lessons offer one) is not covered, so a body that declares a tag is never kept.

It is on while the page cache is (`PAGE_CACHE_SECONDS` above 0, as in production; off under
`DEBUG`, so a template edit shows at once, and in tests unless they turn it on), and never for
previews, which show a draft under the live page's id. Permissions are not its concern: Wagtail's
routing and view restrictions run before a lesson's context is built, so nobody reaches the
shared part of a page they may not read.
"""

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from django.template.loader import get_template, render_to_string
from django.utils import translation

from core import cache as content_cache

from .blocks import LessonStreamBlock

HEADING_TEMPLATE = "courses/includes/lesson_heading.html"
CONTENT_TEMPLATE = "courses/includes/lesson_content.html"
# Kept instead of the HTML for a revision whose body declares page-cache tags (see shared_lesson).
DECLARES_TAGS = "courses.lesson-cache.declares-tags"


@dataclass(frozen=True)
class SharedLesson:
    """The shared HTML of a lesson page, in two parts: the learner's progress goes between them."""

    heading: str  # breadcrumb and title
    content: str  # content note and body


def shared_lesson(request, page, *, module, position, lesson_count):
    """The shared part of `page` (a LessonPage), from the cache when it may be kept there.

    `position` is the lesson's place in its module (from 1; None when it is not listed, as in a
    preview of an unpublished lesson) and `lesson_count` the number of lessons listed.
    """

    def render():
        return render_shared_lesson(page, module=module, position=position, lesson_count=lesson_count)

    if getattr(request, "is_preview", False) or not content_cache.timeout():
        return render()
    published = page.last_published_at.timestamp() if page.last_published_at else ""
    key = (
        f"courses.lesson.{page.pk}.{page.live_revision_id}.{published}."
        f"{translation.get_language()}.{templates_fingerprint()}"
    )
    stored = content_cache.cached_fragment(key)
    if stored == DECLARES_TAGS:
        return render()
    if stored is not None:
        return stored
    with content_cache.recording_dependencies() as declared:
        shared = render()
    if declared:
        # A block showed data that tags invalidate (core.cache.depends_on), which the content
        # generation does not cover: never kept. Rendered again outside the recording, so its
        # tags reach the page around it, taken before the data is read, as depends_on requires.
        content_cache.remember(key, DECLARES_TAGS)
        return render()
    return content_cache.remember(key, shared)


def render_shared_lesson(page, *, module, position, lesson_count):
    """Render the shared part (safe HTML). Its context has no request: nothing personal can get into it."""
    context = {"page": page, "module": module, "position": position, "lesson_count": lesson_count}
    return SharedLesson(
        heading=render_to_string(HEADING_TEMPLATE, context), content=render_to_string(CONTENT_TEMPLATE, context)
    )


@lru_cache(maxsize=1)
def templates_fingerprint():
    """A short hash of the text of every template the shared part is rendered from (once per process)."""
    names = {HEADING_TEMPLATE, CONTENT_TEMPLATE} | _block_templates(LessonStreamBlock())
    digest = hashlib.sha256()
    for name in sorted(names):
        digest.update(name.encode())
        digest.update(get_template(name).template.source.encode())
    return digest.hexdigest()[:12]


def _block_templates(block):
    """The templates of `block` and of the blocks inside it (StreamBlock, StructBlock, ListBlock)."""
    names = {block.meta.template} if getattr(block.meta, "template", None) else set()
    children = list(getattr(block, "child_blocks", {}).values())
    if hasattr(block, "child_block"):
        children.append(block.child_block)
    for child in children:
        names |= _block_templates(child)
    return names
