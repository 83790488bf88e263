"""`make bench`: build (or reuse) the data sets, serve them as in production, measure, report.

Everything runs on 127.0.0.1 only. Steps:
1. bench/build_data.py builds bench/data/bench.sqlite3 (national) and small.sqlite3 (demo-sized)
   unless the cached ones match; each run serves fresh copies of them (run-*.sqlite3), so the
   POST journeys below start from the same data every time.
2. In process, on the national copy: the pages to measure (bench/pages.py), the sessions of
   the benchmark judge and of the registrars (signed in through allauth's password and TOTP
   forms), SQL queries per page (CaptureQueriesContext, page cache off), the certificate
   render timed against its reference (bench/reference_pdf.py: the same certificate written as
   plain WeasyPrint, rendered alternately with it), and the items of the POST journeys.
3. Four gunicorn servers (2 sync workers each, production settings, DEBUG off, tasks queued as
   in production): the national copy with the page cache on and off, the small copy with it
   off, and the 10 KB ceiling app (bench/ceiling.py). Every figure is one run of
   BENCH_SECONDS at BENCH_CONNECTIONS connections (after a 1 s warm-up), with a run of the
   ceiling of BENCH_CEILING_SECONDS just before and just after it: the figure is judged as a
   ratio to the mean of the two, so a machine that slows down during the run slows both.
   - every public page and listing, page cache on and off; each listing also on the small
     data set with the page cache off, measured right after the national one (the growth table);
   - the judge's lesson and dashboard, and the registrar's list of an event's 500
     registrations, with wrk;
   - POST journeys with Python clients (bench/load.py): a quiz started and answered, a
     registration for an event, a registrar's check-in.
4. 500 attendance certificates are issued through the real task path on a copy of the database:
   the batch is queued with the database task backend and two `manage.py worker` processes
   run its chunk tasks. The batch is judged against the time the same workers would take to
   render as many reference certificates at once, as many processes rendering them side by side
   just before and after it (`ratio_to_parallel_reference`: a machine's parallel speed slows both
   alike); the ratio to the reference timed in one process is reported beside it.
5. The report (bench/report.py) is printed and written to bench/results/latest.json and latest.md.

Environment: BENCH_SECONDS (per figure, 10), BENCH_CEILING_SECONDS (per ceiling run, 3),
BENCH_CONNECTIONS (8), BENCH_PORT (first of four ports, 8731).

`python bench/run.py --only bulk-issue` measures step 4 alone (on the built national set) and
prints its line without writing bench/results: for working on the batch between full runs.
`python bench/run.py --only signed-in` does the same for the judge's lesson and dashboard: served
as in a full run (page cache on), each between runs of the ceiling, printed as rows of the page table.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_data  # noqa: E402
import load  # noqa: E402
import module_pdf  # noqa: E402
import pages  # noqa: E402
import reference_pdf  # noqa: E402
import report  # noqa: E402
from servers import HOST, WORKERS, log, require_page, start_gunicorn, stop, worker_peak_rss_mb  # noqa: E402

ROOT = build_data.ROOT
RESULTS = build_data.BENCH_DIR / "results"
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CEILING_SECONDS = int(os.environ.get("BENCH_CEILING_SECONDS", "3"))
WARM_SECONDS = 1
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
PORT = int(os.environ.get("BENCH_PORT", "8731"))
RUN_COPIES = {
    "national": build_data.DATA_DIR / "run-national.sqlite3",
    "small": build_data.DATA_DIR / "run-small.sqlite3",
}
TARGETS = report.TARGETS

# Scripts that drive one page use bench/run.py's helpers under these names: HOST, PORT, collect_static,
# find_pages, signed_in_session, start_gunicorn, stop and wrk.
signed_in_session = pages.signed_in_session


# --- in-process measurements --------------------------------------------------------------------


def collect_static():
    """Production uses the manifest storage: collect once, again only when a static file changed."""
    from django.conf import settings

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        newest = max((p.stat().st_mtime for d in ROOT.glob("*/static") for p in d.rglob("*") if p.is_file()), default=0)
        if newest < manifest.stat().st_mtime:
            return
    from django.core.management import call_command

    log("collectstatic (production manifest storage) ...")
    call_command("collectstatic", interactive=False, verbosity=0)


def find_pages():
    """{name: (url, signed in as the judge)} of the public and signed-in pages `make bench` measures."""
    return {
        spec["name"]: (spec["url"], spec["who"] == "judge") for spec in pages.find_pages() if spec["who"] != "registrar"
    }


def _certificate_and_palette():
    from django.apps import apps

    if not apps.is_installed("certificates"):
        return None
    from certificates.models import Certificate

    return Certificate.objects.order_by("pk").first()


def reference_times(cert, samples):
    """Milliseconds of `samples` reference renders of `cert` (bench/reference_pdf.py)."""
    times = []
    for _ in range(samples):
        began = time.perf_counter()
        reference_pdf.render_reference(cert)
        times.append((time.perf_counter() - began) * 1000)
    return times


def render_times(samples=40):
    """The real render and its reference, alternately in one warm process: medians and their ratio."""
    cert = _certificate_and_palette()
    if cert is None:
        return None
    from certificates.pdf import render_certificate

    def real():
        render_certificate(cert, primary_colour="#1f3a5f", accent_colour="#b8860b")

    for _ in range(3):  # a warm process: fonts, stylesheets and template loaded for both
        real()
        reference_pdf.render_reference(cert)
    times, reference = [], []
    for _ in range(samples):
        reference += reference_times(cert, 1)
        began = time.perf_counter()
        real()
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    median, reference_median = statistics.median(times), statistics.median(reference)
    return {
        "median_ms": median,
        "p95_ms": times[int(len(times) * 0.95) - 1],
        "reference_median_ms": reference_median,
        "ratio": median / reference_median,
        "samples": samples,
        "load_average": os.getloadavg()[0],
    }


# --- servers and load ---------------------------------------------------------------------------


def wrk(url, cookie=None, seconds=SECONDS):
    return load.wrk(url, cookie, seconds=seconds, connections=CONNECTIONS)


class Schedule:
    """Runs figures one after the other with a run of the ceiling between each two, and judges each
    figure against the mean of the ceiling runs just before and just after it."""

    def __init__(self, ceiling_port):
        self.ceiling_url = f"http://{HOST}:{ceiling_port}/"
        wrk(self.ceiling_url, seconds=WARM_SECONDS)
        self.last = None
        self.ceilings = []

    def ceiling(self):
        result = wrk(self.ceiling_url, seconds=CEILING_SECONDS)
        self.ceilings.append(result)
        return result

    def run(self, measure):
        before = self.last or self.ceiling()
        result = measure()
        self.last = after = self.ceiling()
        result["ceiling_before_rps"], result["ceiling_after_rps"] = before["rps"], after["rps"]
        result["ceiling_rps"] = report.adjacent_ceiling(before["rps"], after["rps"])
        return result


def measure_page(port, spec, cookie=None, many_clients=False):
    def measure():
        full = f"http://{HOST}:{port}{spec['url']}"
        options = {"connections": CONNECTIONS, "many_clients": many_clients}
        load.wrk(full, cookie, seconds=WARM_SECONDS, **options)  # both workers warm (and the page cache filled)
        return load.wrk(full, cookie, seconds=SECONDS, **options)

    return measure


def measure_journey(port, journey, items, cookies_for):
    """`items` is an iterator: the warm-up takes the first items, the measured run the next ones."""

    def measure():
        load.drive_journeys(port, journey, items, WARM_SECONDS, CONNECTIONS, cookies_for)
        return load.drive_journeys(port, journey, items, SECONDS, CONNECTIONS, cookies_for)

    return measure


CATEGORIES = {
    ("listing", "cached"): "anonymous_cached",
    ("detail", "cached"): "anonymous_cached",
    ("listing", "uncached"): "anonymous_uncached_listing",
    ("detail", "uncached"): "anonymous_uncached_detail",
    ("signed_in", "signed in"): "signed_in",
    ("admin", "admin"): "admin",
}


def measure_all(schedule, ports, servers, specs, cookies, queries, journeys):
    """Every figure, in order: (rows of the page table, growth pairs, journeys' details, extra figures)."""
    rows, growth, flows, extra = [], [], {}, {}

    def figure(spec, mode, result):
        row = {
            "name": spec["name"],
            "mode": mode,
            "category": CATEGORIES[(spec["kind"], mode)],
            "url": spec["url"],
            "queries": queries.get(spec["name"]) if mode != "cached" else None,
            **result,
        }
        log(
            f"{spec['name']} ({mode}): {row['rps']:.0f} req/s, p50 {report.fmt(row['p50_ms'], 1)} ms, "
            f"ceiling {row['ceiling_rps']:.0f}, load {row['load']:.2f}"
        )
        return row

    for spec in specs:
        cookie = cookies.get(spec["who"])
        if spec["kind"] in ("listing", "detail"):
            national = {}
            for mode in ("cached", "uncached"):
                # A page rate-limited per visitor is driven as from many addresses when its view runs;
                # a page-cache hit is answered before the view and its rate limit.
                many_clients = spec["many_clients"] and mode == "uncached"
                national[mode] = schedule.run(measure_page(ports["national", mode], spec, many_clients=many_clients))
                rows.append(figure(spec, mode, national[mode]))
            if spec["listing"]:
                # Growth with the page cache off, right after the national figure: every request does
                # the listing's own work (a page-cache hit reads no items, whatever their number).
                small = schedule.run(measure_page(ports["small", "uncached"], spec))
                log(f"  small data set: p50 {report.fmt(small['p50_ms'], 1)} ms, load {small['load']:.2f}")
                growth.append(
                    {"name": spec["name"], "mode": "uncached", "small": small, "national": national["uncached"]}
                )
        else:
            if spec["kind"] == "admin" and "rss_public_mb" not in extra:
                extra["rss_public_mb"] = worker_peak_rss_mb(servers["national", "cached"])
            mode = "signed in" if spec["kind"] == "signed_in" else "admin"
            rows.append(figure(spec, mode, schedule.run(measure_page(ports["national", "cached"], spec, cookie))))
    if "rss_public_mb" not in extra:
        extra["rss_public_mb"] = worker_peak_rss_mb(servers["national", "cached"])
    for name, (journey, items, cookies_for) in journeys.items():
        result = schedule.run(measure_journey(ports["national", "cached"], journey, iter(items), cookies_for))
        if result["ran_out_of_items"]:
            log(f"{name}: ran out of items; the figure covers {result['seconds']:.1f} s")
        if result["errors"]:
            log(f"{name}: {result['errors']} errors, e.g. {result['error_examples']}")
        flows[name] = result
        rows.append({"name": name, "mode": "POST", "category": "flow", "queries": None, **result})
        log(f"{name}: {result['rps']:.0f} req/s, {result['journeys_per_s']:.1f} journeys/s, load {result['load']:.2f}")
    return rows, growth, flows, extra


# --- bulk issue -----------------------------------------------------------------------------------


def _vm_hwm_mb(pid):
    match = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) / 1024 if match else None


def _sqlite_time(value):
    from datetime import UTC, datetime

    moment = datetime.fromisoformat(value)
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _render_references(cert, renders, ready, go, times):
    """In a forked process: warm up, wait for `go`, render `renders` references and put their wall time in `times`."""
    reference_times(cert, 3)
    ready.wait()
    go.wait()
    began = time.perf_counter()
    reference_times(cert, renders)
    times.put(time.perf_counter() - began)


def parallel_reference_ms(cert, parts, renders=16):
    """Milliseconds per reference render when `parts` processes render at once, as the workers do: the
    batch's yardstick on a machine whose cores do not each give a full core's speed to parallel work
    (shared caches and memory bandwidth, other processes). Forked from this process, without its database."""
    import multiprocessing

    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    ready, go, times = context.Barrier(parts + 1), context.Event(), context.Queue()
    children = [
        context.Process(target=_render_references, args=(cert, renders, ready, go, times)) for _ in range(parts)
    ]
    for child in children:
        child.start()
    ready.wait()
    go.set()
    walls = [times.get(timeout=300) for _ in children]
    for child in children:
        child.join(timeout=60)
    return max(walls) * 1000 / renders


def bulk_issue(parts=2):
    """Issue the bench colloquium's 500 certificates through the real task path: the batch is queued
    in the database and `parts` `manage.py worker` processes run its starter and chunk tasks."""
    from django.apps import apps

    if not (apps.is_installed("certificates") and apps.is_installed("colloquia")):
        return None
    from django_tasks_db.models import DBTaskResult

    tasks_table = DBTaskResult._meta.db_table
    copy = build_data.DATA_DIR / "issue.sqlite3"
    build_data.copy_database(build_data.DB_PATH, copy)  # the built set, not this run's copy the pages changed
    # IMMEDIATE transactions: two writer processes queue for the lock instead of failing with
    # "database is locked" when a read-then-write transaction cannot upgrade (SQLite only).
    env = {
        **os.environ,
        **build_data.bench_environment(
            {"DATABASE_URL": f"sqlite:///{copy}?transaction_mode=IMMEDIATE", "TASKS_BACKEND": "database"}
        ),
    }
    env.pop("BENCH_DATABASE_URL", None)
    queued = subprocess.run(  # noqa: S603
        [sys.executable, str(build_data.BENCH_DIR / "issue_worker.py")],
        cwd=ROOT,
        env={**env, "BENCH_DATABASE_URL": env["DATABASE_URL"]},
        capture_output=True,
        text=True,
        check=True,
    )
    batch_id = json.loads(queued.stdout.strip().splitlines()[-1])["batch"]
    cert = _certificate_and_palette()
    reference_before = reference_times(cert, 12)
    parallel_before = parallel_reference_ms(cert, parts)
    began = time.time()
    command = [sys.executable, "manage.py", "worker", "--interval", "0.1", "--no-startup-delay", "--no-reload"]
    workers = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)  # noqa: S603
        for _ in range(parts)
    ]
    database = sqlite3.connect(copy, timeout=30)
    row = None
    try:
        while time.time() - began < 600:
            row = database.execute(
                "SELECT status, total, done, existing, failed, finished_at FROM certificates_issuebatch WHERE id = ?",
                (batch_id,),
            ).fetchone()
            if row[0] in ("finished", "failed") or any(worker.poll() is not None for worker in workers):
                break
            time.sleep(0.05)
        finished_wall = time.time()
        peaks = [_vm_hwm_mb(worker.pid) for worker in workers if worker.poll() is None]
        first_start = database.execute(
            f"SELECT MIN(started_at) FROM {tasks_table} WHERE task_path LIKE 'certificates.tasks.%'"  # noqa: S608
        ).fetchone()[0]
        workers_used = database.execute(
            f"SELECT COUNT(DISTINCT worker_ids) FROM {tasks_table} WHERE task_path = ?",  # noqa: S608
            ("certificates.tasks.issue_batch_chunk",),
        ).fetchone()[0]
    finally:
        database.close()
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.wait(timeout=60)
    status, total, done, existing, failed, finished_at = row
    if status != "finished" or failed:
        raise SystemExit(f"bulk issue did not finish cleanly: {row}")
    issue_seconds = _sqlite_time(finished_at) - _sqlite_time(first_start)
    reference_ms = statistics.median(reference_before + reference_times(cert, 12))
    reference_seconds = done * reference_ms / 1000 / parts
    parallel_ms = statistics.mean([parallel_before, parallel_reference_ms(cert, parts)])
    parallel_seconds = done * parallel_ms / 1000 / parts
    return {
        "reference_median_ms": reference_ms,
        "reference_seconds": reference_seconds,
        "ratio": issue_seconds / reference_seconds,
        # The same references rendered by `parts` processes at once (see parallel_reference_ms).
        "parallel_reference_ms": parallel_ms,
        "parallel_reference_seconds": parallel_seconds,
        "ratio_to_parallel_reference": issue_seconds / parallel_seconds,
        "load_average": os.getloadavg()[0],
        "workers": parts,
        "workers_that_ran_chunks": workers_used,
        "certificates": done,
        "already_held": existing,
        "issue_seconds": issue_seconds,
        "wall_seconds_with_startup": finished_wall - began,
        "per_second": done / issue_seconds if issue_seconds else None,
        "worker_peak_rss_mb": max(peaks) if peaks else None,
    }


# --- report ---------------------------------------------------------------------------------------


def machine():
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    load_average = os.getloadavg()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in load_average],
    }


DATA_SET_MODELS = [
    "regions.State",
    "regions.HighCourt",
    "academies.Academy",
    "accounts.User",
    "courses.CoursePage",
    "courses.LessonPage",
    "courses.Question",
    "courses.Enrolment",
    "courses.LessonProgress",
    "colloquia.ColloquiumPage",
    "colloquia.AgendaSession",
    "colloquia.Registration",
    "colloquia.Attendance",
    "resources.Resource",
    "certificates.Certificate",
]


def data_set_counts(database):
    """{model label: rows} in the SQLite file `database` (any data set: Django is set up on one only)."""
    from django.apps import apps

    counts = {}
    with sqlite3.connect(database) as connection:
        for label in DATA_SET_MODELS:
            try:
                table = apps.get_model(label)._meta.db_table
            except LookupError:
                continue
            counts[label] = connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
    connection.close()
    return counts


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (make bench installs it with apt-get)")
    build_data.ensure_built(build_data.DATA_SETS)
    log("copying the data sets for this run ...")
    environments = {}
    for name, copy in RUN_COPIES.items():
        build_data.copy_database(build_data.DATA_SETS[name]["path"], copy)
        # As in production (.env.example, docs/deployment.md): tasks are queued for a worker, not run
        # inside the request, and the site sits behind one proxy that names the client address.
        environments[name] = {
            **build_data.set_environment(name, copy),
            "TASKS_BACKEND": "database",
            "TRUSTED_PROXY_COUNT": "1",
        }
    build_data.setup_django(environments["national"])
    collect_static()
    data = {
        "machine": machine(),
        "settings": {
            "seconds": SECONDS,
            "ceiling_seconds": CEILING_SECONDS,
            "connections": CONNECTIONS,
            "workers": WORKERS,
        },
        "data_set": data_set_counts(RUN_COPIES["national"]),
        "data_set_small": data_set_counts(RUN_COPIES["small"]),
    }
    specs = pages.find_pages(RUN_COPIES["small"])
    registrars = pages.registrar_sessions()
    cookies = {"judge": pages.signed_in_session(build_data.JUDGE_EMAIL), "registrar": registrars[0]}
    log(f"pages: {', '.join(spec['name'] for spec in specs)}")
    data["urls"] = {spec["name"]: spec["url"] for spec in specs}
    queries, data["broken"] = pages.count_queries(specs, cookies)
    specs = [spec for spec in specs if spec["name"] not in data["broken"]]
    log(f"queries: {queries}")
    for name, reason in data["broken"].items():
        log(f"NOT MEASURED {name}: {reason}")
    data["certificate_render"] = report_render = render_times()
    log(f"certificate render: {report_render}")
    data["module_pdf"] = module_pdf.module_pdf_times()
    log(f"module PDF: {data['module_pdf']}")
    journeys = pages.journeys((SECONDS + WARM_SECONDS + 2) * 150, registrars)
    log("journeys: " + ", ".join(f"{name} ({len(items)} items)" for name, (_, items, _) in journeys.items()))
    from django.db import connection

    connection.close()

    ports = {
        ("national", "cached"): PORT,
        ("national", "uncached"): PORT + 1,
        ("small", "uncached"): PORT + 3,
    }
    servers = {}
    try:
        servers["national", "cached"], data["startup_s"] = start_gunicorn(
            "colloquium_site.wsgi:application", PORT, environments["national"]
        )
        data["startup_load"] = os.getloadavg()[0]
        servers["national", "uncached"], _ = start_gunicorn(
            "colloquium_site.wsgi:application", PORT + 1, {**environments["national"], "PAGE_CACHE_SECONDS": "0"}
        )
        servers["ceiling"], _ = start_gunicorn("bench.ceiling:application", PORT + 2)
        servers["small", "uncached"], _ = start_gunicorn(
            "colloquium_site.wsgi:application", PORT + 3, {**environments["small"], "PAGE_CACHE_SECONDS": "0"}
        )
        shown = {}
        for spec in specs:
            require_page(PORT, spec, cookies.get(spec["who"]))
            if spec["listing"]:
                national_html, small_html = require_page(PORT + 1, spec, None), require_page(PORT + 3, spec, None)
                shown[spec["name"]] = pages.compare_pages(spec["name"], national_html, small_html)
        log(f"items shown (national, small): {shown}")
        schedule = Schedule(PORT + 2)
        figures = measure_all(schedule, ports, servers, specs, cookies, queries, journeys)
        data["rows"], data["growth"], data["flows"], extra = figures
        for pair in data["growth"]:
            pair["shown"] = shown.get(pair["name"])
        data["ceiling_runs"] = schedule.ceilings
        data["web_worker_peak_rss_mb"] = worker_peak_rss_mb(servers["national", "cached"])
        # The same worker's peak before it served the registrar's admin screens and the POST journeys.
        data["web_worker_peak_rss_public_mb"] = extra.get("rss_public_mb")
    finally:
        for server in servers.values():
            stop(server)
    data["bulk_issue"] = bulk_issue()
    log(f"bulk issue: {data['bulk_issue']}")
    data["finished_at"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    data["load_average_at_end"] = list(os.getloadavg())

    table = report.format_report(data)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(data, indent=2, default=str) + "\n")
    (RESULTS / "latest.md").write_text(f"# Benchmark results ({data['finished_at']})\n\n{table}")
    print()
    print(table)


def only_bulk_issue():
    """Step 4 alone: the batch on a fresh copy of the built national set, judged as in a full run."""
    build_data.ensure_built(["national"])
    build_data.setup_django(build_data.set_environment("national"))
    collect_static()  # the workers run with production settings, as in a full run
    log(f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    data = {"bulk_issue": bulk_issue()}
    from django.db import connection

    connection.close()
    print("\n".join(report.certificate_lines(data)))


def only_signed_in():
    """The judge's lesson and dashboard alone, on a fresh copy of the built national set, served and
    judged as in a full run: the same server (page cache on), each figure between runs of the ceiling."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (make bench installs it with apt-get)")
    build_data.ensure_built(["national"])
    copy = RUN_COPIES["national"]
    build_data.copy_database(build_data.DB_PATH, copy)
    environment = {
        **build_data.set_environment("national", copy),
        "TASKS_BACKEND": "database",
        "TRUSTED_PROXY_COUNT": "1",
    }
    build_data.setup_django(environment)
    collect_static()
    log(f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    specs = [spec for spec in pages.signed_in_pages() if spec["kind"] == "signed_in"]
    cookies = {"judge": pages.signed_in_session(build_data.JUDGE_EMAIL)}
    queries, broken = pages.count_queries(specs, cookies)
    if broken:
        raise SystemExit(f"not measured: {broken}")
    from django.db import connection

    connection.close()
    servers = {}
    try:
        servers["national", "cached"], _ = start_gunicorn("colloquium_site.wsgi:application", PORT, environment)
        servers["ceiling"], _ = start_gunicorn("bench.ceiling:application", PORT + 2)
        for spec in specs:
            require_page(PORT, spec, cookies["judge"])
        schedule = Schedule(PORT + 2)
        rows, _, _, _ = measure_all(schedule, {("national", "cached"): PORT}, servers, specs, cookies, queries, {})
    finally:
        for server in servers.values():
            stop(server)
    print("\n".join(report.page_table(rows)))


ONLY = {"bulk-issue": only_bulk_issue, "signed-in": only_signed_in}

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", choices=list(ONLY), help="measure these figures alone and print them (bench/results is left as is)"
    )
    arguments = parser.parse_args()
    socket.setdefaulttimeout(30)
    if arguments.only:
        ONLY[arguments.only]()
    else:
        main()
