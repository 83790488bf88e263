import pytest

from tests.courses.conftest import make_index, make_module


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def law_lessons(module):
    """Give the module's lessons the blocks a copy must keep: content note, statute, case law, key point, video."""
    for lesson in module.get_children().specific():
        lesson.content_note = "Describes the sexual exploitation of a minor."
        lesson.body = [
            ("heading", {"text": f"Why {lesson.title} matters", "level": "h2"}),
            (
                "paragraph",
                f"<p>Text of {lesson.title}, with <a href='/modules/'>a link</a> &amp; more.<br>Next line.</p>",
            ),
            (
                "statute",
                {"act": "BNS", "section": "143", "old_act": "IPC", "old_section": "370", "summary": "Trafficking."},
            ),
            (
                "case",
                {"name": "Vishal Jeet v. Union of India", "citation": "(1990) 3 SCC 318", "holding": "Directions."},
            ),
            ("callout", {"title": "Key point", "body": "<p>Consent is immaterial.</p>"}),
            ("embed", "https://www.youtube.com/watch?v=abc123"),
        ]
        publish(lesson)


@pytest.fixture
def module(academy):
    module = make_module(make_index(academy.page), lessons=6, questions=2, title="Trafficking after July 2024")
    law_lessons(module)
    return publish(module)
