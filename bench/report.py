"""Judging and printing `make bench` figures: pure functions, no servers (tests/performance/test_bench_report.py).

Every speed figure is a ratio to a reference measured in the same run, because the machines
drift 2x in speed over a day: pages to the ceiling view (bench/ceiling.py) measured just before
and just after them, listings on the national data set to the same listing on the small one
measured next to it, certificates to the reference render (bench/reference_pdf.py). The
absolute figures and the 1-minute load average are printed beside every ratio.
"""

import math
import statistics

# What a category of page must reach, as a fraction of the ceiling's requests/s.
TARGETS = {
    "anonymous_cached": 0.5,  # a page-cache hit is a cache lookup: close to the bare request cycle
    "signed_in": 0.2,  # the lesson and "My learning": never cached whole, sections cached per learner
    "signed_in_p99_ms": 50,  # ... and no signed-in request waits long, at 8 connections
    # The floors below are derived from the first full run of this benchmark (6 December 2026, 2
    # cores shared with other work: 1-minute load 5-9, ceiling 1,100-3,300 req/s). Each is about
    # half the median ratio its category measured then: a page that gets twice as costly fails,
    # while the ordinary run-to-run noise of a shared machine does not. They guard against
    # regressions; they are not what the pages should reach (a quiet machine measures 2-3x higher:
    # the run of 1 December, at load 2, had the uncached home page at 0.029).
    # - Listings with the page cache off measured 0.007-0.014 (median 0.011); the academy page
    #   0.04 and search 0.002 (its cost grows with the matches it does not show).
    "anonymous_uncached_listing": 0.005,
    # - Other public pages with the page cache off: 0.014 (an event with its two-day agenda) to
    #   0.044 (module, certificate verification); median 0.037.
    "anonymous_uncached_detail": 0.02,
    # - POST journeys, counted per HTTP request of the journey (the pages it redirects to included):
    #   quiz 0.015, registration 0.008, a registrar's check-in 0.002 (each reloads the 500-row
    #   attendance screen); median 0.008.
    "flow": 0.004,
    # - The registrar's list of an event's 500 registrations (a Wagtail admin listing): 0.002.
    "admin": 0.001,
    "queries": 12,  # SQL queries per page-cache miss
    # A listing shows one page of items: on the national data set its median time may be at
    # most 1.5x that on the small one (after correcting for the ceiling's drift between them).
    "growth": 1.5,
    # Speed targets for certificates are ratios to the reference render timed in the same run:
    # the machines drift 2x in speed over a day, which an absolute time would report as a miss.
    "render_ratio": 1.0,  # median real render / median reference render
    # The module PDF (a six-lesson module, 16 pages, rendered whole; bench/module_pdf.py): median render over
    # the median render of the same text as plain WeasyPrint. What the copy adds costs time by design: the
    # contents page (its page numbers need a second layout pass), running titles and "Page n of N" on
    # every page, the statute and case-law boxes, and PDF/UA tagging (about 0.3x alone). The first runs
    # (6 December 2026, 2 cores) measured 2.36x at load 4.5 and 2.75-2.93x at load 12-16; a copy renders
    # once per published revision, so this is paid by the first reader of each revision only.
    "module_pdf_ratio": 3.0,
    "bulk_issue_ratio": 1.0,  # batch time / (certificates x reference median / workers)
    "worker_rss_mb": 180,  # raised from 150 when the sys.modules stand-ins went (they saved ~20 MB)
    "startup_s": 5,
}


def fmt(value, digits=0):
    return "—" if value is None else f"{value:,.{digits}f}"


def percentile(values, fraction):
    """The nearest-rank percentile of `values` (fraction 0.5 for the median, 0.99 for p99); None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(round(len(ordered) * fraction, 9)))  # rounded: 0.07 x 100 is 7.000000000000001
    return ordered[rank - 1]


def adjacent_ceiling(before, after):
    """The ceiling a figure is judged against: the mean of the ceiling runs just before and just after it."""
    runs = [run for run in (before, after) if run is not None]
    return statistics.mean(runs) if runs else None


def judge(category, rps, p99_ms, ceiling_rps, errors=0, targets=TARGETS):
    """(ratio to the ceiling, target in words, met) for a figure of `category`."""
    ratio = rps / ceiling_rps if ceiling_rps else None
    floor = targets[category]
    target = f"≥{floor:g}× ceiling"
    met = ratio is not None and ratio >= floor
    if category == "signed_in":
        target += f", p99 ≤{targets['signed_in_p99_ms']} ms"
        met = met and p99_ms is not None and p99_ms <= targets["signed_in_p99_ms"]
    if errors:
        met = False
    return ratio, target, met


def judge_growth(small, big, targets=TARGETS):
    """How a listing's median grows from the small data set to the national one.

    `small` and `big` are figures ({p50_ms, ceiling_rps}) measured one after the other. The raw
    ratio of medians is corrected by the ceiling's drift between the two runs (a machine at half
    speed doubles the median and halves the ceiling), and the corrected ratio is judged.
    Returns (raw, corrected, met).
    """
    if not small.get("p50_ms") or big.get("p50_ms") is None:
        return None, None, False
    raw = big["p50_ms"] / small["p50_ms"]
    drift = big["ceiling_rps"] / small["ceiling_rps"] if small.get("ceiling_rps") and big.get("ceiling_rps") else 1.0
    corrected = raw * drift
    return raw, corrected, corrected <= targets["growth"]


def verdict(met):
    return "met" if met else "**NOT met**"


def page_table(rows, targets=TARGETS):
    """The one table of page figures: each row judged against the ceiling measured next to it."""
    lines = [
        "| Page | Cache | req/s | p50 ms | p99 ms | ceiling req/s | ratio | target | verdict | load | "
        f"SQL queries (≤{targets['queries']}) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |",
    ]
    for row in rows:
        ratio, target, met = judge(
            row["category"], row["rps"], row["p99_ms"], row["ceiling_rps"], row.get("errors", 0), targets
        )
        errors = f" ({row['errors']} errors)" if row.get("errors") else ""
        queries = row.get("queries")
        if queries is None:
            sql = "—"
        elif row["category"] == "admin":
            sql = f"{queries} (admin: not judged)"
        else:
            sql = f"{queries} {verdict(queries <= targets['queries'])}"
        lines.append(
            f"| {row['name']} | {row['mode']} | {fmt(row['rps'])}{errors} | {fmt(row['p50_ms'], 1)} | "
            f"{fmt(row['p99_ms'], 1)} | {fmt(row['ceiling_rps'])} | {fmt(ratio, 3)} | {target} | {verdict(met)} | "
            f"{fmt(row.get('load'), 2)} | {sql} |"
        )
    return lines


def shown_cell(shown):
    """The items each set's page shows (the same on both: bench/pages.compare_pages), or why a row has none."""
    if not shown:
        return "—"
    if "exempt" in shown:
        return shown["exempt"]
    return f"{shown['small']} / {shown['national']}"


def growth_table(pairs, targets=TARGETS):
    """Each listing on the small and the national data set, measured one after the other."""
    lines = [
        "| Listing | Cache | items shown small / national | p50 ms small | p50 ms national | national/small | "
        "ceiling small → national | corrected | target | verdict | load |",
        "| --- | --- | --- | ---: | ---: | ---: | --- | ---: | --- | --- | ---: |",
    ]
    for pair in pairs:
        small, big = pair["small"], pair["national"]
        raw, corrected, met = judge_growth(small, big, targets)
        lines.append(
            f"| {pair['name']} | {pair['mode']} | {shown_cell(pair.get('shown'))} | {fmt(small['p50_ms'], 1)} | "
            f"{fmt(big['p50_ms'], 1)} | {fmt(raw, 2)} | {fmt(small['ceiling_rps'])} → {fmt(big['ceiling_rps'])} | "
            f"{fmt(corrected, 2)} | ≤{targets['growth']:g}× | {verdict(met)} | "
            f"{fmt(small.get('load'), 2)}, {fmt(big.get('load'), 2)} |"
        )
    return lines


def certificate_lines(data, targets=TARGETS):
    lines = []
    render = data.get("certificate_render")
    if render:
        ok = render["ratio"] <= targets["render_ratio"]
        lines.append(
            f"- Certificate render (warm process, {render['samples']} renders alternating with the reference): "
            f"{render['ratio']:.2f}× the reference — {'met' if ok else 'NOT met'} "
            f"(target ≤{targets['render_ratio']}×); "
            f"median {render['median_ms']:.1f} ms, p95 {render['p95_ms']:.1f} ms, reference "
            f"{render['reference_median_ms']:.1f} ms; load {render['load_average']:.2f}"
        )
    issue = data.get("bulk_issue")
    if issue:
        # The batch runs on `workers` processes at once, so its yardstick is the reference rendered by as
        # many processes at once: two cores do not give two full cores' speed to parallel renders
        # (measured 1.3× here). The single-process figure is printed beside it.
        parallel = issue.get("ratio_to_parallel_reference")
        judged = parallel if parallel is not None else issue["ratio"]
        ok = judged <= targets["bulk_issue_ratio"]
        rss_ok = issue["worker_peak_rss_mb"] < targets["worker_rss_mb"]
        yardstick = (
            f"{parallel:.2f}× the reference rendered by {issue['workers']} processes at once "
            f"({issue['certificates']} × {issue['parallel_reference_ms']:.1f} ms ÷ {issue['workers']} = "
            f"{issue['parallel_reference_seconds']:.1f} s; {issue['ratio']:.2f}× the single-process reference, "
            f"{issue['reference_median_ms']:.1f} ms)"
            if parallel is not None
            else f"{issue['ratio']:.2f}× the reference ({issue['certificates']} × "
            f"{issue['reference_median_ms']:.1f} ms ÷ {issue['workers']} = {issue['reference_seconds']:.1f} s)"
        )
        lines.append(
            f"- Bulk issue: {issue['certificates']} certificates with {issue['workers']} worker processes in "
            f"{issue['issue_seconds']:.1f} s, {yardstick} — {'met' if ok else 'NOT met'} "
            f"(target ≤{targets['bulk_issue_ratio']}×); {issue['per_second']:.0f}/s, "
            f"{issue['wall_seconds_with_startup']:.1f} s with process start-up; load {issue['load_average']:.2f}; "
            f"issuing worker peak RSS {issue['worker_peak_rss_mb']:.0f} MB — {'met' if rss_ok else 'NOT met'} "
            f"(target <{targets['worker_rss_mb']} MB)"
        )
    rss = data.get("web_worker_peak_rss_mb")
    if rss:
        ok = rss < targets["worker_rss_mb"]
        public = data.get("web_worker_peak_rss_public_mb")
        before = f"; {public:.0f} MB before it served the admin screens and the POST journeys" if public else ""
        lines.append(
            f"- Peak RSS of a gunicorn worker (VmHWM) after the run: {rss:.0f} MB — "
            f"{'met' if ok else 'NOT met'} (target <{targets['worker_rss_mb']} MB){before}"
        )
    return lines


def module_pdf_lines(data, targets=TARGETS):
    """The module PDF row: its render against the plain reference, and the stored copy served once rendered."""
    figure = data.get("module_pdf")
    if not figure:
        return []
    ok = figure["ratio"] <= targets["module_pdf_ratio"]
    once = "met" if figure["rendered_once"] else "NOT met"
    return [
        f"- Module PDF ({figure['lessons']} lessons, {figure['pages']} pages; warm process, {figure['samples']} "
        f"renders alternating with the reference): {figure['ratio']:.2f}× the reference — "
        f"{'met' if ok else 'NOT met'} (target ≤{targets['module_pdf_ratio']}×); median {figure['median_ms']:.0f} ms, "
        f"p95 {figure['p95_ms']:.0f} ms, reference {figure['reference_median_ms']:.0f} ms; as downloads: first "
        f"request {figure['first_request_ms']:.0f} ms (renders and stores), second "
        f"{figure['stored_request_ms']:.1f} ms from the stored copy, rendering nothing — {once}; "
        f"load {figure['load_average']:.2f}"
    ]


def flow_lines(flows):
    """What each POST journey does, with the median of each of its steps."""
    lines = []
    for name, flow in flows.items():
        steps = ", ".join(f"{step} {fmt(ms, 1)} ms" for step, ms in flow["step_p50_ms"].items())
        lines.append(
            f"- {name}: {flow['journeys']} journeys by {flow['threads']} Python clients "
            f"({flow['journeys_per_s']:.1f}/s, {flow['requests']} requests); median per step: {steps}"
        )
    return lines


def format_report(data, targets=TARGETS):
    """The whole report (stdout and bench/results/latest.md) from the figures `run.py` collected."""
    settings = data["settings"]
    lines = [
        "Each page is judged against the ceiling (bench/ceiling.py, a static 10 KB Django view on the same "
        f"gunicorn settings) measured for {settings['ceiling_seconds']} s just before and just after it; "
        "load is the 1-minute load average when the figure was taken.",
        "",
        *page_table(data["rows"], targets),
        "",
    ]
    for name, reason in data.get("broken", {}).items():
        lines.append(f"- {name}: not measured, {reason} — **NOT met**")
    if data.get("broken"):
        lines.append("")
    if data.get("flows"):
        lines += [
            "POST journeys are driven by Python clients (one thread per connection, each a real session with "
            "its CSRF token, following every redirect as a browser does); req/s, p50 and p99 count every "
            "request of the journey, and the client's own time counts against it.",
            "",
            *flow_lines(data["flows"]),
            "",
        ]
    if data.get("growth"):
        lines += [
            "Listings with the page cache off on the small data set and the national one, measured one after "
            "the other (a page-cache hit reads no items, whatever their number); a listing's page shows as many "
            "items on both sets, or the run stops before measuring:",
            "",
            *growth_table(data["growth"], targets),
            "",
        ]
    lines += certificate_lines(data, targets)
    lines += module_pdf_lines(data, targets)
    if data.get("startup_s") is not None:
        lines.append(
            f"- gunicorn start-up to first page (production settings, {settings['workers']} workers): "
            f"{data['startup_s']:.1f} s; load {fmt(data.get('startup_load'), 2)}"
        )
    machine = data.get("machine")
    if machine:
        end = ", ".join(str(round(x, 2)) for x in data.get("load_average_at_end", []))
        lines.append(
            f"- Machine: {machine['nproc']} cores, {machine['cpu']}, Python {machine['python']}; load average at "
            f"start {', '.join(str(x) for x in machine['load_average_at_start'])}, at the end {end} (both include "
            f"the benchmark's own load). wrk -t2 -c{settings['connections']} -d{settings['seconds']}s on "
            f"127.0.0.1; gunicorn {settings['workers']} sync workers; SQLite (WAL); process-local cache."
        )
    for label, counts in (("national", data.get("data_set")), ("small", data.get("data_set_small"))):
        if counts:
            lines.append(f"- Data set, {label}: " + ", ".join(f"{model} {count:,}" for model, count in counts.items()))
    return "\n".join(lines) + "\n"
