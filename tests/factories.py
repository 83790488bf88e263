"""Test data builders shared by every app's tests."""

import itertools
from contextlib import contextmanager

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.test import override_settings
from wagtail.models import Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from academies.models import Academy
from academies.services import add_staff
from accounts.models import User
from accounts.roles import Role, RoleStatus
from home.models import HomePage, SiteSettings
from regions.models import HighCourt, State


@contextmanager
def without_index_updates():
    """Saves that skip Wagtail's search and reference index updates (a third of the time of building
    pages). tests/conftest.py applies it to every test not marked `indexes`."""
    backends = {name: {**params, "AUTO_UPDATE": False} for name, params in settings.WAGTAILSEARCH_BACKENDS.items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        yield


_counter = itertools.count(1)
PASSWORD = "Correct-Horse-Battery-9"


def make_user(role=Role.DISTRICT_JUDGE, *, verified=True, email=None, state="JH", mfa=False, **fields):
    n = next(_counter)
    user = User.objects.create_user(
        email=email or f"user{n}@example.test",
        password=PASSWORD,
        full_name=fields.pop("full_name", f"Test User {n}"),
        role=role or "",
        role_status=RoleStatus.VERIFIED if verified else RoleStatus.PENDING,
        state=State.objects.get(code=state) if state else None,
        **fields,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if mfa:
        give_mfa(user)
    return user


def give_mfa(user):
    TOTP.activate(user, generate_totp_secret())
    return user


def make_home():
    """A HomePage as the default site's root (replacing Wagtail's welcome page)."""
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = HomePage(title="Colloquium", slug="colloquium-home", hero_heading="Judicial training on human trafficking")
    root.add_child(instance=home)
    site, _ = Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Colloquium"}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    # Made now, as the demo content does: the first page view would otherwise create it.
    SiteSettings.for_site(site)
    return home


def make_academy(code="JSJA", name=None, states=("JH",), high_court="JHHC", **fields):
    make_home()
    academy = Academy.objects.create(
        name=name or f"{code} Judicial Academy",
        short_code=code,
        high_court=HighCourt.objects.get(code=high_court) if high_court else None,
        **fields,
    )
    academy.states.set(State.objects.filter(code__in=states))
    academy.refresh_from_db()
    return academy


def make_staff(academy, role, **kwargs):
    """An editor/moderator/registrar of `academy`, with MFA set up so the admin opens."""
    user = make_user(Role.ACADEMY_STAFF, mfa=True, **kwargs)
    add_staff(academy, user, role)
    return user


# --- Hindi -----------------------------------------------------------------------------------------


def hindi_admin(user):
    """`user` with Wagtail's admin in Hindi (the admin speaks each user's own language, from their admin profile)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "hi"
    profile.save()
    return user


def hindi_url(name, args=()):
    """The /hi/ address of a view (reversed inside the language, whatever the last request activated)."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override("hi"):
        return reverse(name, args=args)


def signed_in(user):
    """A test client signed in as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
