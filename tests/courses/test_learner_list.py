"""A module's learners as a Wagtail ModelViewSet: search, filters, ordering, CSV and XLSX downloads
(formula-like names neutralised), and who may see them."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courses import services
from regions.models import State
from tests.factories import make_staff, make_user

pytestmark = pytest.mark.django_db


def url(module):
    return reverse("courses_learners:index", args=[module.pk])


def names(response):
    return [row.user.full_name for row in response.context["table"].data]


@pytest.fixture
def learners(module):
    asha = make_user("district_judge", full_name="Asha Kumari", state="JH")
    bina = make_user("prosecutor", full_name="+Bina Devi", state="MP")
    done, _ = services.enrol(asha, module)
    services.enrol(bina, module)
    done.completed_at = done.enrolled_at
    done.save(update_fields=["completed_at"])
    return asha, bina


def test_the_list_searches_filters_and_orders(client, module, registrar, learners):
    asha, bina = learners
    client.force_login(registrar)
    assert names(client.get(url(module))) == ["+Bina Devi", "Asha Kumari"]
    assert names(client.get(url(module), {"ordering": "-user__full_name"})) == ["Asha Kumari", "+Bina Devi"]
    assert names(client.get(url(module), {"q": "asha"})) == ["Asha Kumari"]
    assert names(client.get(url(module), {"q": bina.email})) == ["+Bina Devi"]
    assert names(client.get(url(module), {"completion": "complete"})) == ["Asha Kumari"]
    assert names(client.get(url(module), {"completion": "in_progress"})) == ["+Bina Devi"]
    assert names(client.get(url(module), {"role": "prosecutor"})) == ["+Bina Devi"]
    assert names(client.get(url(module), {"state": State.objects.get(code="JH").pk})) == ["Asha Kumari"]
    body = client.get(url(module)).content.decode()
    assert reverse("courses_transcript", args=[asha.pk]) in body and "100%" in body


def test_the_downloads_keep_the_modules_columns_and_neutralise_formulas(client, module, registrar, learners):
    client.force_login(registrar)
    response = client.get(url(module), {"export": "csv", "role": "prosecutor"})
    assert response["Content-Disposition"] == f'attachment; filename="module-{module.pk}-enrolments.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode(), newline="")))
    assert list(rows[0]) == [
        "name",
        "email",
        "role",
        "state",
        "source",
        "enrolled_at",
        "lessons_done",
        "attempts",
        "best_score",
        "completed_at",
    ]
    assert [(r["name"], r["role"], r["state"], r["lessons_done"]) for r in rows] == [
        ("'+Bina Devi", "prosecutor", "Madhya Pradesh", "")
    ]
    sheet = load_workbook(io.BytesIO(b"".join(client.get(url(module), {"export": "xlsx"}).streaming_content))).active
    assert sorted(row[0].value for row in sheet.iter_rows(min_row=2)) == ["'+Bina Devi", "Asha Kumari"]


@pytest.mark.parametrize("params", [{}, {"export": "csv"}])
def test_the_list_is_for_the_modules_academy_staff(
    client, module, learners, registrar, editor, superuser, moderator, judge, other_academy, params
):
    for allowed in (registrar, editor, superuser):
        client.force_login(allowed)
        assert client.get(url(module), params).status_code == 200
    client.force_login(make_staff(other_academy, "registrar"))
    response = client.get(url(module), params)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    client.force_login(moderator)
    response = client.get(url(module), params)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    for visitor in (judge, None):
        client.logout()
        if visitor:
            client.force_login(visitor)
        response = client.get(url(module), params)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
