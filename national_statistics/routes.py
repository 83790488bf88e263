"""What the statistics page shows and downloads: one set of figures for the page, the CSV and the JSON.

The page's context and its two routes (`download/csv/`, `download/json/`) read the same
figures for the same filters (figures.national_picture on the rows kept under the
"national-statistics" tag), so a download holds exactly the numbers the page shows.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.models import SourceKind
from colloquia.models import Category, ColloquiumPage
from core.cache import current_generation, depends_on
from core.charts import bar_chart
from core.csv_export import csv_response

from . import figures

SOURCE_LABELS = {
    SourceKind.COLLOQUIUM.value: gettext_lazy("Events (attendance)"),
    SourceKind.MODULE.value: gettext_lazy("Modules (completion)"),
}


def _held_event_pages():
    # Live public pages only: a private event's existence is not for the public page.
    return ColloquiumPage.originals.live().public()


def _chosen(params, years, states):
    """The year and State/UT code asked for, each None when absent or not among those with figures."""
    year_text = (params.get("year") or "").strip()
    year = int(year_text) if year_text.isascii() and year_text.isdigit() and int(year_text) in years else None
    state = (params.get("state") or "").strip()
    return year, state if state in dict(states) else None


def figures_for(params):
    """(tables, filters, choices) for the request's filters."""
    depends_on(figures.TAG)  # before reading: a change while the page renders makes the stored page stale
    rows = figures.cached_grain_rows(_held_event_pages, generation=current_generation())
    years, states = figures.filter_choices(rows)
    year, state = _chosen(params, years, states)
    tables = figures.national_picture(
        rows,
        year=year,
        state=state,
        categories=[(value, str(label)) for value, label in Category.choices],
        source_labels={value: str(label) for value, label in SOURCE_LABELS.items()},
    )
    return tables, {"year": year, "state": state}, {"years": years, "states": states}


def _chart(table):
    shown = [(row["label"], row["cells"][0].shown) for row in table["rows"] if row["cells"][0].shown is not None]
    measure = table["measures"][0]["heading"].lower()
    return bar_chart(
        table["title"],
        _("Bar chart of %(measure)s by %(heading)s; the table below gives every figure.")
        % {"measure": measure, "heading": table["row_heading"].lower()},
        shown,
        label_heading=table["row_heading"],
        value_heading=table["measures"][0]["heading"],
    )


def _query(filters):
    return urlencode({key: value for key, value in filters.items() if value})


def _filename(filters, extension):
    parts = ["national-statistics", str(filters["year"] or "all-years"), (filters["state"] or "all-states").lower()]
    return f"{'-'.join(parts)}.{extension}"


def page_context(page, request):
    tables, filters, choices = figures_for(request.GET)
    for table in tables:
        table["chart"] = _chart(table) if any(row["cells"][0].shown for row in table["rows"]) else None
    query = _query(filters)
    suffix = f"?{query}" if query else ""
    state_name = dict(choices["states"]).get(filters["state"], "")
    return {
        "tables": tables,
        "filters": filters,
        "state_name": state_name,
        "years": choices["years"],
        "states": choices["states"],
        "min_group": figures.MIN_GROUP,
        "csv_url": page.url + page.reverse_subpage("download_csv") + suffix,
        "json_url": page.url + page.reverse_subpage("download_json") + suffix,
    }


def csv_download(page, request):
    tables, filters, _choices = figures_for(request.GET)
    header, lines = figures.csv_rows(tables)
    return csv_response(_filename(filters, "csv"), header, lines)


def json_download(page, request):
    tables, filters, _choices = figures_for(request.GET)
    response = JsonResponse(figures.as_data(tables, **filters), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{_filename(filters, "json")}"'
    return response
