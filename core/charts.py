"""Charts drawn on the server as SVG, each with the table of its numbers: no JavaScript, nothing external.

Why server-rendered SVG rather than a charting library: the public site's Content Security
Policy allows no inline script and nothing from another origin, and a chart must still be read
by a screen reader, printed and shown with JavaScript off. An SVG written here is plain markup:
it obeys the CSP (presentation attributes, no `style`), takes the page's font, and carries its
own accessible name (`role="img"`, `<title>` and `<desc>` wired with `aria-labelledby`). Every
chart comes with a real `<table>` of the same numbers, which is what assistive technology and
people who want the figures read; the bars are a picture of that table.

Templates render a chart with `{% include "core/includes/chart.html" with chart=chart %}` and
link `core/charts.css` (`{% static "core/charts.css" %}`), which lets the SVG shrink to narrow screens.

Bars are horizontal, one row per label, so labels never overlap however many there are; a long
label is cut with an ellipsis in the picture (its full text is in the bar's tooltip and in the
table). Colours are the site palette's darker tones, each at least 3:1 against white (WCAG 1.4.11)
and told apart in grouped charts by the legend and the table as well as by colour.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils.safestring import mark_safe

__all__ = ["PALETTE", "Chart", "bar_chart", "grouped_bar_chart"]

# Brand blue, accent orange, green, purple, dark amber, grey: all >= 4.5:1 against white.
PALETTE = ["#14406b", "#a34700", "#1f6b3a", "#6b2d7a", "#8a5300", "#4a5568"]
INK, MUTED, GRID = "#1c2330", "#4a5568", "#d5dae1"

WIDTH = 640
LABEL_WIDTH = 200  # the labels' column; longer labels are cut to fit it
VALUE_WIDTH = 70  # room right of the longest bar for its value
BAR_HEIGHT = 18
BAR_GAP = 10
FONT_SIZE = 13
CHAR_WIDTH = 7.2  # an average character at FONT_SIZE, to fit labels without measuring text
LEGEND_ROW = 24


@dataclass
class Chart:
    """What the chart template shows: the figure's title and description, the SVG, the data table."""

    chart_id: str
    title: str
    description: str
    svg: str
    columns: list = field(default_factory=list)  # the table's headings: label heading, then one per series
    rows: list = field(default_factory=list)  # [(label, [printed values])]
    numbers: list = field(default_factory=list)  # [(label, [values])]: the figures as given, for tests and exports


def _format(value, value_format, unit):
    if value is None:
        return "–"
    if value_format is not None:
        return value_format(value)
    if isinstance(value, float | Decimal) and value != int(value):
        text = f"{float(value):,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value):,}"
    return f"{text}{unit}"


def _fit(label, width=LABEL_WIDTH - 12):
    """The label cut to fit `width` pixels, with an ellipsis when cut."""
    most = max(4, int(width / CHAR_WIDTH))
    return label if len(label) <= most else label[: most - 1].rstrip() + "…"


def _chart_id(title, rows):
    digest = hashlib.sha1(f"{title}{rows!r}".encode(), usedforsecurity=False).hexdigest()[:10]
    return f"chart-{digest}"


def _scale(values):
    """The value the full bar width stands for: the largest value (1 when everything is zero or missing)."""
    largest = max((float(v) for v in values if v is not None), default=0.0)
    return largest if largest > 0 else 1.0


def _svg(chart_id, title, description, height, body):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-size="{FONT_SIZE}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def _bar(x, y, length, colour, label_text, value_text):
    """One bar, its tooltip (the full label and value) and the value printed after it."""
    tooltip = escape(f"{label_text}: {value_text}")
    return (
        f'<g><title>{tooltip}</title><rect x="{x}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" '
        f'fill="{colour}"/><text x="{x + length + 6:.1f}" y="{y + BAR_HEIGHT - 4}" fill="{INK}">'
        f"{escape(value_text)}</text></g>"
    )


def bar_chart(title, description, rows, *, unit="", value_format=None, label_heading="", value_heading="Value"):
    """A horizontal bar chart of `rows`, a list of (label, value); a value of None draws no bar.

    `unit` is printed after each value ("%" or " hours"); `value_format(value)` prints a value
    instead when given. `label_heading` and `value_heading` head the data table's columns.
    """
    rows = [(str(label), value) for label, value in rows]
    chart_id = _chart_id(title, rows)
    top = 8
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    scale = _scale(value for _, value in rows)
    bottom = top + len(rows) * (BAR_HEIGHT + BAR_GAP)
    parts = [f'<line x1="{LABEL_WIDTH}" y1="{top - 4}" x2="{LABEL_WIDTH}" y2="{bottom}" stroke="{GRID}"/>']
    printed = []
    for index, (label, value) in enumerate(rows):
        y = top + index * (BAR_HEIGHT + BAR_GAP)
        value_text = _format(value, value_format, unit)
        printed.append((label, [value_text]))
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 4}" text-anchor="end" fill="{INK}">'
            f"{escape(_fit(label))}</text>"
        )
        length = 0.0 if value is None else max(0.0, float(value)) / scale * plot
        parts.append(_bar(LABEL_WIDTH, y, length, PALETTE[0], label, value_text))
    height = top * 2 + max(1, len(rows)) * (BAR_HEIGHT + BAR_GAP)
    return Chart(
        chart_id=chart_id,
        title=title,
        description=description,
        svg=mark_safe(_svg(chart_id, title, description, height, "".join(parts))),  # noqa: S308 - every text escaped
        columns=[label_heading or "Item", value_heading],
        rows=printed,
        numbers=[(label, [value]) for label, value in rows],
    )


def grouped_bar_chart(title, description, categories, series, *, unit="", value_format=None, label_heading=""):
    """Bars grouped by category: `categories` is a list of labels, `series` a list of (name, [values per category]).

    Each series has a colour from PALETTE (at most six series) shown in a legend; the table has a
    column per series.
    """
    categories = [str(category) for category in categories]
    series = [(str(name), list(values)) for name, values in series]
    if len(series) > len(PALETTE):
        raise ValueError(f"At most {len(PALETTE)} series can be told apart.")
    for name, values in series:
        if len(values) != len(categories):
            raise ValueError(f"Series “{name}” has {len(values)} values for {len(categories)} categories.")
    chart_id = _chart_id(title, [categories, series])
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    scale = _scale(value for _, values in series for value in values)
    parts = []
    # The legend: a swatch and the series name, one row each, above the bars.
    for index, (name, _) in enumerate(series):
        y = 6 + index * LEGEND_ROW
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="14" height="14" fill="{PALETTE[index]}"/>'
            f'<text x="{LABEL_WIDTH + 20}" y="{y + 12}" fill="{INK}">{escape(_fit(name, plot))}</text>'
        )
    top = 6 + len(series) * LEGEND_ROW + 8
    group_height = len(series) * (BAR_HEIGHT + 2) + BAR_GAP * 2
    for c_index, category in enumerate(categories):
        y0 = top + c_index * group_height
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y0 + BAR_HEIGHT - 4}" text-anchor="end" fill="{INK}" '
            f'font-weight="600">{escape(_fit(category))}</text>'
        )
        for s_index, (name, values) in enumerate(series):
            value = values[c_index]
            y = y0 + s_index * (BAR_HEIGHT + 2)
            length = 0.0 if value is None else max(0.0, float(value)) / scale * plot
            parts.append(
                _bar(
                    LABEL_WIDTH, y, length, PALETTE[s_index], f"{category}, {name}", _format(value, value_format, unit)
                )
            )
        if c_index:
            parts.append(f'<line x1="8" y1="{y0 - BAR_GAP}" x2="{WIDTH - 8}" y2="{y0 - BAR_GAP}" stroke="{GRID}"/>')
    height = top + max(1, len(categories)) * group_height
    return Chart(
        chart_id=chart_id,
        title=title,
        description=description,
        svg=mark_safe(_svg(chart_id, title, description, height, "".join(parts))),  # noqa: S308 - every text escaped
        columns=[label_heading or "Item", *(name for name, _ in series)],
        rows=[
            (category, [_format(values[i], value_format, unit) for _, values in series])
            for i, category in enumerate(categories)
        ],
        numbers=[(category, [values[i] for _, values in series]) for i, category in enumerate(categories)],
    )
