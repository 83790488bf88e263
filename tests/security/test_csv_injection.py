"""CSV injection: no export lets a person's own text reach a spreadsheet as a formula.

Every CSV download is listed in EXPORTS; `test_every_csv_route_is_covered` fails when a new
`.csv` route appears without being added here. Each export is fetched with a person whose
name, designation and court or office are formula-like, and every cell must come out either
harmless or prefixed with a single quote (the rule is in core/csv_export.py).
"""

import csv
import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from certificates.models import Kind, SourceKind
from certificates.services import IssueContext, issue_certificate
from colloquia.services import register
from core.csv_export import FORMULA_TRIGGERS
from tests import factories
from tests.certificates.conftest import snapshot
from tests.colloquia import conftest as colloquia_builders
from tests.courses.conftest import make_index, make_module

FORMULA_LIKE = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"]


def _person(value):
    return factories.make_user("district_judge", full_name=value, designation=value, court_or_office=value)


def certificate_register(academy, value):
    person = _person(value)
    issue_certificate(
        person,
        SourceKind.COLLOQUIUM,
        4242,
        snapshot(title=value, hours="6.5"),
        context=IssueContext.build(Kind.ATTENDANCE, academy),
    )
    columns = ["recipient_name", "designation", "court_or_office", "title"]
    return reverse("certificates_admin_csv"), columns, {"hours": "6.50"}


def module_enrolments(academy, value):
    from courses.services import enrol

    module = make_module(make_index(academy.page, slug="csv-modules"), lessons=1, questions=1)
    enrol(_person(value), module)
    return reverse("courses_module_csv", args=[module.pk]), ["name"], {"role": "district_judge", "source": "self"}


def attendance_grid(academy, value):
    event = colloquia_builders.make_event(
        colloquia_builders.make_index(academy.page, slug="csv-colloquia"), title="CSV colloquium"
    )
    register(_person(value), event)
    columns = ["Name", "Designation"]
    return reverse("checkin_attendance_csv", args=[event.pk]), columns, {"Category": "District/Sessions judge"}


def message_delivery_log(academy, value):
    from messaging.services import send_message

    event = colloquia_builders.make_event(
        colloquia_builders.make_index(academy.page, slug="csv-messages"), title="Messaged colloquium"
    )
    registration = register(_person(value), event)
    message = send_message(event, subject="Hello", body="Dear {name}", registrations=[registration], by=None)
    plain = {"category": "District and Sessions judges", "delivery_status": "Queued"}
    return reverse("messaging_log_csv", args=[message.pk]), ["name"], plain


EXPORTS = {
    "certificates_admin_csv": certificate_register,
    "courses_module_csv": module_enrolments,
    "checkin_attendance_csv": attendance_grid,
    "messaging_log_csv": message_delivery_log,
}


def _csv_route_names(patterns):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _csv_route_names(entry.url_patterns)
        elif isinstance(entry, URLPattern) and ".csv" in str(entry.pattern):
            yield entry.name


@pytest.mark.django_db
def test_every_csv_route_is_covered():
    assert set(_csv_route_names(get_resolver().url_patterns)) == set(EXPORTS)


@pytest.mark.django_db
@pytest.mark.parametrize("value", FORMULA_LIKE, ids=repr)
@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_formula_like_text_is_neutralised(client, academy, registrar, export, value):
    url, columns, plain = EXPORTS[export](academy, value)
    client.force_login(registrar)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode(), newline="")))
    assert len(rows) == 1
    row = rows[0]
    for column in columns:
        assert row[column] == "'" + value, column
    for column, expected in plain.items():  # ordinary text and numbers are written as they are
        assert row[column] == expected, column
    dangerous = {column: text for column, text in row.items() if text.startswith(FORMULA_TRIGGERS)}
    assert dangerous == {}
