"""ops/loadtest/run.py: the measured part after the warm-up, exact percentiles, and the verdict."""

import csv
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def loadtest():
    spec = importlib.util.spec_from_file_location("loadtest_run", ROOT / "ops" / "loadtest" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_log(path, rows):
    with open(path, "w", newline="") as log:
        writer = csv.writer(log)
        writer.writerow(["started_s", "name", "method", "ms", "failed"])
        writer.writerows(rows)


def test_percentiles_are_nearest_rank_from_every_request():
    run = loadtest()
    values = [float(n) for n in range(1, 101)]  # 1 .. 100 ms
    assert run.percentile(values, 50) == 50
    assert run.percentile(values, 99) == 99
    assert run.percentile([7.0], 99) == 7
    assert run.percentile([1.0, 900.0], 50) == 1 and run.percentile([1.0, 900.0], 99) == 900


def test_the_warm_up_is_left_out_of_the_judged_window_and_reported_apart(tmp_path):
    run = loadtest()
    log = tmp_path / "requests.csv"
    slow_start = [(s / 10, "page: home", "GET", 900, 0) for s in range(0, 50)]  # first 5 s, all slow
    steady = [(60 + s / 10, "page: home", "GET", 3 + s % 5, 0) for s in range(0, 3000)]  # 300 s at 3-7 ms
    scans = [(80 + s / 5, "check-in: scan (POST)", "POST", 40, 0) for s in range(300)]
    write_log(log, slow_start + steady + scans)

    measured = run.read_request_log(log, 60, 360)
    warmup = run.read_request_log(log, 0, 60)
    assert measured["page: home"]["requests"] == 3000 and measured["page: home"]["p99"] == 7
    assert measured["page: home"]["rps"] == 10.0 and measured["page: home"]["max"] == 7
    assert measured["check-in: scan (POST)"]["requests"] == 300
    assert warmup == {
        "page: home": {"requests": 50, "failures": 0, "rps": 0.83, "p50": 900, "p95": 900, "p99": 900, "max": 900}
    }
    assert run.judge(measured) is True


def test_a_slow_or_failed_request_in_the_window_fails_its_kind(tmp_path):
    run = loadtest()
    log = tmp_path / "requests.csv"
    rows = [(60 + s / 10, "page: library", "GET", 5, 0) for s in range(0, 99)]
    rows += [(75.0, "page: library", "GET", 400, 0)]
    rows += [(61.0, "learner: a lesson", "GET", 10, 1)]
    write_log(log, rows)
    measured = run.read_request_log(log, 60, 360)
    assert measured["page: library"]["p99"] == 5  # one slow request in 100 is the 1% the p99 leaves out
    assert run.judge(measured) is False  # the failed lesson
    assert measured["learner: a lesson"]["met"] is False and measured["page: library"]["met"] is True
    rows.append((76.0, "page: library", "GET", 400, 0))
    write_log(log, rows)
    measured = run.read_request_log(log, 60, 360)
    assert measured["page: library"]["p99"] == 400
