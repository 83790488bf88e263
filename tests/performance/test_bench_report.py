"""`make bench` judging and reporting (bench/report.py, bench/load.py, bench/build_data.py, bench/pages.py): pure
logic, no servers."""

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import build_data  # noqa: E402
import load  # noqa: E402
import pages  # noqa: E402
import report  # noqa: E402

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8731/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.92ms  512.33us  21.08ms   91.20%
    Req/Sec     2.10k   101.44     2.33k    70.50%
  Latency Distribution
     50%  812.00us
     75%    2.01ms
     90%    2.40ms
     99%    1.20s
  41830 requests in 10.00s, 412.13MB read
  Non-2xx or 3xx responses: 7
Requests/sec:   4182.61
Transfer/sec:     41.20MB
"""


def test_wrk_output_is_read_in_milliseconds_whatever_the_unit():
    result = load.parse_wrk(WRK_OUTPUT)

    assert result["rps"] == 4182.61
    assert result["p50_ms"] == pytest.approx(0.812)
    assert result["p99_ms"] == pytest.approx(1200.0)
    assert result["errors"] == 7
    assert result["requests"] == 41830
    assert result["socket_errors"] == ""


def test_percentile_is_the_nearest_rank():
    values = list(range(100, 0, -1))  # 100 down to 1: the order given does not matter

    assert report.percentile(values, 0.5) == 50
    assert report.percentile(values, 0.99) == 99
    assert report.percentile(values, 0.07) == 7  # 0.07 x 100 is 7.000000000000001 in floating point
    assert report.percentile([42.0], 0.99) == 42.0
    assert report.percentile([], 0.5) is None


def test_a_figure_is_judged_against_the_mean_of_the_ceilings_around_it():
    assert report.adjacent_ceiling(4000, 3000) == 3500
    assert report.adjacent_ceiling(4000, None) == 4000
    assert report.adjacent_ceiling(None, None) is None


@pytest.mark.parametrize(
    ("category", "rps", "p99", "errors", "met"),
    [
        ("anonymous_cached", 2000, 5.0, 0, True),  # 0.5 of 4000: the floor itself
        ("anonymous_cached", 1999, 5.0, 0, False),
        ("anonymous_cached", 3000, 5.0, 1, False),  # any non-2xx/3xx answer fails the figure
        ("signed_in", 900, 49.0, 0, True),
        ("signed_in", 900, 51.0, 0, False),  # fast enough on average, but one in a hundred waits too long
        ("signed_in", 700, 20.0, 0, False),  # 0.175 of the ceiling
        ("signed_in", 900, None, 0, False),  # no p99 measured: not met
    ],
)
def test_judge_applies_the_ratio_and_the_signed_in_p99(category, rps, p99, errors, met):
    ratio, target, judged = report.judge(category, rps, p99, 4000, errors)

    assert ratio == pytest.approx(rps / 4000)
    assert judged is met
    assert target.startswith(f"≥{report.TARGETS[category]:g}× ceiling")


def test_signed_in_target_names_both_conditions():
    _, target, _ = report.judge("signed_in", 900, 10.0, 4000)

    assert target == "≥0.2× ceiling, p99 ≤50 ms"


def test_no_ceiling_means_no_verdict_but_met_is_false():
    ratio, _, met = report.judge("flow", 40, 100.0, None)

    assert ratio is None
    assert met is False


def test_listing_growth_is_corrected_for_the_ceiling_drifting_between_the_two_runs():
    small = {"p50_ms": 10.0, "ceiling_rps": 4000}
    # The machine ran at half speed for the national run: twice the median, half the ceiling.
    slowed = {"p50_ms": 20.0, "ceiling_rps": 2000}

    raw, corrected, met = report.judge_growth(small, slowed)

    assert raw == pytest.approx(2.0)
    assert corrected == pytest.approx(1.0)
    assert met is True


@pytest.mark.parametrize(("big_p50", "met"), [(15.0, True), (16.0, False)])
def test_listing_growth_fails_above_one_and_a_half(big_p50, met):
    small = {"p50_ms": 10.0, "ceiling_rps": 4000}
    big = {"p50_ms": big_p50, "ceiling_rps": 4000}

    assert report.judge_growth(small, big)[2] is met


def test_listing_growth_without_a_median_is_not_met():
    assert report.judge_growth({"p50_ms": None, "ceiling_rps": 1}, {"p50_ms": 5.0, "ceiling_rps": 1}) == (
        None,
        None,
        False,
    )


def _row(**fields):
    row = {
        "name": "home",
        "mode": "cached",
        "category": "anonymous_cached",
        "rps": 3000.0,
        "p50_ms": 2.04,
        "p99_ms": 3.5,
        "ceiling_rps": 4000.0,
        "errors": 0,
        "load": 2.345,
        "queries": None,
    }
    row.update(fields)
    return row


def test_page_table_prints_absolute_figures_beside_the_ratio_and_the_load():
    lines = report.page_table(
        [
            _row(),
            _row(mode="uncached", category="anonymous_uncached_listing", rps=16.0, queries=13),
            _row(name="admin list", mode="admin", category="admin", rps=100.0, queries=25),
        ]
    )

    assert lines[0].startswith("| Page | Cache | req/s | p50 ms | p99 ms | ceiling req/s | ratio | target | verdict |")
    assert lines[2] == ("| home | cached | 3,000 | 2.0 | 3.5 | 4,000 | 0.750 | ≥0.5× ceiling | met | 2.35 | — |")
    assert "| 16 | 2.0 | 3.5 | 4,000 | 0.004 | ≥0.005× ceiling | **NOT met** | 2.35 | 13 **NOT met** |" in lines[3]
    assert lines[4].endswith("| 25 (admin: not judged) |")


def test_page_table_shows_errors_and_fails_the_row():
    line = report.page_table([_row(errors=3)])[2]

    assert "3,000 (3 errors)" in line
    assert "**NOT met**" in line


def _growth_pair(name, national_p50_ms, national_load, shown):
    return {
        "name": name,
        "mode": "uncached",
        "small": {"p50_ms": 10.0, "ceiling_rps": 4000, "load": 2.0},
        "national": {"p50_ms": national_p50_ms, "ceiling_rps": 4000, "load": national_load},
        "shown": shown,
    }


def test_growth_table_prints_the_items_shown_both_medians_the_drift_and_the_verdict():
    pair = _growth_pair("colloquia index", 30.0, 2.5, {"small": 12, "national": 12})

    line = report.growth_table([pair])[2]

    assert line == (
        "| colloquia index | uncached | 12 / 12 | 10.0 | 30.0 | 3.00 | 4,000 → 4,000 | 3.00 | ≤1.5× | **NOT met** | "
        "2.00, 2.50 |"
    )


def test_growth_table_says_why_a_row_has_no_items_to_compare():
    pair = _growth_pair("home", 11.0, 2.0, {"exempt": pages.NO_PAGE_LIST})

    assert f"| home | uncached | {pages.NO_PAGE_LIST} | 10.0 |" in report.growth_table([pair])[2]


def _listing_page(count, page):
    """A listing's page list as core/includes/pagination.html renders it, for `count` items 12 a page."""
    from django.http import QueryDict
    from django.template.loader import render_to_string

    from core.pagination import paginate

    pagination = paginate(list(range(count)), QueryDict(f"page={page}"), 12, path="/colloquia/")
    return render_to_string("core/includes/pagination.html", {"pagination": pagination})


@pytest.mark.parametrize(("count", "page", "shown"), [(63, 2, 12), (18, 2, 6), (3000, 250, 12), (3001, 251, 1)])
def test_items_shown_are_read_from_the_page_list(count, page, shown):
    assert pages.items_shown(_listing_page(count, page)) == shown


def test_a_page_without_a_page_list_shows_no_count():
    assert pages.items_shown(_listing_page(5, 1)) is None


def test_equally_full_pages_are_compared():
    assert pages.compare_pages("colloquia index, page 2", _listing_page(63, 2), _listing_page(27, 2)) == {
        "national": 12,
        "small": 12,
    }


@pytest.mark.parametrize("small", [(18, 2), (10, 1)])  # a shorter last page; one page with no page list
def test_a_small_page_shorter_than_the_national_one_stops_the_run(small):
    with pytest.raises(SystemExit, match="colloquia index, page 2: the national set shows 12 items"):
        pages.compare_pages("colloquia index, page 2", _listing_page(63, 2), _listing_page(*small))


def test_a_page_with_no_page_list_is_exempt_from_the_comparison():
    assert pages.compare_pages("home", "<main>sections</main>", "<main>sections</main>") == {
        "exempt": pages.NO_PAGE_LIST
    }


def test_report_is_the_page_table_then_the_growth_table_then_the_certificate_lines():
    data = {
        "settings": {"seconds": 10, "ceiling_seconds": 2, "connections": 8, "workers": 2},
        "rows": [_row()],
        "growth": [
            {
                "name": "home",
                "mode": "cached",
                "small": {"p50_ms": 2.0, "ceiling_rps": 4000, "load": 2.0},
                "national": {"p50_ms": 2.1, "ceiling_rps": 4000, "load": 2.0},
            }
        ],
        "flows": {
            "quiz": {
                "journeys": 120,
                "threads": 8,
                "journeys_per_s": 12.0,
                "requests": 600,
                "step_p50_ms": {"POST answers": 30.0},
            }
        },
        "certificate_render": {
            "ratio": 0.9,
            "samples": 40,
            "median_ms": 27.0,
            "p95_ms": 30.0,
            "reference_median_ms": 30.0,
            "load_average": 2.1,
        },
        "startup_s": 1.2,
    }

    text = report.format_report(data)

    page_table = text.index("| Page | Cache |")
    flows = text.index("- quiz: 120 journeys by 8 Python clients (12.0/s, 600 requests); median per step: POST answers")
    growth = text.index("| Listing | Cache |")
    certificate = text.index("- Certificate render")
    assert page_table < flows < growth < certificate
    assert "0.90× the reference — met (target ≤1.0×)" in text


def test_quiz_answers_choose_one_offered_option_per_question():
    html = """
      <input type="radio" name="q11" value="a1"> <input type="radio" name="q11" value="a2">
      <input type="checkbox" name="q12" value="b1"> <input type="checkbox" name="q12" value="b2">
      <input id="q13" type="text" name="q13" maxlength="300" autocomplete="off">
    """

    answers = load.quiz_answers(html, random.Random(1))

    assert set(answers) == {"q11", "q12", "q13"}
    assert answers["q11"] in {"a1", "a2"}
    assert answers["q12"] in {"b1", "b2"}
    assert answers["q13"]


def test_journeys_take_each_item_once_and_count_refusals_as_errors():
    seen = []

    def journey(browser, item, state):
        seen.append((item, browser.cookies["sessionid"]))
        if item == 3:
            raise load.JourneyError("refused")

    def cookies_for(item, thread):
        return {"sessionid": f"person-{item}"}

    # No request is sent; the journeys end when the items do, long before the 600 s.
    result = load.drive_journeys(1, journey, iter(range(20)), 600, 4, cookies_for)

    assert sorted(item for item, _ in seen) == list(range(20))
    assert all(cookie == f"person-{item}" for item, cookie in seen)
    assert result["journeys"] == 19
    assert result["errors"] == 1
    assert result["error_examples"] == ["refused"]
    assert result["ran_out_of_items"] is True
    assert result["requests"] == 0


@pytest.fixture
def data_set(tmp_path, monkeypatch):
    spec = {"path": tmp_path / "set.sqlite3", "key": tmp_path / "set.key", "files": tmp_path, "sizes": {}}
    spec["path"].write_bytes(b"")
    monkeypatch.setitem(build_data.DATA_SETS, "national", spec)
    return spec


def test_a_built_set_is_reused_only_with_the_same_key_and_while_young(data_set):
    key = build_data.data_key("national")
    data_set["key"].write_text(json.dumps({"key": key, "built": "2026-12-01"}))

    assert build_data.is_current("national", today=date(2026, 12, 6))
    assert build_data.is_current("national", today=date(2026, 12, 1) + timedelta(days=build_data.MAX_AGE_DAYS))
    assert not build_data.is_current("national", today=date(2027, 1, 1))  # the calendar has drifted
    # Built in India's evening, asked about in UTC's: the builder's date is a day ahead of the asker's.
    assert build_data.is_current("national", today=date(2026, 11, 30))
    assert not build_data.is_current("national", today=date(2026, 11, 29))
    data_set["key"].write_text(json.dumps({"key": "another", "built": "2026-12-01"}))
    assert not build_data.is_current("national", today=date(2026, 12, 6))
    data_set["key"].write_text(key)  # the key file of an older bench/build_data.py
    assert not build_data.is_current("national", today=date(2026, 12, 6))


def test_the_key_differs_between_data_sets():
    assert build_data.data_key("national") != build_data.data_key("small")


def test_a_page_that_could_not_be_measured_is_reported_as_not_met():
    data = {
        "settings": {"seconds": 10, "ceiling_seconds": 2, "connections": 8, "workers": 2},
        "rows": [_row()],
        "broken": {"admin list": "/admin/colloquia/7/ answered 500"},
    }

    text = report.format_report(data)

    assert "- admin list: not measured, /admin/colloquia/7/ answered 500 — **NOT met**" in text


def test_worker_memory_line_gives_the_peak_before_the_admin_screens_too():
    lines = report.certificate_lines({"web_worker_peak_rss_mb": 190.4, "web_worker_peak_rss_public_mb": 150.2})

    assert lines == [
        "- Peak RSS of a gunicorn worker (VmHWM) after the run: 190 MB — NOT met (target <180 MB); "
        "150 MB before it served the admin screens and the POST journeys"
    ]


@pytest.mark.parametrize(
    ("ratio", "rendered_once", "verdicts"), [(2.4, True, ("met", "met")), (3.2, False, ("NOT met", "NOT met"))]
)
def test_module_pdf_row_judges_the_ratio_and_the_second_request(ratio, rendered_once, verdicts):
    figure = {
        "median_ms": 2400.0,
        "p95_ms": 2900.0,
        "reference_median_ms": 2400.0 / ratio,
        "ratio": ratio,
        "pages": 16,
        "lessons": 6,
        "samples": 12,
        "first_request_ms": 2600.0,
        "stored_request_ms": 2.5,
        "rendered_once": rendered_once,
        "load_average": 3.0,
    }
    (line,) = report.module_pdf_lines({"module_pdf": figure})
    assert f"{ratio:.2f}× the reference — {verdicts[0]} (target ≤3.0×)" in line
    assert f"second 2.5 ms from the stored copy, rendering nothing — {verdicts[1]}" in line
    assert "6 lessons, 16 pages" in line
    assert report.module_pdf_lines({}) == []


BATCH = {
    "certificates": 500,
    "workers": 2,
    "issue_seconds": 24.6,
    "reference_median_ms": 57.6,
    "reference_seconds": 14.4,
    "ratio": 1.71,
    "per_second": 20.3,
    "wall_seconds_with_startup": 30.8,
    "load_average": 2.5,
    "worker_peak_rss_mb": 177.0,
}


def test_the_batch_is_judged_against_the_reference_rendered_by_as_many_processes_at_once():
    # Two processes rendering at once each took 91 ms a reference (one alone took 57.6 ms).
    batch = {
        **BATCH,
        "parallel_reference_ms": 91.0,
        "parallel_reference_seconds": 22.75,
        "ratio_to_parallel_reference": 1.08,
    }
    (line,) = [line for line in report.certificate_lines({"bulk_issue": batch}) if "Bulk issue" in line]
    assert "1.08× the reference rendered by 2 processes at once" in line and "NOT met" in line
    assert "1.71× the single-process reference" in line
    faster = {**batch, "ratio_to_parallel_reference": 0.93}
    (line,) = [line for line in report.certificate_lines({"bulk_issue": faster}) if "Bulk issue" in line]
    assert "0.93×" in line and "— met" in line


def test_a_batch_from_an_older_run_is_judged_against_the_single_process_reference():
    (line,) = [line for line in report.certificate_lines({"bulk_issue": BATCH}) if "Bulk issue" in line]
    assert "1.71× the reference (500 × 57.6 ms ÷ 2 = 14.4 s) — NOT met" in line
