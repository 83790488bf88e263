"""The statistics page in Hindi: table headings, the small-group wording, the downloads; Indian digit grouping."""

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation

from national_statistics import figures
from national_statistics.routes import figures_for

from .conftest import attend, past_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(jh_index):
    event = past_event(jh_index, "Jharkhand colloquium")
    attend(event, "district_judge", 5)
    attend(event, "prosecutor", 2)
    return event


def test_the_page_and_its_table_headings_are_in_hindi(client, statistics_page, held):
    english = Client().get(statistics_page.url).content.decode()
    assert "Events held" in english and "आयोजित कार्यक्रम" not in english
    body = client.get("/hi" + statistics_page.url).content.decode()
    assert '<h2 id="events-heading">आयोजित कार्यक्रम</h2>' in body
    assert '<th scope="col">राज्य/संघ राज्य क्षेत्र और वर्ष</th>' in body and "श्रेणीवार प्रतिभागी" in body
    assert "5 से कम" in body and "आँकड़े छाँटें" in body and "सभी वर्ष" in body
    assert "Events held" not in body and "fewer than 5" not in body


def test_the_csv_headings_are_in_hindi(client, statistics_page, held):
    response = client.get("/hi" + statistics_page.url + "download/csv/")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["तालिका", "पंक्ति", "माप", "मान", "टिप्पणी"]
    assert any(row[0] == "आयोजित कार्यक्रम" and row[2] == "कार्यक्रम" for row in rows[1:])


def test_tables_are_built_in_the_active_language(held):
    with translation.override("hi"):
        tables, _filters, _choices = figures_for({})
        events = next(table for table in tables if table["id"] == "events")
        assert (events["title"], events["row_heading"], events["total"]["label"]) == (
            "आयोजित कार्यक्रम",
            "राज्य/संघ राज्य क्षेत्र और वर्ष",
            "योग",
        )
        note = figures.Cell(value=5, left_out=2).note
        assert note == "5 से कम व्यक्तियों के 2 समूह सम्मिलित नहीं"


def test_numbers_use_indian_digit_grouping():
    assert figures.Cell(1234567).text == "12,34,567"
    assert figures.Cell(Decimal("123456.50")).text == "1,23,456.5"
    assert figures.Cell(Decimal("2.25")).text == "2.25" and figures.Cell(Decimal("3.00")).text == "3"
