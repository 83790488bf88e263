"""Site search answers any text with results or "Nothing found", and shows each result's summary.

Database-agnostic: the same tests run on SQLite (FTS5) and PostgreSQL (tsquery).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from courses.models import LessonPage
from home import search as site_search
from home.models import StandardPage
from home.search import result_summary
from resources.models import ResourceIndexPage
from tests.colloquia.conftest import make_event
from tests.colloquia.conftest import make_index as make_colloquium_index
from tests.courses.conftest import make_index as make_course_index
from tests.courses.conftest import make_module

# Search reads Wagtail's index, which tests/conftest.py keeps up to date only when asked.
pytestmark = pytest.mark.indexes

MESSAGES = ("found for", "Nothing found for")

# Text that is (or was) full-text query syntax: quotes, operators, column filters, prefixes,
# grouping, escapes, a NUL character; other scripts; very long text.
AWKWARD = [
    '"',
    '""',
    'a"b',
    "'",
    "\\",
    "a OR",
    "OR",
    "AND",
    "NOT",
    "a AND b",
    "a NOT b",
    "NEAR(a b)",
    "data:",
    "family:",
    "title:foo",
    ":",
    "a:b:c",
    "*",
    "a*",
    "^a",
    "-1",
    "+",
    "(",
    ")",
    "{a b}",
    "[a]",
    "%",
    "_",
    "; DROP TABLE wagtailcore_page; --",
    "मानव तस्करी",
    "तस्करी",
    "पुलिस।",
    "x" * 1000,
    '"' * 1000,
    "ट" * 1000,
    "trafficking " * 100,
]

# No letter or digit at all: nothing can match.
NO_WORDS = ['"', '""', "'", "\\", ":", "*", "+", "(", "{}", "%", "_", "-", "^", '"' * 1000, "।"]

# The word "trafficking" wrapped in syntax: the page that has it is found.
WRAPPED = [
    '"trafficking',
    'trafficking"',
    '"trafficking"',
    "trafficking:",
    "(trafficking)",
    "trafficking*",
    "+trafficking",
    "-trafficking",
    "trafficking'",
    "{trafficking}",
    "^trafficking",
    "TRAFFICKING",
    "trafficking\\",
]


@pytest.fixture
def about(home):
    page = StandardPage(title="About the platform", slug="about", introduction="Training on human trafficking law.")
    home.add_child(instance=page)
    return page


@pytest.fixture
def pages(home, academy, about):
    """One searchable page of each kind, each mentioning trafficking in its own summary field."""
    module = make_module(make_course_index(home), title="Anti-trafficking module", lessons=0, questions=0)
    lesson = LessonPage(
        title="Witness protection",
        slug="witness-protection",
        body=[
            ("heading", {"text": "Why it matters", "level": "h2"}),
            ("paragraph", "<p>Protecting <b>witnesses</b> of trafficking in court.</p>"),
            ("statute", {"act": "BNS", "section": "143", "old_act": "IPC", "old_section": "370", "summary": "s"}),
        ],
    )
    module.add_child(instance=lesson)
    event = make_event(
        make_colloquium_index(academy.page),
        title="Colloquium on BNSS",
        introduction="<p>Two days on <i>trafficking</i> cases.</p>",
    )
    return {"about": about, "module": module, "lesson": lesson, "event": event}


def search(client, text, **params):
    response = client.get("/search/", {"q": text, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_results_show_each_page_with_its_summary(client, pages):
    body = search(client, "trafficking")
    assert "4 pages found" in body
    for page, summary in [
        ("about", "Training on human trafficking law."),
        ("module", "About trafficking law."),
        ("lesson", "Protecting witnesses of trafficking in court."),
        ("event", "Two days on trafficking cases."),
    ]:
        assert pages[page].title in body, page
        assert summary in body, page


@pytest.mark.parametrize("text", AWKWARD)
def test_any_text_gives_results_or_nothing_found(client, pages, text):
    body = search(client, text)
    assert any(message in body for message in MESSAGES)


@pytest.mark.parametrize("text", NO_WORDS)
def test_text_without_words_finds_nothing(client, about, text):
    assert "Nothing found for" in search(client, text)


@pytest.mark.parametrize("text", WRAPPED)
def test_query_syntax_around_a_word_is_ignored(client, about, text):
    body = search(client, text)
    assert "1 page found" in body
    assert about.title in body


def test_pagination_and_bad_page_numbers(client, home):
    for n in range(25):
        home.add_child(instance=StandardPage(title=f"Trafficking note {n}", slug=f"note-{n}", introduction="Note."))
    assert search(client, "trafficking").count("<li><h2>") == 20
    second = search(client, "trafficking", page="2")
    assert second.count("<li><h2>") == 5 and "Page 2 of 2" in second
    for bad in ["0", "-1", "abc", "²", "99999999999999999999", "9" * 5000, "1.5"]:
        body = search(client, "trafficking", page=bad)
        assert "25 pages found" in body, bad
        assert "Page 1 of 2" in body or "Page 2 of 2" in body, bad


def test_the_search_words_stay_in_the_page_links(client, home):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    for n in range(45):
        home.add_child(instance=StandardPage(title=f"Trafficking note {n}", slug=f"note-{n}", introduction="Note."))
    get_document_model().objects.create(title="Trafficking note handbook", file=ContentFile(b"%PDF-1.4", name="h.pdf"))
    first = search(client, "trafficking note")
    second = search(client, "trafficking note", page="2")
    last = search(client, "trafficking note", page="3")
    assert '<link rel="next" href="/search/?q=trafficking+note&amp;page=2">' in first
    assert '<link rel="prev"' not in first
    assert '<link rel="prev" href="/search/?q=trafficking+note">' in second
    assert '<link rel="next" href="/search/?q=trafficking+note&amp;page=3">' in second
    assert '<link rel="next"' not in last and '<ol class="search-results" start="41">' in last
    assert '<a href="/search/?q=trafficking+note&amp;page=2" aria-label="Page 2" aria-current="page">2</a>' in second
    # Documents are listed once, with the first page of results.
    assert "Trafficking note handbook" in first and "Trafficking note handbook" not in second


def test_summary_is_the_search_description_when_there_is_one(pages):
    about = pages["about"]
    about.search_description = "What Colloquium is for."
    assert result_summary(about) == "What Colloquium is for."


def test_summary_falls_back_to_the_first_indexed_text_of_the_page_type(pages):
    assert result_summary(pages["about"]) == "Training on human trafficking law."
    assert result_summary(pages["module"]) == "About trafficking law."
    # Rich text gives plain text; a stream gives its paragraphs, not its headings or statute references.
    assert result_summary(pages["lesson"]) == "Protecting witnesses of trafficking in court."
    assert result_summary(pages["event"]) == "Two days on trafficking cases."


def test_summary_is_cut_to_forty_words(about):
    about.introduction = " ".join(f"word{n}" for n in range(100))
    summary = result_summary(about)
    assert summary.split()[:-1] == [f"word{n}" for n in range(40)]
    assert summary.endswith(" …")


def test_a_page_type_with_no_indexed_text_has_an_empty_summary(home):
    page = ResourceIndexPage(title="Resources", slug="resources")
    home.add_child(instance=page)
    assert result_summary(page) == ""


def test_results_are_in_order_of_relevance_across_the_pages_of_results(client, home):
    # Notes that mention the word once, in long introductions, and one page named for it.
    filler = " ".join(f"filler{n}" for n in range(60))
    for n in range(24):
        home.add_child(
            instance=StandardPage(title=f"Note {n}", slug=f"note-{n}", introduction=f"{filler} trafficking {n}.")
        )
    named = StandardPage(title="Trafficking", slug="trafficking", introduction="Trafficking of persons: trafficking.")
    home.add_child(instance=named)

    ranked = [page.pk for page in site_search.search_pages("trafficking")]
    # The backend's own scores, read beside each page: the order the site shows is theirs.
    scored = list(site_search.search_pages("trafficking").annotate_score("score"))
    if connection.vendor == "sqlite":
        # bm25 (core.sqlite_search): lower is better, equal scores latest page first, as the backend orders.
        assert ranked == [page.pk for page in sorted(scored, key=lambda p: (p.score, -p.pk))]
    else:
        # Wagtail's PostgreSQL backend, unchanged: ts_rank, higher is better (ties in no set order).
        score = {page.pk: page.score for page in scored}
        assert all(score[a] >= score[b] for a, b in zip(ranked, ranked[1:], strict=False))
    assert ranked[0] == named.pk and len(ranked) == len(set(ranked)) == 25

    first, second = search(client, "trafficking"), search(client, "trafficking", page="2")
    shown = re.findall(r'<li><h2><a href="/([\w-]+)/">', first) + re.findall(r'<li><h2><a href="/([\w-]+)/">', second)
    slugs = dict(Page.objects.filter(pk__in=ranked).values_list("pk", "slug"))
    assert shown[0] == "trafficking" and sorted(shown) == sorted(slugs.values())
    if connection.vendor == "sqlite":
        assert shown == [slugs[pk] for pk in ranked]
    assert "25 pages found" in first


def test_a_page_of_results_reads_only_its_own_pages(home):
    for n in range(30):
        home.add_child(instance=StandardPage(title=f"Trafficking note {n}", slug=f"note-{n}", introduction="Note."))
    results = site_search.search_pages("trafficking")
    assert results.count() == 30
    with CaptureQueriesContext(connection) as captured:
        page = list(results[20:30])
    assert len(page) == 10 and all(isinstance(p, StandardPage) for p in page)
    # The matches are ranked in one pass over the index (on SQLite, not a MATCH again for each match),
    # then only the page's own pages are read.
    sql = [q["sql"] for q in captured.captured_queries]
    assert len(sql) <= 3, "\n".join(sql)
    if connection.vendor == "sqlite":
        assert sum(q.count(" MATCH ") for q in sql) == 1, "\n".join(sql)
