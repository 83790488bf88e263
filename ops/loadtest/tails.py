#!/usr/bin/env python3
"""Where the slow requests of a load test spent their time, from the stack's access logs.

    python ops/loadtest/tails.py [--since EPOCH] [--slower-than MS] [--json PATH]

nginx logs each request's total time, the app server's time (`urt`), the app server it went to
and its end (`msec`), and gives it an id it passes on (X-Request-Id); gunicorn logs the time the
request spent in a worker (`%(L)s`) with that id (ops/stack.py sets both formats). So for every
slow request: the wait for a free worker (nginx's upstream time minus the worker's time, the
connection sitting in the app server's listen queue) against the work itself, and what the app
server it went to was busy with meanwhile (the requests in flight there, by kind, with the longest).
"""

import argparse
import json
import re
import statistics
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOGS = ROOT / ".stack" / "logs"

NGINX = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) \S+ rt=(?P<rt>[\d.]+) urt=(?P<urt>[\d.]+|-) '
    r"ua=(?P<ua>\S+) msec=(?P<msec>[\d.]+) rid=(?P<rid>\w+) signed=(?P<signed>\d)"
)
GUNICORN = re.compile(r" (?P<seconds>[\d.]+) pid=<?(?P<pid>\d+)>? rid=(?P<rid>\w+)$")


def kind(path, signed):
    """The load test's kind of a request (ops/loadtest/locustfile.py), from its path and session."""
    if path.startswith(("/accounts/login", "/accounts/2fa")):
        return "sign-in"
    if path.startswith("/checkin/"):
        return "check-in"
    return "learner" if signed else "page"


def read(since):
    worker_time = {}
    for log in sorted(LOGS.glob("app-*.log")):
        for line in log.read_text(errors="replace").splitlines():
            found = GUNICORN.search(line)
            if found and found["rid"] != "-":
                worker_time[found["rid"]] = (float(found["seconds"]), found["pid"])
    requests = []
    for line in (LOGS / "nginx-access.log").read_text(errors="replace").splitlines():
        found = NGINX.search(line)
        if not found or float(found["msec"]) < since or found["urt"] == "-":
            continue
        end, total = float(found["msec"]), float(found["rt"])
        in_worker, pid = worker_time.get(found["rid"], (None, None))
        requests.append(
            {
                "path": found["path"],
                "kind": kind(found["path"], found["signed"] == "1"),
                "start": end - total,
                "end": end,
                "total": total,
                "upstream": float(found["urt"]),
                "in_worker": in_worker,
                "pid": pid,
                "server": found["ua"],
            }
        )
    return requests


def analyse(requests, slower_than):
    slow = [r for r in requests if r["kind"].startswith("page") and r["total"] * 1000 > slower_than]
    rows, beside = [], Counter()
    for request in slow:
        if request["in_worker"] is None:
            continue
        in_flight = [
            other
            for other in requests
            if other is not request
            and other["server"] == request["server"]
            and other["start"] < request["end"]
            and other["end"] > request["start"]
        ]
        longest = sorted(in_flight, key=lambda other: other["in_worker"] or 0, reverse=True)[:4]
        beside.update({other["kind"] for other in in_flight if (other["in_worker"] or 0) > 0.1})
        rows.append(
            {
                "path": request["path"],
                "total_ms": round(request["total"] * 1000),
                "in_worker_ms": round(request["in_worker"] * 1000),
                "waiting_ms": round((request["upstream"] - request["in_worker"]) * 1000),
                "in_flight": len(in_flight),
                "longest_beside": [
                    f"{other['kind']} {other['path']} {round((other['in_worker'] or 0) * 1000)} ms" for other in longest
                ],
            }
        )
    waited = [row for row in rows if row["waiting_ms"] > row["in_worker_ms"]]
    page_work = [r["in_worker"] * 1000 for r in requests if r["kind"].startswith("page") and r["in_worker"] is not None]
    return {
        "requests": len(requests),
        "slow_pages": len(rows),
        "slow_pages_mostly_waiting": len(waited),
        "median_wait_of_slow_pages_ms": statistics.median([r["waiting_ms"] for r in rows]) if rows else None,
        "median_work_of_slow_pages_ms": statistics.median([r["in_worker_ms"] for r in rows]) if rows else None,
        "page_work_p99_ms": round(statistics.quantiles(page_work, n=100)[98]) if len(page_work) > 100 else None,
        "slow_work_beside_slow_pages": dict(beside.most_common()),
        "examples": sorted(rows, key=lambda row: row["total_ms"], reverse=True)[:12],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--since", type=float, default=0, help="only requests ending after this Unix time")
    parser.add_argument("--slower-than", type=float, default=250, help="a page slower than this (ms) is slow")
    parser.add_argument("--json", type=Path, help="write the analysis here too")
    args = parser.parse_args()
    result = analyse(read(args.since), args.slower_than)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if args.json:
        args.json.write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
