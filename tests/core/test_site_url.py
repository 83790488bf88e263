"""SITE_URL is the one public address: every absolute link the site hands out uses it (core.site).

Each test serves as `PORT=8801 make run` does (SITE_URL=http://127.0.0.1:8801) and checks one
output names that address and never the old defaults (port 8000, or Wagtail's localhost:80).
"""

import io
import re

import pytest
from django.core import mail
from django.core.management.sql import emit_post_migrate_signal
from wagtail.models import Site

from accounts.models import User
from certificates.models import Kind, SourceKind
from certificates.pdf import certificate_html, qr_data_uri
from certificates.services import IssueContext, issue_certificate
from colloquia import services as colloquia_services
from core.site import absolute_url, public_url, sync_default_site
from demo.loaders import home as home_demo
from tests import factories
from tests.accounts.test_signup_and_login import signup_data
from tests.certificates.conftest import snapshot
from tests.colloquia.conftest import make_event, make_index

SERVED = "http://127.0.0.1:8801"
STALE = ("127.0.0.1:8000", "localhost/", "localhost:80", "testserver")

pytestmark = pytest.mark.django_db


@pytest.fixture
def served(settings, home):
    """The site served on port 8801: the setting, and the Wagtail Site record kept in step with it."""
    settings.SITE_URL = SERVED
    sync_default_site()
    return SERVED


def assert_served(text):
    assert SERVED + "/" in text, text
    for stale in STALE:
        assert stale not in text, (stale, text)


# --- the helper and the Site record ---


def test_absolute_url_puts_a_path_on_the_public_address(settings):
    settings.SITE_URL = SERVED
    assert absolute_url("/certificates/verify/") == "http://127.0.0.1:8801/certificates/verify/"
    assert public_url("http://testserver/accounts/confirm-email/abc/?next=/x/") == (
        "http://127.0.0.1:8801/accounts/confirm-email/abc/?next=/x/"
    )


def test_the_default_site_record_follows_site_url_and_site_name(settings, home):
    settings.SITE_URL, settings.SITE_NAME = SERVED, "Colloquium (staging)"
    assert sync_default_site() is True
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("127.0.0.1", 8801, "Colloquium (staging)")
    assert site.root_url == SERVED
    assert home.full_url == SERVED + "/"
    assert sync_default_site() is False  # in step: nothing to write


def test_an_https_site_url_gives_an_https_site_record(settings, home):
    settings.SITE_URL = "https://colloquium.example.org"
    sync_default_site()
    assert Site.objects.get(is_default_site=True).root_url == "https://colloquium.example.org"


def test_migrate_keeps_the_site_record_in_step(settings, home):
    settings.SITE_URL = SERVED
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert Site.objects.get(is_default_site=True).root_url == SERVED


def test_load_demo_keeps_the_site_record_in_step(settings, home):
    settings.SITE_URL = SERVED
    home_demo.load(io.StringIO())
    assert Site.objects.get(is_default_site=True).root_url == SERVED


# --- certificates ---


def issue(user, academy):
    context = IssueContext.build(Kind.ATTENDANCE, academy)
    cert, _ = issue_certificate(user, SourceKind.COLLOQUIUM, 101, snapshot(), context=context)
    return cert


def test_certificate_verification_url_and_its_qr_code(served, academy, judge):
    cert = issue(judge, academy)
    assert cert.verify_url == f"{SERVED}/certificates/verify/{cert.verification_code}/"
    html = certificate_html(cert)
    assert_served(re.search(r"https?://[^\s<\"]+/certificates/verify/[^\s<\"]+", html).group(0))
    # The QR code printed is the one that encodes the 8801 address.
    assert f'src="{qr_data_uri(cert.verify_url)}"' in html
    assert qr_data_uri(f"http://127.0.0.1:8000/certificates/verify/{cert.verification_code}/") not in html


def test_certificate_ready_email(served, academy, judge, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        issue(judge, academy)
    (email,) = mail.outbox
    links = re.findall(r"https?://\S+", email.body)
    assert len(links) == 2  # the learner's certificates and the verification page
    for link in links:
        assert_served(link)


# --- colloquia: registration, nomination, check-in ---


def test_registration_email(served, academy, judge, django_capture_on_commit_callbacks):
    event = make_event(make_index(academy.page))
    with django_capture_on_commit_callbacks(execute=True):
        colloquia_services.register(judge, event)
    (email,) = mail.outbox
    links = re.findall(r"https?://\S+", email.body)
    assert len(links) == 2  # "My learning", where the attached e-ticket also is, and the agenda
    for link in links:
        assert_served(link)


def test_nomination_emails(served, academy, registrar, django_capture_on_commit_callbacks):
    event = make_event(make_index(academy.page), mode="nomination")
    row = {
        "name": "Shri A. Kumar",
        "email": "a.kumar@example.test",
        "designation": "Additional Sessions Judge",
        "category": "district_judge",
        "nominating_office": "District Court Ranchi",
    }
    with django_capture_on_commit_callbacks(execute=True):
        (registration,) = colloquia_services.import_nominations(event, [row], by=registrar)
    with django_capture_on_commit_callbacks(execute=True):
        colloquia_services.accept_invitation(registration)
    invitation, confirmation = mail.outbox
    # Invitation: accept link and agenda; confirmation: set-password link, "My learning" (the e-ticket) and agenda.
    for email, count in ((invitation, 2), (confirmation, 3)):
        links = re.findall(r"https?://\S+", email.body)
        assert len(links) == count, email.body
        for link in links:
            assert_served(link)


def test_room_screen_check_in_address(served, academy, registrar, client):
    event = make_event(make_index(academy.page))
    session = next(s for s in colloquia_services.sessions_in_order(event) if s.counts_for_attendance)
    assert_served(colloquia_services.check_in_url(session))
    client.force_login(registrar)
    state = client.get(f"/admin/colloquia/{event.pk}/sessions/{session.pk}/room-screen/state/").json()
    assert_served(state["check_in_url"])


# --- allauth's emails ---


def test_verification_email_names_the_site_and_links_to_the_public_address(served, client):
    client.post("/accounts/signup/", signup_data())
    (email,) = mail.outbox
    assert email.body.startswith("Hello from Colloquium!")
    assert "Thank you for using Colloquium!" in email.body
    (link,) = re.findall(r"https?://\S+", email.body)
    assert_served(link)
    # The link works.
    client.post(link.removeprefix(SERVED))
    assert User.objects.get(email=signup_data()["email"]).emailaddress_set.get().verified


def test_password_reset_email_names_the_site_and_links_to_the_public_address(served, client):
    factories.make_user("district_judge", email="reset.me@example.test")
    client.post("/accounts/password/reset/", {"email": "reset.me@example.test"})
    (email,) = mail.outbox
    assert email.subject.startswith("[Colloquium] ")
    assert email.body.startswith("Hello from Colloquium!")
    (link,) = re.findall(r"https?://\S+", email.body)
    assert_served(link)


# --- the API ---


def test_api_detail_and_html_urls(served, client):
    data = client.get("/api/v2/pages/").json()
    assert data["items"]
    for item in data["items"]:
        assert_served(item["meta"]["detail_url"])
        assert_served(item["meta"]["html_url"])


# --- production ---


def test_production_refuses_to_start_without_site_url():
    from tests.security.test_configuration import env_example, run_manage

    env = env_example()
    env.pop("SITE_URL")
    result = run_manage("check", extra_env=env, unset=("SITE_URL",))
    assert result.returncode != 0
    assert "SITE_URL must be set in production" in result.stderr
