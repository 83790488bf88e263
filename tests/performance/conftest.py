import pytest


@pytest.fixture
def world(home, academy):
    """A home page and an academy, with the site settings row every page reads already made."""
    from wagtail.models import Site

    from home.models import SiteSettings

    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return {"home": home, "academy": academy}
