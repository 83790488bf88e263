import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from academies.models import AcademyIndexPage, AcademyPage
from home.models import HomePage, StandardPage
from tests import factories


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_under_home_academy_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanCreateAt(AcademyPage, StandardPage)

    def test_academy_pages_only_under_the_academy_index(self):
        self.assertCanCreateAt(HomePage, AcademyIndexPage)
        self.assertCanCreateAt(AcademyIndexPage, AcademyPage)
        self.assertCanNotCreateAt(HomePage, AcademyPage)
        self.assertCanNotCreateAt(StandardPage, AcademyPage)


@pytest.mark.django_db
def test_home_page_renders_hero_and_navigation(client, home):
    home.hero_text = "Training for judges"
    home.save_revision().publish()
    about = StandardPage(title="About Colloquium", slug="about", show_in_menus=True, introduction="Why we exist")
    home.add_child(instance=about)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Judicial training on human trafficking" in html
    assert 'href="/about/"' in html
    assert "Skip to main content" in html


@pytest.mark.django_db
def test_standard_page_renders(client, home):
    page = StandardPage(
        title="Privacy", slug="privacy", introduction="What we keep", body=[("paragraph", "<p>Kept</p>")]
    )
    home.add_child(instance=page)
    response = client.get("/privacy/")
    assert response.status_code == 200
    assert b"What we keep" in response.content and b"<p>Kept</p>" in response.content


@pytest.mark.django_db
def test_academy_index_and_page_render_and_filter_by_state(client, academy, other_academy):
    response = client.get("/academies/")
    assert response.status_code == 200
    assert academy.name.encode() in response.content and other_academy.name.encode() in response.content
    response = client.get("/academies/?state=MP")
    assert other_academy.name.encode() in response.content
    assert academy.name.encode() not in response.content
    national = factories.make_academy("NJA", "National Judicial Academy", states=(), high_court=None, is_national=True)
    assert national.name.encode() in client.get("/academies/?state=MP").content
    response = client.get(academy.page.url)
    assert response.status_code == 200
    assert b"Jharkhand" in response.content


@pytest.mark.indexes
@pytest.mark.django_db
def test_search_finds_public_pages_only(client, home):
    live = StandardPage(title="Victim compensation explained", slug="comp")
    home.add_child(instance=live)
    draft = StandardPage(title="Victim compensation draft", slug="draft", live=False)
    home.add_child(instance=draft)
    response = client.get("/search/", {"q": "compensation"})
    assert response.status_code == 200
    assert b"Victim compensation explained" in response.content
    assert b"Victim compensation draft" not in response.content


@pytest.mark.django_db
def test_api_lists_live_pages_only(client, home):
    home.add_child(instance=StandardPage(title="Public page", slug="public"))
    home.add_child(instance=StandardPage(title="Hidden draft", slug="hidden", live=False))
    data = client.get("/api/v2/pages/").json()
    titles = {item["title"] for item in data["items"]}
    assert "Public page" in titles and "Hidden draft" not in titles


@pytest.mark.django_db
def test_error_pages_are_generic(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Traceback" not in response.content
