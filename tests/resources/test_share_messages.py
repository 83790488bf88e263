"""What /resources/share/ tells each person who cannot share, and how its form's help text reads."""

import html
import re
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings

from accounts.roles import RoleStatus
from home.models import StandardPage
from resources import services
from resources.forms import ResourceForm
from tests import factories
from tests.resources.conftest import make_member, make_org

URL = "/resources/share/"
FOR_CSO_MEMBERS = "Sharing resources is for members of verified civil society organisations."

pytestmark = pytest.mark.django_db


# --- Who is told what (resources.services.upload_gate) ---


@pytest.mark.parametrize(
    ("role", "verified", "label"),
    [
        ("prosecutor", False, "Public prosecutor"),
        ("prosecutor", True, "Public prosecutor"),
        ("district_judge", False, "District/Sessions judge"),
        ("hc_judge", True, "High Court judge"),
        ("police", True, "Police nodal officer (AHTU)"),
    ],
)
def test_other_roles_are_told_sharing_is_for_verified_cso_members(role, verified, label):
    gate = services.upload_gate(factories.make_user(role, verified=verified))
    assert not gate and gate.code == "not_cso"
    assert gate.reason == (
        f"{FOR_CSO_MEMBERS} Your role is {label}: you can read and download the library, but not add to it."
    )
    # Not a promise that verification will open it.
    assert "awaiting verification" not in gate.reason


def test_someone_without_a_role_is_told_sharing_is_for_cso_members_and_how_to_say_they_are_one():
    gate = services.upload_gate(factories.make_user(None))
    assert gate.code == "no_role"
    assert gate.reason == (
        f"{FOR_CSO_MEMBERS} If you work for one, choose “Civil society member” as your role on your profile."
    )


def test_a_cso_member_awaiting_role_verification_is_told_that_is_pending():
    gate = services.upload_gate(make_member(make_org(verified=True), verified=False))
    assert gate.code == "unverified"
    assert gate.reason == (
        "Your role (Civil society member) is awaiting verification by academy staff. "
        "You can share resources once it is verified."
    )


def test_a_cso_member_whose_role_and_organisation_await_verification_is_told_both():
    gate = services.upload_gate(make_member(make_org("Sahyog Trust", verified=False), verified=False))
    assert gate.code == "unverified"
    assert gate.reason == (
        "Your role (Civil society member) and your organisation, Sahyog Trust, are awaiting verification by "
        "academy staff. You can share resources once both are verified."
    )


def test_a_cso_member_awaiting_role_verification_without_an_organisation_is_told_both():
    gate = services.upload_gate(factories.make_user("cso", verified=False))
    assert gate.code == "unverified"
    assert gate.reason == (
        "Your role (Civil society member) is awaiting verification by academy staff, and your account is not "
        "linked to an organisation yet. Ask academy staff to add you to your organisation's record. "
        "You can share resources once both are done."
    )


def test_a_verified_cso_member_of_an_unverified_organisation_is_told_the_organisation_is_pending():
    gate = services.upload_gate(make_member(make_org("Sahyog Trust", verified=False)))
    assert gate.code == "organisation_unverified"
    assert gate.reason == (
        "Your organisation, Sahyog Trust, is awaiting verification by academy staff. "
        "You can upload once it is verified."
    )


def test_a_verified_cso_member_without_an_organisation_is_told_to_ask_for_the_link():
    gate = services.upload_gate(factories.make_user("cso"))
    assert gate.code == "no_organisation"
    assert gate.reason == (
        "Your account is not linked to an organisation yet. Ask academy staff to add you to your organisation's record."
    )


def test_a_cso_member_whose_role_was_rejected_is_told_so():
    user = make_member(make_org(verified=True))
    user.role_status = RoleStatus.REJECTED
    user.save()
    gate = services.upload_gate(user)
    assert gate.code == "rejected"
    assert gate.reason.startswith("Your role as a civil society member could not be verified")


def test_a_verified_member_of_a_verified_organisation_may_share():
    assert services.upload_gate(make_member(make_org(verified=True)))


# --- The page ---


def test_the_share_page_tells_a_pending_prosecutor_who_may_share_and_how_an_organisation_joins(client, home, academy):
    contact = home.add_child(instance=StandardPage(title="Contact", slug="contact"))
    client.force_login(factories.make_user("prosecutor", verified=False))
    response = client.get(URL)
    assert response.status_code == 403
    body = response.content.decode()
    gate = re.search(r'<p class="notice notice-warn" id="upload-gate">(.*?)</p>', body).group(1)
    assert html.unescape(gate).startswith(FOR_CSO_MEMBERS)
    assert "awaiting verification" not in body
    join = re.search(r'<p id="how-to-join">(.*?)</p>', body, re.S).group(1)
    assert "Academy staff check its registration, verify it and add its members." in join
    assert f'<a href="{academy.page.get_parent().url}">Academies</a>' in join
    assert f'<a href="{contact.url}">Contact</a>' in join


def test_the_share_page_tells_a_pending_cso_member_what_is_pending_without_the_joining_steps(client, academy):
    client.force_login(make_member(make_org(verified=True), verified=False))
    body = client.get(URL).content.decode()
    assert "Your role (Civil society member) is awaiting verification by academy staff." in body
    assert 'id="how-to-join"' not in body


# --- The form's help text is text ---


def test_the_description_help_text_is_plain_text_not_markup():
    rendered = str(ResourceForm()["description"].as_field_group())
    help_html = re.search(r'<div class="helptext"[^>]*>(.*?)</div>', rendered, re.S).group(1)
    assert "<" not in help_html  # no element: Django prints help_text unescaped
    assert "paragraphs, bold, italic, links, bulleted and numbered lists, and headings" in help_html


def _project_forms():
    """Every form class defined in the project's own apps (not in installed packages)."""
    installed = settings.BASE_DIR / ".venv"
    project = {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR) and not Path(config.path).is_relative_to(installed)
    }
    found, stack = [], [forms.BaseForm]
    while stack:
        for subclass in stack.pop().__subclasses__():
            stack.append(subclass)
            if subclass.__module__.split(".")[0] in project:
                found.append(subclass)
    return found


def test_no_form_of_the_project_has_markup_in_a_help_text():
    from colloquium_site import urls  # noqa: F401 - imports every app's views, and so their forms

    found = _project_forms()
    assert ResourceForm in found
    with_markup = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in found
        for name, field in getattr(form, "base_fields", {}).items()
        if re.search(r"<\s*/?\s*[a-zA-Z]", str(field.help_text or ""))
    ]
    assert with_markup == []
