"""Production settings pass Django's deployment checklist, and every response carries the headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def env_example():
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key] = value.strip('"')
    return values


def run_manage(*args, extra_env=None, unset=()):
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def test_deploy_check_passes_with_the_documented_environment():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", extra_env=env_example(), unset=("DJANGO_ALLOW_ASYNC_UNSAFE",)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = env_example()
    env.pop("SECRET_KEY")
    result = run_manage("check", extra_env=env, unset=("SECRET_KEY",))
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


@pytest.mark.django_db
def test_public_pages_carry_the_security_headers_and_a_strict_csp(client, home):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    for directive in ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]:
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_public_html_has_no_inline_script(client, home):
    html = client.get("/").content.decode()
    assert "<script>" not in html and "onclick=" not in html


@pytest.mark.django_db
def test_admin_gets_its_own_policy(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp


@pytest.mark.django_db
def test_hsts_and_secure_cookies_in_production_settings(client, home, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")


@pytest.mark.django_db
def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_server_errors_show_a_generic_page(client, home, settings):
    from django.test import Client

    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    client = Client(raise_request_exception=False)
    response = client.get("/search/", {"q": "x" * 5, "page": "\x00"})
    assert response.status_code in (200, 400, 500)
    assert b"Traceback" not in response.content and b"SECRET_KEY" not in response.content
