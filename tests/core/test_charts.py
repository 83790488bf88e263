"""core.charts: valid, accessible SVG with no script, and a table of exactly the numbers drawn."""

import pytest
from defusedxml import ElementTree as ET
from django.template.loader import render_to_string

from core.charts import PALETTE, bar_chart, grouped_bar_chart

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [
    ("Inaugural session", 4.25),
    ("TS-I: The law after the Bharatiya Nyaya Sanhita and the BNSS", 3),
    ("Empty", None),
]


def parse(chart):
    return ET.fromstring(str(chart.svg))


def contrast(hex_colour):
    def channel(c):
        c = int(c, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(hex_colour[i : i + 2]) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_a_bar_chart_is_valid_svg_with_an_accessible_name():
    chart = bar_chart("Mean rating", "The mean mark of each session, 1 to 5.", ROWS)
    root = parse(chart)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id and root.find(f"{SVG}title").text == "Mean rating"
    assert root.find(f"{SVG}desc").get("id") == desc_id
    assert root.find(f"{SVG}desc").text == "The mean mark of each session, 1 to 5."
    bars = root.findall(f"{SVG}g/{SVG}rect")
    assert [float(bar.get("width")) for bar in bars] == [370.0, pytest.approx(261.2, abs=0.1), 0.0]


def test_its_table_holds_the_same_numbers_and_the_full_labels():
    chart = bar_chart("Responses", "How many answered.", ROWS, unit=" people", value_heading="People")
    assert chart.numbers == [(label, [value]) for label, value in ROWS]
    assert chart.rows == [
        ("Inaugural session", ["4.25 people"]),
        ("TS-I: The law after the Bharatiya Nyaya Sanhita and the BNSS", ["3 people"]),
        ("Empty", ["–"]),
    ]
    root = parse(chart)
    labels = [t.text for t in root.findall(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert labels[1].endswith("…") and len(labels[1]) < len(ROWS[1][0])  # cut in the picture...
    tooltips = [g.find(f"{SVG}title").text for g in root.findall(f"{SVG}g")]
    assert tooltips[1] == f"{ROWS[1][0]}: 3 people"  # ...whole in the tooltip and the table
    html = render_to_string("core/includes/chart.html", {"chart": chart})
    assert "<figure" in html and "<figcaption" in html and "<table" in html
    assert '<th scope="row">TS-I: The law after the Bharatiya Nyaya Sanhita and the BNSS</th><td>3 people</td>' in html
    assert '<th scope="col">People</th>' in html


def test_no_script_style_or_outside_reference():
    chart = grouped_bar_chart(
        "<script>alert(1)</script>",
        'Ratings "quoted" & <b>bold</b>',
        ["<img src=x onerror=alert(1)>", "Clarity"],
        [("Before", [1, 2]), ("After <i>", [3, 4.5])],
        unit="%",
    )
    svg = str(chart.svg)
    for banned in ("<script", "<img", "<b>", "<i>", "style=", "href", "http://", "https://", "onerror=alert(1)>"):
        assert banned not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    parse(chart)  # still well-formed XML
    html = render_to_string("core/includes/chart.html", {"chart": chart})
    assert "<script" not in html and "&lt;script&gt;" in html


def test_a_grouped_chart_has_a_legend_and_a_column_per_series():
    chart = grouped_bar_chart(
        "Gain", "Before and after.", ["Judges", "Police"], [("Before", [40, 50.5]), ("After", [70, 80])], unit="%"
    )
    assert chart.columns == ["Item", "Before", "After"]
    assert chart.rows == [("Judges", ["40%", "70%"]), ("Police", ["50.5%", "80%"])]
    root = parse(chart)
    fills = [rect.get("fill") for rect in root.findall(f"{SVG}g/{SVG}rect")]
    assert fills == [PALETTE[0], PALETTE[1], PALETTE[0], PALETTE[1]]
    legend = [t.text for t in root.findall(f"{SVG}text")][:2]
    assert legend == ["Before", "After"]
    with pytest.raises(ValueError):
        grouped_bar_chart("x", "y", ["a"], [("s", [1, 2])])


def test_the_palette_contrasts_with_white():
    assert all(contrast(colour) >= 4.5 for colour in PALETTE)


def test_all_zero_or_empty_data_draws_without_dividing_by_zero():
    assert parse(bar_chart("Nothing yet", "No answers.", [("A", 0), ("B", 0)]))
    assert parse(bar_chart("Nothing at all", "No rows.", []))
