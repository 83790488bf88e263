"""Hindi queries find Hindi pages, on SQLite (FTS5) and PostgreSQL (the suite runs on both)."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from home.search import search_pages
from tests.courses.conftest import make_index, make_module

pytestmark = [pytest.mark.django_db, pytest.mark.indexes]


@pytest.fixture
def translated_module(academy):
    module = make_module(make_index(academy.page), lessons=1, title="Trafficking after 1 July 2024")
    hindi = module.copy_for_translation(Locale.objects.get(language_code="hi"), copy_parents=True)
    hindi.title = "व्यक्तियों का दुर्व्यापार"
    hindi.summary = "भारतीय न्याय संहिता की धारा 143 के अधीन दुर्व्यापार के अपराध का विचारण।"
    hindi.save_revision().publish()
    return module, hindi


def test_a_hindi_query_finds_the_hindi_page_and_links_to_its_hindi_address(client, translated_module):
    module, hindi = translated_module
    english_url = module.url
    with translation.override("hi"):
        found = list(search_pages("दुर्व्यापार"))
        assert [page.pk for page in found] == [hindi.pk]
        assert found[0].url == "/hi" + english_url
        assert list(search_pages("संहिता धारा")) == found  # words with matras and conjuncts, several at once
    response = client.get("/hi/search/", {"q": "दुर्व्यापार"})
    assert "व्यक्तियों का दुर्व्यापार" in response.text and f'href="/hi{english_url}"' in response.text


def test_english_readers_search_the_english_pages(translated_module):
    module, _hindi = translated_module
    with translation.override("en"):
        assert [page.pk for page in search_pages("Trafficking")] == [module.pk]
        assert list(search_pages("दुर्व्यापार")) == []
