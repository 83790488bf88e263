"""Load generators for `make bench`, on 127.0.0.1 only: wrk for GET pages, Python clients for POST journeys.

A GET page is one URL that wrk repeats at BENCH_CONNECTIONS connections. A POST journey needs a
session, a CSRF token from the form it posts and the address the server redirects to (a quiz
attempt's number), and each journey changes the data (an attempt can be submitted once), so
journeys are driven by Python threads, one per connection, each taking the next item (a
learner's enrolment, a user, a participant) from a shared list and following every redirect
as a browser does. The client's own time is inside each figure, which can only understate
the server.
"""

import http.client
import os
import random
import re
import secrets
import string
import subprocess
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from report import percentile

HOST = "127.0.0.1"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# A signed-in browser has seen a page with a form, so it carries Django's CSRF cookie (a 32-character
# secret) beside its session; wrk sends the same one, as a browser does.
BROWSER_CSRF_COOKIE = "csrftoken=" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(output):
    """{rps, p50_ms, p99_ms, errors, socket_errors, requests} from `wrk --latency` output."""
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    result["requests"] = int(re.search(r"(\d+) requests in", output).group(1))
    for label, key in (("50%", "p50_ms"), ("99%", "p99_ms")):
        match = re.search(rf"{re.escape(label)}\s+([\d.]+)(us|ms|s)\b", output)
        # No request finished within the run: wrk prints zeros, which are no latency at all.
        result[key] = _ms(*match.groups()) if match and result["requests"] else None
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    result["errors"] = int(errors.group(1)) if errors else 0
    socket_errors = re.search(r"Socket errors:.*", output)
    result["socket_errors"] = socket_errors.group(0) if socket_errors else ""
    return result


def wrk(url, cookie=None, seconds=10, connections=8, many_clients=False):
    """Drive `url` with wrk for `seconds`; `cookie` is (name, value) for a signed-in page.

    `many_clients`: each request carries another X-Forwarded-For address (bench/many_clients.lua),
    for a page rate-limited per visitor.
    """
    if not url.startswith(f"http://{HOST}:"):
        raise SystemExit(f"refusing to load {url}: the benchmark drives 127.0.0.1 only")
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie[0]}={cookie[1]}; {BROWSER_CSRF_COOKIE}"]
    if many_clients:
        command += ["-s", str(Path(__file__).with_name("many_clients.lua"))]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    result = parse_wrk(output)
    result["load"] = os.getloadavg()[0]
    return result


# --- Python clients for POST journeys ------------------------------------------------------------


class JourneyError(Exception):
    """The server answered a step of a journey otherwise than a browser session expects."""


class Browser:
    """One person's keep-alive connection to the site with their cookies, as a browser keeps them."""

    def __init__(self, port, cookies=None):
        self.port = port
        self.cookies = dict(cookies or {})
        self.connection = http.client.HTTPConnection(HOST, port, timeout=30)
        self.timings = []  # (step, milliseconds)
        self.token = None  # the CSRF token of the last form seen

    def close(self):
        self.connection.close()

    def request(self, step, method, path, fields=None, expect=200):
        """Send one request; returns (status, location, body text). Raises JourneyError on another status."""
        headers = {"Host": f"{HOST}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        began = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            raise JourneyError(f"{step}: {method} {path}: {error!r}") from error
        self.timings.append((step, (time.perf_counter() - began) * 1000))
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        if response.status != expect:
            raise JourneyError(f"{step}: {method} {path} answered {response.status}, not {expect}")
        location = urlsplit(response.getheader("Location") or "")
        # The address a browser follows: the path with its query (a search the screen redirects back to).
        where = f"{location.path}?{location.query}" if location.query else location.path
        return response.status, where, text

    def get(self, step, path, expect=200):
        return self.request(step, "GET", path, expect=expect)

    def post(self, step, path, fields, expect=302):
        """POST a form with the CSRF token of the last page (Django's double-submit check)."""
        return self.request(step, "POST", path, {**fields, "csrfmiddlewaretoken": self.token}, expect=expect)

    def keep_token(self, html):
        match = CSRF_FIELD.search(html)
        if match is None:
            raise JourneyError("the page has no form with a CSRF token")
        self.token = match.group(1)


def quiz_answers(html, rng):
    """A learner's answers to the attempt form in `html`: one option at random per question."""
    fields = {}
    options = {}
    for name, value in re.findall(r'<input[^>]*type="(?:radio|checkbox)"[^>]*name="(q\d+)"[^>]*value="([^"]*)"', html):
        options.setdefault(name, []).append(value)
    for name, values in options.items():
        fields[name] = rng.choice(values)
    for name in re.findall(r'<input[^>]*type="text"[^>]*name="(q\d+)"', html):
        fields[name] = "Section 143 BNS"
    return fields


def drive_journeys(port, journey, items, seconds, threads, cookies_for):
    """Run `journey(browser, item, state)` in `threads` threads for `seconds`, each taking the next item.

    `cookies_for(item, thread number)` gives the cookies of the person doing the item. A thread keeps its
    Browser (connection, cookies, last CSRF token) while the person stays the same (a registrar
    checking people in), and opens a new one for each new person. `state` is the thread's own
    dict ("rng": its seeded random generator). Returns the figures: requests/s, p50 and p99 over every request,
    the journeys done and the median of each step.
    """
    pending = iter(items)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    timings, errors, journeys = [], [], [0]
    exhausted = threading.Event()

    def work(number):
        rng = random.Random(number)
        browser, owner, state = None, None, {}
        try:
            while time.monotonic() < deadline:
                with lock:
                    item = next(pending, None)
                if item is None:
                    exhausted.set()
                    return
                cookies = cookies_for(item, number)
                if browser is None or cookies != owner:
                    if browser is not None:
                        timings.extend(browser.timings)
                        browser.close()
                    browser, owner, state = Browser(port, cookies), cookies, {"rng": rng}
                try:
                    journey(browser, item, state)
                except JourneyError as error:
                    errors.append(str(error))
                    browser.token = None  # start the next journey from a fresh form
                    continue
                with lock:
                    journeys[0] += 1
        finally:
            if browser is not None:
                timings.extend(browser.timings)
                browser.close()

    began = time.monotonic()
    workers = [threading.Thread(target=work, args=(number,)) for number in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - began
    milliseconds = [ms for _, ms in timings]
    steps = {}
    for step, ms in timings:
        steps.setdefault(step, []).append(ms)
    return {
        "rps": len(milliseconds) / elapsed,
        "p50_ms": percentile(milliseconds, 0.5),
        "p99_ms": percentile(milliseconds, 0.99),
        "requests": len(milliseconds),
        "errors": len(errors),
        "error_examples": errors[:3],
        "journeys": journeys[0],
        "journeys_per_s": journeys[0] / elapsed,
        "threads": threads,
        "seconds": elapsed,
        "ran_out_of_items": exhausted.is_set(),
        "step_p50_ms": {step: percentile(values, 0.5) for step, values in steps.items()},
        "load": os.getloadavg()[0],
    }
