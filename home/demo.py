"""Demo site: the home page as the site root, site settings and the plain pages."""

from wagtail.models import Page, Site

from core.site import site_record_values, sync_default_site

from .models import HomePage, SiteSettings, StandardPage

ABOUT = [
    (
        "paragraph",
        "<p>In August 2022 the Ministry of Home Affairs asked every State and Union Territory to hold "
        "state-level conferences on human trafficking and judicial colloquia for High Court and Sessions judges, "
        "public prosecutors and district nodal police officers, with support of up to Rs 2 lakh per event. Judicial "
        "academies may invite civil society organisations working against trafficking.</p>",
    ),
    (
        "paragraph",
        "<p>Colloquium serves that work end to end. Academies publish agendas and take registrations or "
        "court nominations; attendance is recorded session by session; judges and prosecutors take self-paced "
        "modules on the law after 1 July 2024; civil society organisations share material that academy moderators "
        "review; and every certificate can be checked by anyone, for ever, against the record frozen when it was "
        "issued.</p>",
    ),
]
PRIVACY = [
    (
        "paragraph",
        "<p>We hold the profile you give us (name as it prints on certificates, role, designation, court "
        "or office, district, State/UT and High Court), your enrolments, quiz attempts, registrations, attendance and "
        "certificates. Academy staff use them to verify your role, run programmes and issue certificates.</p>",
    ),
    (
        "paragraph",
        "<p>You can download all of it from your profile, and ask for your account to be deleted. Deletion "
        "anonymises your account at once. Certificates already issued remain verifiable with exactly what they printed, "
        "because courts and employers rely on them; the Digital Personal Data Protection Act 2023 allows keeping records "
        "that the law requires.</p>",
    ),
]
CONTACT = [
    (
        "paragraph",
        "<p>Write to the academy that runs your programme (see its page under Academies), or to "
        "the platform team at support@colloquium.example.</p>",
    )
]


def _home():
    home = HomePage.objects.first()
    if home:
        return home, 0
    root = Page.get_first_root_node()
    # Replace Wagtail's "Welcome" placeholder page (it also uses the slug "home").
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    home = HomePage(
        title="Colloquium",
        slug="home",
        hero_heading="Judicial training on human trafficking, for every State",
        hero_text=(
            "Agendas and registration for judicial colloquia, self-paced modules on the trafficking law after "
            "1 July 2024, a moderated library from civil society, and certificates anyone can verify."
        ),
        hero_cta_text="Browse training modules",
    )
    root.add_child(instance=home)
    # The site's address and name come from SITE_URL and SITE_NAME (core.site).
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, **site_record_values()})
    home.save_revision().publish()
    return home, 1


def load(stdout):
    home, created = _home()
    # Keep the site record on the address being served (`make run` with another PORT, say).
    created += int(sync_default_site())
    for slug, title, intro, body in [
        ("about", "About Colloquium", "Why this platform exists and what it does.", ABOUT),
        ("privacy", "Privacy", "What we keep about you, why, and how to get it or delete it.", PRIVACY),
        ("contact", "Contact", "", CONTACT),
    ]:
        if not StandardPage.objects.filter(slug=slug).exists():
            page = StandardPage(title=title, slug=slug, introduction=intro, body=body, show_in_menus=slug == "about")
            home.add_child(instance=page)
            created += 1
    site = Site.objects.get(is_default_site=True)
    settings_obj = SiteSettings.for_site(site)
    if not settings_obj.contact_email:
        settings_obj.tagline = "Judicial training on human trafficking"
        settings_obj.contact_email = "support@colloquium.example"
        settings_obj.privacy_page = StandardPage.objects.get(slug="privacy")
        settings_obj.footer_text = "<p>Demo content. Statutes are summarised for training, not legal advice.</p>"
        settings_obj.save()
        created += 1
    return created


def link_hero(stdout):
    """Runs last: point the hero's button at the national module catalogue once it exists."""
    home = HomePage.objects.first()
    catalogue = Page.objects.filter(depth=3, slug="modules").first()
    if home is None or catalogue is None or home.hero_cta_link_id == catalogue.pk:
        return 0
    home.hero_cta_link = catalogue
    home.save_revision().publish()
    return 1
