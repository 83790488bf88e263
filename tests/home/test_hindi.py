"""Site search in Hindi (under /hi/), with its counts in the right plural."""

from html import unescape

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_search_with_no_results_in_hindi(client, home):
    body = unescape(client.get("/hi/search/", {"q": "zzqx"}).content.decode())
    assert "“zzqx” के लिए कुछ नहीं मिला। वर्तनी जाँचें, या अन्य अथवा कम शब्दों से खोजें।" in body
    assert "Nothing found" not in body
    assert '<label for="q">खोजने के लिए शब्द</label>' in body


@pytest.mark.indexes
def test_search_counts_pages_in_hindi(client, home):
    Page.objects.filter(pk=home.pk).update(search_description="trafficking")
    home.refresh_from_db()
    home.hero_text = "Trafficking"
    home.save_revision().publish()
    body = unescape(client.get("/hi/search/", {"q": "Trafficking"}).content.decode())
    assert "“Trafficking” के लिए 1 पृष्ठ मिला।" in body
    assert "page found" not in body
