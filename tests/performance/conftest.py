import pytest


@pytest.fixture
def page_cache_on(settings, tmp_path):
    """The page cache as in production (it is off in the test settings), with its own generation marker."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MARKER = str(tmp_path / "page-cache-generation")
    return settings


@pytest.fixture
def world(home, academy):
    """A home page and an academy, with the site settings row every page reads already made."""
    from wagtail.models import Site

    from home.models import SiteSettings

    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return {"home": home, "academy": academy}
