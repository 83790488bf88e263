"""`make bench`: build (or reuse) the national data set, serve it as in production, measure, report.

Everything runs on 127.0.0.1 only. Steps:
1. bench/build_data.py builds bench/data/bench.sqlite3 unless the cached one matches.
2. In process, against the same data: SQL queries per page (CaptureQueriesContext, page cache
   off), the certificate render timed against its reference (bench/reference_pdf.py: the same
   certificate written as plain WeasyPrint, rendered alternately with it), and the session cookie
   of the benchmark judge.
3. gunicorn (2 sync workers, production settings, DEBUG off) serves the site; wrk drives each
   page at 8 connections for BENCH_SECONDS (10 by default); then again with the page cache
   off; then the 10 KB ceiling app (bench/ceiling.py) with the same gunicorn settings.
4. 500 attendance certificates are issued through the real task path on a copy of the database:
   the batch is queued with the database task backend and two `manage.py worker` processes
   run its chunk tasks. The batch is judged against the time the same workers would take to
   render as many reference certificates, timed in this process just before and after it.
5. One table is printed and written to bench/results/latest.json and latest.md.

Environment: BENCH_SECONDS (per page), BENCH_PORT (first of three ports), BENCH_CONNECTIONS.
"""

import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_data  # noqa: E402
import reference_pdf  # noqa: E402

ROOT = build_data.ROOT
RESULTS = build_data.BENCH_DIR / "results"
VENV_BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
PORT = int(os.environ.get("BENCH_PORT", "8731"))
HOST = "127.0.0.1"
WORKERS = 2

TARGETS = {
    "ceiling_fraction": 0.5,  # anonymous public pages vs the ceiling view
    "signed_in_rps": 200,
    "signed_in_p99_ms": 100,
    "queries": 12,
    # Speed targets for certificates are ratios to the reference render timed in the same run:
    # the machines drift 2x in speed over a day, which an absolute time would report as a miss.
    "render_ratio": 1.0,  # median real render / median reference render
    "bulk_issue_ratio": 1.0,  # batch time / (certificates x reference median / workers)
    "worker_rss_mb": 180,  # raised from 150 when the sys.modules stand-ins went (they saved ~20 MB)
    "startup_s": 5,
}


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


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


def signed_in_session(email):
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return settings.SESSION_COOKIE_NAME, session.session_key


def find_pages():
    """{name: (url, signed_in)} for the pages whose apps are installed."""
    from django.apps import apps
    from django.urls import reverse
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    pages = {"home": ("/", False)}
    if apps.is_installed("courses"):
        from courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage

        catalogue = CourseIndexPage.objects.live().child_of(home).first()
        if catalogue:
            pages["catalogue"] = (catalogue.url, False)
        module = CoursePage.objects.live().filter(slug__startswith="bench-module-").order_by("pk").first()
        if module:
            pages["module"] = (module.url, False)
        enrolment = (
            Enrolment.objects.filter(user__email=build_data.JUDGE_EMAIL, completed_at__isnull=True)
            .order_by("pk")
            .first()
        )
        if enrolment:
            lesson = LessonPage.objects.live().child_of(enrolment.module).order_by("path").first()
            pages["lesson (signed in)"] = (lesson.url, True)
        pages["dashboard (signed in)"] = (reverse("accounts:dashboard"), True)
    elif apps.is_installed("accounts"):
        pages["dashboard (signed in)"] = (reverse("accounts:dashboard"), True)
    if apps.is_installed("colloquia"):
        from colloquia.models import ColloquiumPage

        colloquium = ColloquiumPage.objects.live().filter(slug__startswith="bench-colloquium-").order_by("pk").first()
        if colloquium:
            pages["colloquium (2-day agenda)"] = (colloquium.url, False)
    if apps.is_installed("resources"):
        from resources.models import Resource, ResourceIndexPage, Topic

        index = ResourceIndexPage.objects.live().first()
        topic = Topic.objects.order_by("position").first()
        if index:
            query = f"?topic={topic.code}&language=en" if topic else "?language=en"
            pages["library (filtered)"] = (index.url + query, False)
            resource = Resource.objects.public().order_by("-published_at").first()
            if resource:
                pages["resource detail"] = (resource.get_url(index), False)
    if apps.is_installed("certificates"):
        from certificates.models import Certificate

        cert = Certificate.objects.filter(status="valid").order_by("pk").first()
        if cert:
            pages["certificate verify"] = (reverse("certificates:verify_code", args=[cert.verification_code]), False)
    return pages


def count_queries(pages, cookie):
    """SQL queries per page, in process, configured as served: what one page-cache miss costs.

    Each counted request carries a query string seen for the first time, so it misses the page
    cache (anonymous pages) while shared pieces such as the menu stay cached, as in production.
    Before a signed-in page is counted the judge's records "change", so the dashboard's
    sections are rebuilt rather than read from the per-learner cache.
    """
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.services import learner_records_changed

    result = {}
    for number, (name, (url, signed_in)) in enumerate(pages.items()):
        client = Client(HTTP_HOST=HOST)
        if signed_in:
            client.cookies[cookie[0]] = cookie[1]
        first = client.get(url)
        if first.status_code != 200:
            raise SystemExit(f"{name} ({url}) answered {first.status_code}; the benchmark needs 200")
        fresh = f"{url}{'&' if '?' in url else '?'}bench-miss={number}-{time.time_ns()}"
        if signed_in:
            learner_records_changed(get_user_model().objects.filter(email=build_data.JUDGE_EMAIL).values("pk"))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(fresh)
        if response.get("X-Page-Cache") == "hit":
            raise SystemExit(f"{name}: the counted request was served from the page cache")
        result[name] = len(queries)
    return result


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


def wait_for(url, timeout=60):
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    return time.monotonic() - began
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def start_gunicorn(app, port, extra_env=None):
    env = {**os.environ, **build_data.bench_environment(extra_env)}
    log_path = build_data.DATA_DIR / f"gunicorn-{port}.log"
    process = subprocess.Popen(  # noqa: S603
        [
            str(VENV_BIN / "gunicorn"),
            app,
            "--workers",
            str(WORKERS),
            "--bind",
            f"{HOST}:{port}",
            "--error-logfile",
            str(log_path),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    startup = wait_for(f"http://{HOST}:{port}/")
    return process, startup


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def worker_peak_rss_mb(process):
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        if match:
            peaks.append(int(match.group(1)) / 1024)
    return max(peaks) if peaks else None


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url, cookie=None, seconds=SECONDS):
    if not url.startswith(f"http://{HOST}:"):
        raise SystemExit(f"refusing to load {url}: the benchmark drives 127.0.0.1 only")
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie[0]}={cookie[1]}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for label, key in (("50%", "p50_ms"), ("99%", "p99_ms")):
        match = re.search(rf"{re.escape(label)}\s+([\d.]+)(us|ms|s)\b", output)
        result[key] = _ms(*match.groups()) if match else None
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    result["errors"] = int(errors.group(1)) if errors else 0
    socket_errors = re.search(r"Socket errors:.*", output)
    result["socket_errors"] = socket_errors.group(0) if socket_errors else ""
    result["requests"] = int(re.search(r"(\d+) requests in", output).group(1))
    return result


def drive(port, pages, cookie, names):
    results = {}
    for name in names:
        url, signed_in = pages[name]
        full = f"http://{HOST}:{port}{url}"
        wrk(full, cookie if signed_in else None, seconds=1)  # warm both workers (and the page cache)
        results[name] = wrk(full, cookie if signed_in else None)
        log(f"{name}: {results[name]['rps']:.0f} req/s, p50 {results[name]['p50_ms']} ms")
    return results


# --- bulk issue -----------------------------------------------------------------------------------


def _vm_hwm_mb(pid):
    match = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) / 1024 if match else None


def _sqlite_time(value):
    from datetime import UTC, datetime

    moment = datetime.fromisoformat(value)
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def bulk_issue(parts=2):
    """Issue the bench colloquium's 500 certificates through the real task path: the batch is queued
    in the database and `parts` `manage.py worker` processes run its starter and chunk tasks."""
    import sqlite3

    from django.apps import apps
    from django.db import connection

    if not (apps.is_installed("certificates") and apps.is_installed("colloquia")):
        return None
    from django_tasks_db.models import DBTaskResult

    tasks_table = DBTaskResult._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = build_data.DATA_DIR / "issue.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(build_data.DB_PATH, copy)
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
    return {
        "reference_median_ms": reference_ms,
        "reference_seconds": reference_seconds,
        "ratio": issue_seconds / reference_seconds,
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
    load = os.getloadavg()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in load],
    }


def fmt(value, digits=0):
    return "—" if value is None else f"{value:.{digits}f}"


def report(data):
    ceiling = data["ceiling"]["rps"]
    rows = []
    header = (
        "| Page | req/s | p50 ms | p99 ms | of ceiling | req/s uncached | speed target | SQL queries (≤12) |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |"
    )
    for name, result in data["pages"].items():
        signed_in = name.endswith("(signed in)")
        uncached = data["pages_uncached"].get(name)
        queries = data["queries"].get(name)
        fraction = result["rps"] / ceiling
        if signed_in:
            met = result["rps"] >= TARGETS["signed_in_rps"] and (result["p99_ms"] or 1e9) <= TARGETS["signed_in_p99_ms"]
            target = f"≥{TARGETS['signed_in_rps']} req/s and p99 ≤{TARGETS['signed_in_p99_ms']} ms"
        else:
            met = fraction >= TARGETS["ceiling_fraction"]
            target = f"≥{TARGETS['ceiling_fraction']:.0%} of ceiling"
        met = met and not result["errors"]
        errors = f" ({result['errors']} errors)" if result["errors"] else ""
        queries_met = queries is not None and queries <= TARGETS["queries"]
        rows.append(
            f"| {name} | {fmt(result['rps'])}{errors} | {fmt(result['p50_ms'], 1)} | {fmt(result['p99_ms'], 1)} | "
            f"{fraction:.0%} | {fmt(uncached['rps']) if uncached else 'n/a'} | "
            f"{'met' if met else 'NOT met'} ({target}) | {fmt(queries)} {'met' if queries_met else 'NOT met'} |"
        )
    rows.append(
        f"| ceiling (static 10 KB Django view) | {fmt(ceiling)} | {fmt(data['ceiling']['p50_ms'], 1)} | "
        f"{fmt(data['ceiling']['p99_ms'], 1)} | 100% | | 0 | |"
    )
    lines = [header, *rows, ""]
    render = data.get("certificate_render")
    if render:
        ok = render["ratio"] <= TARGETS["render_ratio"]
        lines.append(
            f"- Certificate render (warm process, {render['samples']} renders alternating with the reference): "
            f"{render['ratio']:.2f}× the reference — {'met' if ok else 'NOT met'} "
            f"(target ≤{TARGETS['render_ratio']}×); "
            f"median {render['median_ms']:.1f} ms, p95 {render['p95_ms']:.1f} ms, reference "
            f"{render['reference_median_ms']:.1f} ms; load {render['load_average']:.2f}"
        )
    issue = data.get("bulk_issue")
    if issue:
        ok = issue["ratio"] <= TARGETS["bulk_issue_ratio"]
        rss_ok = issue["worker_peak_rss_mb"] < TARGETS["worker_rss_mb"]
        lines.append(
            f"- Bulk issue: {issue['certificates']} certificates with {issue['workers']} worker processes in "
            f"{issue['issue_seconds']:.1f} s, {issue['ratio']:.2f}× the reference "
            f"({issue['certificates']} × {issue['reference_median_ms']:.1f} ms ÷ {issue['workers']} = "
            f"{issue['reference_seconds']:.1f} s) — {'met' if ok else 'NOT met'} "
            f"(target ≤{TARGETS['bulk_issue_ratio']}×); {issue['per_second']:.0f}/s, "
            f"{issue['wall_seconds_with_startup']:.1f} s with process start-up; load {issue['load_average']:.2f}; "
            f"issuing worker peak RSS {issue['worker_peak_rss_mb']:.0f} MB — {'met' if rss_ok else 'NOT met'} "
            f"(target <{TARGETS['worker_rss_mb']} MB)"
        )
    rss = data.get("web_worker_peak_rss_mb")
    if rss:
        ok = rss < TARGETS["worker_rss_mb"]
        lines.append(
            f"- Peak RSS of a gunicorn worker (VmHWM) after the run: {rss:.0f} MB — "
            f"{'met' if ok else 'NOT met'} (target <{TARGETS['worker_rss_mb']} MB)"
        )
    lines.append(
        f"- gunicorn start-up to first page (production settings, {WORKERS} workers): {data['startup_s']:.1f} s"
    )
    m = data["machine"]
    lines.append(
        f"- Machine: {m['nproc']} cores, {m['cpu']}, Python {m['python']}; load average at start "
        f"{', '.join(str(x) for x in m['load_average_at_start'])}, at the end "
        f"{', '.join(str(round(x, 2)) for x in data.get('load_average_at_end', []))} "
        "(the end figure includes the benchmark's own load). "
        f"wrk -t2 -c{CONNECTIONS} -d{SECONDS}s on "
        f"127.0.0.1; gunicorn {WORKERS} sync workers; SQLite; process-local cache."
    )
    counts = data.get("data_set", {})
    if counts:
        lines.append("- Data set: " + ", ".join(f"{label} {count:,}" for label, count in counts.items()))
    return "\n".join(lines) + "\n"


def data_set_counts():
    from django.apps import apps

    labels = [
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
    counts = {}
    for label in labels:
        try:
            counts[label] = apps.get_model(label).objects.count()
        except LookupError:
            continue
    return counts


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (make bench installs it with apt-get)")
    build_data.build()
    build_data.setup_django()
    collect_static()
    data = {"machine": machine(), "seconds_per_page": SECONDS, "connections": CONNECTIONS, "workers": WORKERS}
    data["data_set"] = data_set_counts()
    pages = find_pages()
    cookie = signed_in_session(build_data.JUDGE_EMAIL)
    log(f"pages: {', '.join(pages)}")
    data["urls"] = {name: url for name, (url, _) in pages.items()}
    data["queries"] = count_queries(pages, cookie)
    log(f"queries: {data['queries']}")
    data["certificate_render"] = render_times()
    log(f"certificate render: {data['certificate_render']}")
    from django.db import connection

    connection.close()

    site, data["startup_s"] = start_gunicorn("colloquium_site.wsgi:application", PORT)
    try:
        data["pages"] = drive(PORT, pages, cookie, list(pages))
        data["web_worker_peak_rss_mb"] = worker_peak_rss_mb(site)
    finally:
        stop(site)
    anonymous = [name for name, (_, signed_in) in pages.items() if not signed_in]
    uncached, _ = start_gunicorn("colloquium_site.wsgi:application", PORT + 1, {"PAGE_CACHE_SECONDS": "0"})
    try:
        data["pages_uncached"] = drive(PORT + 1, pages, cookie, anonymous)
    finally:
        stop(uncached)
    ceiling, _ = start_gunicorn("bench.ceiling:application", PORT + 2)
    try:
        wrk(f"http://{HOST}:{PORT + 2}/", seconds=1)
        data["ceiling"] = wrk(f"http://{HOST}:{PORT + 2}/")
        log(f"ceiling: {data['ceiling']['rps']:.0f} req/s")
    finally:
        stop(ceiling)
    data["bulk_issue"] = bulk_issue()
    log(f"bulk issue: {data['bulk_issue']}")
    data["finished_at"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    data["load_average_at_end"] = list(os.getloadavg())

    table = report(data)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(data, indent=2, default=str) + "\n")
    (RESULTS / "latest.md").write_text(f"# Benchmark results ({data['finished_at']})\n\n{table}")
    print()
    print(table)


if __name__ == "__main__":
    socket.setdefaulttimeout(30)
    main()
