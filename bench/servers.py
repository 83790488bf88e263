"""The gunicorn servers `make bench` drives, on 127.0.0.1: started with the bench environment, stopped, measured."""

import http.client
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import build_data

HOST = "127.0.0.1"
WORKERS = 2
VENV_BIN = Path(sys.executable).parent


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


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
    """gunicorn with WORKERS sync workers serving `app` on `port`; returns (process, seconds to the first page)."""
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
        cwd=build_data.ROOT,
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


def require_page(port, spec, cookie):
    """Refuse to measure a page that does not answer 200 (a signed-in page redirecting to the sign-in
    form); returns the page's HTML."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    headers = {"Host": f"{HOST}:{port}"}
    if cookie:
        headers["Cookie"] = f"{cookie[0]}={cookie[1]}"
    try:
        connection.request("GET", spec["url"], headers=headers)
        response = connection.getresponse()
        status, body = response.status, response.read()
    finally:
        connection.close()
    if status != 200:
        raise SystemExit(f"{spec['name']} ({spec['url']}) answered {status} on port {port}; the benchmark needs 200")
    return body.decode("utf-8", "replace")
