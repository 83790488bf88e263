"""A certificate's admin page carries the revoke and re-issue forms side by side: every label
must point at its own form's field, and no id may appear twice on the page."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup


@pytest.fixture
def detail_page(client, registrar, judge, academy, issue):
    cert, _ = issue(judge, academy)
    client.force_login(registrar)
    response = client.get(f"/admin/certificates/{cert.pk}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser"), cert


def _forms(soup, cert):
    return {name: soup.find("form", action=f"/admin/certificates/{cert.pk}/{name}/") for name in ("revoke", "reissue")}


@pytest.mark.django_db
def test_each_label_points_at_a_field_of_its_own_form(detail_page):
    soup, cert = detail_page
    forms = _forms(soup, cert)
    for form in forms.values():
        labels = form.find_all("label")
        assert labels
        for label in labels:
            target = soup.find(id=label["for"])
            assert target is not None and target.find_parent("form") is form, label["for"]
    # Both forms still post a field named "reason", each with its own id.
    reasons = {name: form.find(attrs={"name": "reason"}) for name, form in forms.items()}
    assert reasons["revoke"]["id"] != reasons["reissue"]["id"]


@pytest.mark.django_db
def test_page_has_no_duplicate_ids(detail_page):
    soup, _ = detail_page
    counts = Counter(element["id"] for element in soup.find_all(id=True))
    assert {value: n for value, n in counts.items() if n > 1} == {}


@pytest.mark.django_db
def test_help_text_is_linked_to_its_field(detail_page):
    soup, cert = detail_page
    described = _forms(soup, cert)["reissue"].find_all(attrs={"aria-describedby": True})
    assert [field["name"] for field in described] == ["reason"]  # the one field with help text
    for field in described:
        assert soup.find(id=field["aria-describedby"]) is not None, field["name"]
