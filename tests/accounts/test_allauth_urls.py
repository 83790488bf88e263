"""accounts.allauth_urls serves allauth's addresses as allauth ships them, without loading WebAuthn
(fido2, cryptography) in a process that only builds the URL configuration, such as the task worker."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, reverse

from accounts import allauth_urls

ROOT = Path(__file__).resolve().parents[2]


def routes(patterns, prefix=""):
    """Every named address of a URL configuration: {name: route}."""
    found = {}
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found.update(routes(pattern.url_patterns, route))
        elif isinstance(pattern, URLPattern) and pattern.name:
            found[pattern.name] = route
    return found


def test_the_addresses_are_allauths_own():
    import allauth.urls

    assert routes(allauth_urls.urlpatterns) == routes(allauth.urls.urlpatterns)


def test_building_the_url_configuration_loads_no_webauthn():
    code = (
        "import sys, django; django.setup();"
        "from django.urls import get_resolver; get_resolver().url_patterns;"
        "heavy = ('fido2', 'allauth.mfa.base.views', 'allauth.mfa.webauthn.forms');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "colloquium_site.settings.test", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.django_db
def test_the_two_factor_step_is_served_on_its_first_request(client, judge):
    client.force_login(judge)
    response = client.get(reverse("mfa_index"))
    assert response.status_code == 200
    assert reverse("mfa_activate_totp") in response.content.decode()
