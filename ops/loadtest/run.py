#!/usr/bin/env python3
"""`make loadtest`: the issue's load on the running stack, and its report.

    python ops/loadtest/run.py [--seconds N]

Prepares the load's data on the stack (prepare.py), runs locust headless against nginx for a
warm-up of LOADTEST_WARMUP_SECONDS (60) and then LOADTEST_SECONDS (300) with the mix in
locustfile.py, samples the machine's load average while it runs, and writes
.stack/loadtest/report.md and report.json: throughput, p50/p95/p99 and errors per request kind
in the LOADTEST_SECONDS after the warm-up, each kind judged against its target (zero errors;
p99 ≤ 250 ms for pages, ≤ 500 ms for check-ins), and MET or NOT MET for the run. The warm-up (app
servers just started, the page cache empty, every learner and registrar signing in) is reported
in a table of its own, and an error in it fails the run too. Percentiles are exact, from every
request's time (locustfile.py's request log), not locust's rounded ones. Exit status 0 whether
or not the targets are met (the report says which); 1 when the load could not run.

Every part shares this machine's cores with the load generator, so the load average is reported
beside every figure: compare runs only when it is alike.
"""

import argparse
import csv
import json
import math
import os
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STACK = Path(os.environ.get("STACK_DIR", ROOT / ".stack")).resolve()
OUT = STACK / "loadtest"
BIN = Path(sys.executable).parent
SITE = "https://localhost"

# (prefix of the request name, p99 target in ms, judged); sign-in is reported, not judged: it
# hashes a password (PBKDF2, deliberately slow) and happens once per visit.
KINDS = (
    ("page:", 250, True),
    ("learner:", 250, True),
    ("check-in:", 500, True),
    ("sign-in:", None, False),
)


def stack_manage(*args):
    done = subprocess.run(  # noqa: S603 - the project's own script
        [sys.executable, str(ROOT / "ops" / "stack.py"), "manage", *args], capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"loadtest: manage.py {args[0]} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    return done.stdout


def prepare(*extra):
    """prepare.py in the stack's environment; what it printed last, as JSON."""
    code = (
        f"import runpy, sys; sys.argv = ['prepare.py', *{list(extra)!r}]; "
        "runpy.run_path('ops/loadtest/prepare.py', run_name='__main__')"
    )
    return json.loads(stack_manage("shell", "--no-imports", "-c", code).strip().splitlines()[-1])


class LoadSampler(threading.Thread):
    """The 1-minute load average every 5 s while the load runs."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples = []
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(5):
            self.samples.append(os.getloadavg()[0])

    def summary(self):
        samples = self.samples or [os.getloadavg()[0]]
        return {"mean": round(sum(samples) / len(samples), 2), "max": round(max(samples), 2), "samples": len(samples)}


TICKS = os.sysconf("SC_CLK_TCK")
# The stack's parts that ops/stack.py starts each in a session of its own (pid = process group).
GROUPED_PARTS = ("app-a", "app-b", "worker", "redis", "s3", "nginx")


def cpu_by_part():
    """CPU seconds used so far by each part of the stack, PostgreSQL and the load generator.

    A part is its process group (ops/stack.py starts each in a session of its own); a process
    counts its own time and that of the children it has reaped (gunicorn's recycled workers,
    PostgreSQL's ended backends). PostgreSQL is every `postgres` process: the machine's cluster,
    so another database's clients count too.
    """
    groups = {}
    for part in GROUPED_PARTS:
        try:
            groups[int((STACK / "run" / f"{part}.pid").read_text())] = part
        except (FileNotFoundError, ValueError):
            continue
    used = dict.fromkeys([*GROUPED_PARTS, "postgresql", "load generator"], 0.0)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        pgrp = int(fields[2])
        seconds = sum(int(value) for value in fields[11:15]) / TICKS  # utime stime cutime cstime
        if pgrp in groups:
            used[groups[pgrp]] += seconds
        elif name == "postgres":
            used["postgresql"] += seconds
    # locust runs as this script's child: once it has exited, its time is in our children's times.
    children = os.times()
    used["load generator"] = children.children_user + children.children_system
    used["whole machine"] = machine_busy_seconds()
    return used


def machine_busy_seconds():
    """CPU seconds every program on the machine has used since boot (/proc/stat: all but idle and iowait)."""
    with open("/proc/stat") as stat:
        ticks = [int(value) for value in stat.readline().split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / TICKS


def cpu_during(before, after, requests):
    """CPU seconds each part used during the run, and the app servers' CPU milliseconds per request."""
    spent = {part: round(after[part] - before[part], 1) for part in before}
    app = spent["app-a"] + spent["app-b"]
    stack = sum(value for part, value in spent.items() if part not in ("load generator", "whole machine"))
    return {
        "seconds": spent,
        "app_server_ms_per_request": round(1000 * app / max(1, requests), 1),
        "stack_ms_per_request": round(1000 * stack / max(1, requests), 1),
    }


def read_request_log(path, start, end):
    """Per request name, from the request log: count, failures, rps and exact percentiles (ms)
    of the requests that started in [start, end) seconds from the run's start."""
    times, failed = {}, {}
    with open(path, newline="") as log:
        for row in csv.DictReader(log):
            if start <= float(row["started_s"]) < end:
                times.setdefault(row["name"], []).append(float(row["ms"]))
                failed[row["name"]] = failed.get(row["name"], 0) + int(row["failed"])
    return {
        name: {
            "requests": len(values),
            "failures": failed[name],
            "rps": round(len(values) / (end - start), 2),
            "p50": percentile(values, 50),
            "p95": percentile(values, 95),
            "p99": percentile(values, 99),
            "max": max(values),
        }
        for name, values in times.items()
    }


def percentile(values, p):
    """The nearest-rank percentile: the smallest value with at least p% of them at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def run_locust(seconds, prefix, *, env_extra=None, users=None):
    """Run the locustfile headless for `seconds`; the CSV prefix of its results."""
    env = {**os.environ, "LOADTEST_ACCOUNTS": str(OUT / "accounts.json"), **(env_extra or {})}
    counts = users or user_counts(env)
    total = sum(counts.values())
    argv = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "ops" / "loadtest" / "locustfile.py"),
        "--headless",
        "--host",
        SITE,
        "--users",
        str(total),
        "--spawn-rate",
        str(total),  # everyone arrives at once: the start of a session
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "10",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    with open(f"{prefix}.log", "w") as log:
        done = subprocess.run(argv, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    # locust exits 1 when any request failed; the report says which, so only a missing result is fatal.
    if not Path(f"{prefix}_stats.csv").exists():
        raise SystemExit(f"loadtest: locust did not run (exit {done.returncode}); see {prefix}.log")
    return prefix


def user_counts(env):
    return {
        "visitors": int(env.get("LOADTEST_VISITORS", "30")),
        "verifier": 1,
        "learners": int(env.get("LOADTEST_LEARNERS_ACTIVE", "10")),
        "desks": int(env.get("LOADTEST_DESKS", "10")),
    }


def read_stats(prefix):
    """Per request name: count, failures, rps and percentiles (ms), from locust's CSV."""
    rows = {}
    with open(f"{prefix}_stats.csv", newline="") as stats:
        for row in csv.DictReader(stats):
            if row["Name"] == "Aggregated":
                continue

            def number(key, row=row):
                value = row.get(key, "")
                return float(value) if value not in ("", "N/A") else None

            rows[row["Name"]] = {
                "method": row["Type"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": round(number("Requests/s") or 0, 2),
                "p50": number("50%"),
                "p95": number("95%"),
                "p99": number("99%"),
                "max": number("Max Response Time"),
            }
    failures = []
    failures_file = Path(f"{prefix}_failures.csv")
    if failures_file.exists():
        with open(failures_file, newline="") as listed:
            failures = [
                {"name": row["Name"], "error": row["Error"], "occurrences": int(row["Occurrences"])}
                for row in csv.DictReader(listed)
            ]
    return rows, failures


def judge(rows):
    """Each request name with its kind's target; the run's verdict."""
    verdicts = {}
    for name, row in rows.items():
        kind = next((k for k in KINDS if name.startswith(k[0])), None)
        if kind is None or row["requests"] == 0 or not kind[2]:
            row["target_ms"], row["met"] = (kind[1] if kind else None), None
            continue
        row["target_ms"] = kind[1]
        row["met"] = row["failures"] == 0 and row["p99"] is not None and row["p99"] <= kind[1]
        verdicts[name] = row["met"]
    return all(verdicts.values()) and bool(verdicts)


def app_server_config():
    """The workers and threads app server A runs with, read from its command line (ops/stack.py)."""
    try:
        pid = (STACK / "run" / "app-a.pid").read_text().strip()
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    except (FileNotFoundError, ValueError):
        return {"app_workers": int(os.environ.get("STACK_APP_WORKERS", "4")), "app_threads": 1}

    def option(name, default):
        return int(argv[argv.index(name) + 1]) if name in argv else default

    return {"app_workers": option("--workers", 1), "app_threads": option("--threads", 1)}


def machine():
    with open("/proc/cpuinfo") as info:
        model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "?")
    return {"cores": os.cpu_count(), "cpu": model}


def write_report(result, path_md, path_json):
    path_json.write_text(json.dumps(result, indent=2) + "\n")
    rows = result["requests"]
    lines = [
        f"# Load test: {result['date']}",
        "",
        f"{result['seconds']} s, after a warm-up of {result['warmup_seconds']} s, against {SITE} "
        f"(nginx → 2 gunicorn app servers × {result['app_workers']} workers "
        f"× {result.get('app_threads', 1)} threads, "
        f"PostgreSQL, Redis, the S3 server, the task worker), all on this machine: {result['machine']['cores']} cores "
        f"({result['machine']['cpu']}), shared with the load generator.",
        "",
        f"Users: {', '.join(f'{v} {k}' for k, v in result['users'].items())}. "
        f"1-minute load average while it ran: mean {result['load']['mean']}, max {result['load']['max']} "
        f"(before the run: {result['load_before']}).",
        "",
        f"Throughput: **{result['throughput_rps']} requests/s** ({result['total_requests']} requests, "
        f"{result['total_failures']} failed). Check-ins: {result['check_ins']['done']} of "
        f"{result['check_ins']['tickets']} in {result['check_ins']['seconds']} s.",
        "",
        "| Request | Requests | Failed | req/s | p50 ms | p95 ms | p99 ms | max ms | target p99 | |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, row in sorted(rows.items()):
        verdict = {True: "met", False: "**NOT met**", None: "(reported)"}[row["met"]]
        target = f"≤ {row['target_ms']}" if row["target_ms"] else "-"
        lines.append(
            f"| {name} | {row['requests']} | {row['failures']} | {row['rps']} | {fmt(row['p50'])} | "
            f"{fmt(row['p95'])} | {fmt(row['p99'])} | {fmt(row['max'])} | {target} | {verdict} |"
        )
    warmup = result.get("warmup") or {}
    if warmup:
        lines += [
            "",
            f"The warm-up, the first {result['warmup_seconds']} s (app servers just started, page cache empty, "
            "everyone signing in): reported, not judged, except that an error here fails the run.",
            "",
            "| Request | Requests | Failed | req/s | p50 ms | p95 ms | p99 ms | max ms |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        lines += [
            f"| {name} | {row['requests']} | {row['failures']} | {row['rps']} | {fmt(row['p50'])} | "
            f"{fmt(row['p95'])} | {fmt(row['p99'])} | {fmt(row['max'])} |"
            for name, row in sorted(warmup.items())
        ]
    cpu = result["cpu"]
    lines += [
        "",
        "CPU seconds used during the run: "
        + ", ".join(f"{part} {'n/a' if value is None else value}" for part, value in cpu["seconds"].items())
        + f" (of {result['machine']['cores']} cores × {result['elapsed_seconds']} s, the warm-up included). "
        f"App servers: **{cpu['app_server_ms_per_request']} ms of CPU per request**; the stack as a whole "
        f"{cpu['stack_ms_per_request']} ms.",
    ]
    lines += [
        "",
        f"**Targets {'MET' if result['met'] else 'NOT MET'}** (zero errors; p99 ≤ 250 ms pages, ≤ 500 ms check-ins).",
    ]
    if result["failures"]:
        lines += ["", "Errors:", ""] + [
            f"- {f['name']}: {f['error']} ({f['occurrences']}×)" for f in result["failures"]
        ]
    path_md.write_text("\n".join(lines) + "\n")
    return "\n".join(lines)


def fmt(value):
    return "-" if value is None else f"{value:.0f}"


def check_ins_done(event_id):
    code = (
        "import json; from colloquia.records import Attendance; "
        f"print(json.dumps(Attendance.objects.filter(session__page_id={event_id}, status='present').count()))"
    )
    return json.loads(stack_manage("shell", "--no-imports", "-c", code).strip().splitlines()[-1])


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("LOADTEST_SECONDS", "300")))
    parser.add_argument("--warmup", type=int, default=int(os.environ.get("LOADTEST_WARMUP_SECONDS", "60")))
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    prepared = prepare()
    accounts = json.loads((OUT / "accounts.json").read_text())
    load_before = round(os.getloadavg()[0], 2)
    sampler = LoadSampler()
    sampler.start()
    started = time.monotonic()
    cpu_before = cpu_by_part()
    log = OUT / "requests.csv"
    environment = {"LOADTEST_WARMUP_SECONDS": str(args.warmup), "LOADTEST_REQUEST_LOG": str(log)}
    prefix = run_locust(args.warmup + args.seconds, OUT / "locust", env_extra=environment)
    cpu_after = cpu_by_part()
    elapsed = time.monotonic() - started
    sampler.stopped.set()
    _rows, failures = read_stats(prefix)  # locust's own summary: only its list of errors is used
    rows = read_request_log(log, args.warmup, args.warmup + args.seconds)
    warmup = read_request_log(log, 0, args.warmup)
    met = judge(rows) and not any(row["failures"] for row in warmup.values())
    total = sum(row["requests"] for row in rows.values())
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "seconds": args.seconds,
        "warmup_seconds": args.warmup,
        "elapsed_seconds": round(elapsed, 1),
        "machine": machine(),
        **app_server_config(),
        "users": user_counts(os.environ),
        "load_before": load_before,
        "load": sampler.summary(),
        "throughput_rps": round(total / args.seconds, 1),
        "total_requests": total,
        "total_failures": sum(row["failures"] for row in rows.values()),
        "check_ins": {
            "tickets": prepared["tickets"],
            "done": check_ins_done(accounts["check_in"]["event_id"]),
            "seconds": 60,
        },
        "requests": rows,
        "warmup": warmup,
        "failures": failures,
        "cpu": cpu_during(cpu_before, cpu_after, total + sum(row["requests"] for row in warmup.values())),
        "met": met,
    }
    print(write_report(result, OUT / "report.md", OUT / "report.json"))
    print(f"\nloadtest: report in {OUT / 'report.md'} and report.json; locust's own CSV and log beside them")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
