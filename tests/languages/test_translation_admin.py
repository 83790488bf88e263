"""Who may translate pages and manage locales: platform administrators, not academy staff."""

import pytest
from django.urls import reverse

from tests.factories import make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, settings):
    settings.STAFF_MFA_REQUIRED = False
    admin = django_user_model.objects.create_superuser(email="root@example.test", password="x" * 12)
    client.force_login(admin)
    return client


def test_a_platform_administrator_manages_locales_and_translates(admin_client, home):
    assert admin_client.get(reverse("wagtaillocales:index")).status_code == 200
    page = admin_client.get(reverse("simple_translation:submit_page_translation", args=[home.pk]))
    assert page.status_code == 200 and "हिन्दी" in page.text


@pytest.mark.parametrize("role", ["editor", "moderator", "registrar"])
def test_academy_staff_can_neither_translate_nor_manage_locales(client, home, academy, role, settings):
    settings.STAFF_MFA_REQUIRED = False
    client.force_login(make_staff(academy, role))
    for url in (
        reverse("wagtaillocales:index"),
        reverse("wagtaillocales:add"),
        reverse("simple_translation:submit_page_translation", args=[academy.page.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403) and response.get("Location", "") != url, url
        assert response.status_code != 200
