"""Demo site (content/home.yaml): the home page as the site root, site settings and the plain pages."""

from wagtail.models import Page, Site

from core.site import site_record_values, sync_default_site
from home.models import HomePage, SiteSettings, StandardPage

from ..blocks import PAGE_BLOCKS, stream
from ..content import CONTENT_DIR, TEXT, check_fields, check_list, read_yaml
from ..locales import source

FILE = "home.yaml"
SPEC = {"home_page": (dict, True), "pages": (list, True), "site_settings": (dict, True)}
HOME = {
    "title": (TEXT, True),
    "slug": (TEXT, True),
    "hero_heading": (TEXT, True),
    "hero_text": (TEXT, True),
    "hero_cta_text": (TEXT, True),
    "hero_cta_link": (TEXT, False),
}
PAGE = {
    "slug": (TEXT, True),
    "title": (TEXT, True),
    "introduction": (TEXT, False),
    "show_in_menus": (bool, False),
    "body": (list, True),
}
SETTINGS = {
    "tagline": (TEXT, True),
    "contact_email": (TEXT, True),
    "privacy_page": (TEXT, True),
    "footer_text": (TEXT, True),
}


def _page(page, where):
    check_fields(page, PAGE, where)
    return {**page, "body": stream(page["body"], f"{where}.body", PAGE_BLOCKS)}


def read(root=CONTENT_DIR):
    data = check_fields(read_yaml(root / FILE, root), SPEC, FILE)
    check_fields(data["home_page"], HOME, f"{FILE}: home_page")
    check_fields(data["site_settings"], SETTINGS, f"{FILE}: site_settings")
    return {**data, "pages": check_list(data["pages"], f"{FILE}: pages", _page)}


def _home(fields):
    home = source(HomePage).first()
    if home:
        return home, 0
    root = Page.get_first_root_node()
    # Replace Wagtail's "Welcome" placeholder page (it also uses the slug "home").
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    home = HomePage(**{name: value for name, value in fields.items() if name != "hero_cta_link"})
    root.add_child(instance=home)
    # The site's address and name come from SITE_URL and SITE_NAME (core.site).
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, **site_record_values()})
    home.save_revision().publish()
    return home, 1


def load(stdout, data=None):
    data = data or read()
    home, created = _home(data["home_page"])
    # Keep the site record on the address being served (`make run` with another PORT, say).
    created += int(sync_default_site())
    for page in data["pages"]:
        if not source(StandardPage).filter(slug=page["slug"]).exists():
            home.add_child(
                instance=StandardPage(
                    title=page["title"],
                    slug=page["slug"],
                    introduction=page.get("introduction", ""),
                    body=page["body"],
                    show_in_menus=page.get("show_in_menus", False),
                )
            )
            created += 1
    site = Site.objects.get(is_default_site=True)
    settings_obj = SiteSettings.for_site(site)
    if not settings_obj.contact_email:
        values = data["site_settings"]
        settings_obj.tagline = values["tagline"]
        settings_obj.contact_email = values["contact_email"]
        settings_obj.privacy_page = source(StandardPage).get(slug=values["privacy_page"])
        settings_obj.footer_text = values["footer_text"]
        settings_obj.save()
        created += 1
    return created


def link_hero(stdout, data=None):
    """Runs last: point the hero's button at the national module catalogue once it exists."""
    data = data or read()
    home = source(HomePage).first()
    catalogue = source(Page).filter(depth=3, slug=data["home_page"].get("hero_cta_link", "modules")).first()
    if home is None or catalogue is None or home.hero_cta_link_id == catalogue.pk:
        return 0
    home.hero_cta_link = catalogue
    home.save_revision().publish()
    return 1
