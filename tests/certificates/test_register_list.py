"""The certificate register as a Wagtail ModelViewSet: search, filters, ordering, CSV and XLSX
downloads (formula-like text neutralised), and who may see them."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests import factories

pytestmark = pytest.mark.django_db
URL = "/admin/certificates/"


def serials(response):
    return [row.serial for row in response.context["table"].data]


@pytest.fixture
def register(academy, issue):
    """Three certificates of academy A: two events, two recipients' States."""
    asha = factories.make_user("district_judge", full_name="Asha Kumari", state="JH")
    bina = factories.make_user("prosecutor", full_name="=Bina", state="MP")
    a, _ = issue(asha, academy, source_id=301, title="Colloquium on trafficking")
    b, _ = issue(bina, academy, source_id=301, title="Colloquium on trafficking")
    c, _ = issue(asha, academy, source_id=302, title="Workshop on evidence")
    return {"a": a, "b": b, "c": c}


def test_the_register_searches_filters_and_orders(client, registrar, register):
    a, b, c = register["a"], register["b"], register["c"]
    client.force_login(registrar)
    assert set(serials(client.get(URL))) == {a.serial, b.serial, c.serial}
    assert set(serials(client.get(URL, {"q": "asha"}))) == {a.serial, c.serial}
    assert serials(client.get(URL, {"q": b.serial})) == [b.serial]
    assert set(serials(client.get(URL, {"source": "colloquium:302"}))) == {c.serial}
    assert set(serials(client.get(URL, {"state": "MP"}))) == {b.serial}
    assert set(serials(client.get(URL, {"kind": "attendance", "status": "valid"}))) == {a.serial, b.serial, c.serial}
    assert serials(client.get(URL, {"status": "revoked"})) == []
    assert serials(client.get(URL, {"ordering": "serial"})) == sorted([a.serial, b.serial, c.serial])
    assert serials(client.get(URL, {"ordering": "-serial"})) == sorted([a.serial, b.serial, c.serial], reverse=True)
    filters = client.get(URL).context["filters"].form
    assert {value for value, _ in filters.fields["source"].choices if value} == {"colloquium:301", "colloquium:302"}


def test_the_downloads_keep_their_columns_and_neutralise_formulas(client, registrar, register):
    client.force_login(registrar)
    response = client.get(URL, {"state": "MP", "export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="certificates.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode(), newline="")))
    assert [(r["serial"], r["recipient_name"], r["state"], r["hours"]) for r in rows] == [
        (register["b"].serial, "'=Bina", "Madhya Pradesh", "6.50")
    ]
    # The old address answers with the same download.
    old = client.get("/admin/certificates/export.csv", {"state": "MP"})
    assert (
        b"".join(old.streaming_content).decode()
        == b"".join(client.get(URL, {"state": "MP", "export": "csv"}).streaming_content).decode()
    )
    sheet = load_workbook(io.BytesIO(b"".join(client.get(URL, {"export": "xlsx"}).streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    names = {row[header.index("recipient_name")].value for row in sheet.iter_rows(min_row=2)}
    assert names == {"Asha Kumari", "'=Bina"}
    hours = {row[header.index("hours")].value for row in sheet.iter_rows(min_row=2)}
    assert hours == {6.5}


@pytest.mark.parametrize("params", [{}, {"export": "csv"}, {"export": "xlsx"}])
def test_the_register_shows_each_registrar_only_their_academys_certificates(
    client, register, registrar, superuser, editor, moderator, judge, other_academy, issue, params
):
    theirs, _ = issue(factories.make_user("district_judge", state="MP"), other_academy, source_id=909)

    def listed(response):
        if params.get("export") == "xlsx":
            sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
            return " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
        if params:
            return b"".join(response.streaming_content).decode()
        return response.content.decode()

    client.force_login(registrar)
    body = listed(client.get(URL, params))
    assert register["a"].serial in body and theirs.serial not in body
    client.force_login(superuser)
    body = listed(client.get(URL, params))
    assert register["a"].serial in body and theirs.serial in body
    client.force_login(factories.make_staff(other_academy, "registrar"))
    body = listed(client.get(URL, params))
    assert theirs.serial in body and register["a"].serial not in body
    for refused in (editor, moderator):
        client.force_login(refused)
        response = client.get(URL, params)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    for visitor in (judge, None):
        client.logout()
        if visitor:
            client.force_login(visitor)
        response = client.get(URL, params)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
