"""core.csv_export: the one CSV writer and its rule for formula-like cells."""

import csv
import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from core.csv_export import cell, csv_response


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx", "-", "=", "+91 98"])
def test_text_starting_like_a_formula_gets_a_quote(text):
    assert cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Jean-Luc", "Ranchi - 834001", "a=b", "user@example.test", "", "'=already quoted"])
def test_text_with_those_characters_later_is_unchanged(text):
    assert cell(text) == text


@pytest.mark.parametrize("number", [-2, Decimal("-6.50"), -0.5, 0, Decimal("6.50")])
def test_computed_numbers_stay_numbers_even_when_negative(number):
    assert cell(number) == number


def test_other_values():
    assert cell(None) == ""
    assert cell(True) == "True"  # a boolean is not a number to total
    assert cell(datetime.date(2026, 1, 12)) == "2026-01-12"
    moment = datetime.datetime(2026, 1, 12, 5, 0, 7, 123456, tzinfo=ZoneInfo("UTC"))
    assert cell(moment) == "2026-01-12T10:30:07+05:30"  # the site's zone, to the second


def test_response_streams_a_quoted_csv_with_the_header_first():
    rows = iter([["=1+1", Decimal("-2"), None], ["Jean-Luc", 3, datetime.date(2026, 1, 12)]])
    response = csv_response("people.csv", ["name", "number", "when"], rows)
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    body = b"".join(response.streaming_content).decode()
    assert list(csv.reader(io.StringIO(body, newline=""))) == [
        ["name", "number", "when"],
        ["'=1+1", "-2", ""],
        ["Jean-Luc", "3", "2026-01-12"],
    ]
