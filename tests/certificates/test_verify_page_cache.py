"""Issuing or revoking a certificate makes stale its own public verification page and nothing else."""

import pytest

from certificates.services import revoke

pytestmark = pytest.mark.django_db


def state(client, url):
    response = client.get(url)
    return response, response.headers.get("X-Page-Cache")


@pytest.fixture
def cached_pages(client, page_cache_on, home, academy):
    from wagtail.models import Site

    from home.models import SiteSettings

    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for url in ("/", "/academies/"):
        state(client, url)
        assert state(client, url)[1] == "hit"


def test_revoking_refreshes_the_verification_page_and_leaves_the_rest_cached(
    client, cached_pages, issue, judge, academy, registrar
):
    cert, _ = issue(judge, academy)
    url = f"/certificates/verify/{cert.verification_code}/"
    response, cache_state = state(client, url)
    assert cache_state == "miss" and b"Revoked" not in response.content
    assert state(client, url)[1] == "hit"
    for other in ("/", "/academies/"):
        assert state(client, other)[1] == "hit", f"issuing a certificate made {other} stale"

    revoke(cert, reason="Issued to the wrong person", by=registrar)
    response, cache_state = state(client, url)
    assert cache_state == "miss" and b"Revoked" in response.content
    for other in ("/", "/academies/"):
        assert state(client, other)[1] == "hit", f"revoking a certificate made {other} stale"


def test_issuing_another_certificate_leaves_a_verification_page_cached(
    client, cached_pages, issue, judge, prosecutor, academy
):
    first, _ = issue(judge, academy)
    url = f"/certificates/verify/{first.verification_code}/"
    state(client, url)
    issue(prosecutor, academy)
    assert state(client, url)[1] == "hit"
