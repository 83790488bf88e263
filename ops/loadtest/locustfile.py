"""The load `make loadtest` puts on the stack: the issue's mix, through nginx on https://localhost.

- Anonymous visitors (most of the requests): home, the colloquia calendar, an event, the module
  catalogue, a module, the library, a resource, a search; one more visitor checks certificates
  at the verification page, paced under its limit of 30 a minute from one address (the whole
  load comes from 127.0.0.1, and a real verifier is one person among many addresses).
- Signed-in learners (load-learner-N@load.test, enrolled in a demo module by prepare.py): read a
  lesson, mark it complete, take and submit the quiz (at most the module's three attempts),
  open "My learning".
- The check-in burst: DESKS registrars (password and TOTP code, as staff sign in) each scan their
  share of the 300 tickets at the desk, in the first 60 seconds, as a registration desk does at
  the start of a session: the desk's form POST, then the desk page it redirects to, which must
  say "Checked in".

Request names start with the kind they are judged as: "page:" and "learner:" (p99 ≤ 250 ms),
"check-in:" (p99 ≤ 500 ms), "sign-in:" (reported; a password hash costs what it costs).
ops/loadtest/run.py sets the numbers of users from LOADTEST_* variables and reads the results.

The first LOADTEST_WARMUP_SECONDS (0 unless run.py sets it) are the site's start: the app servers
just started, the page cache empty, the learners and registrars signing in. The doors open
DOORS_OPEN seconds after it. Every request is written to LOADTEST_REQUEST_LOG (when set) with
the second it started, so run.py can judge the part after the warm-up and report the warm-up apart.
"""

# ruff: noqa: S311 - random picks which page a simulated visitor opens; nothing secret
import csv
import itertools
import json
import os
import random
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import gevent
from locust import FastHttpUser, between, constant_pacing, events, task
from locust.exception import StopUser

ACCOUNTS = json.loads(Path(os.environ["LOADTEST_ACCOUNTS"]).read_text())
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RESOURCE_LINK = re.compile(r'href="(/resources/\d+-[^"/]+/)"')
EVENT_LINK = re.compile(r'href="(/academies/[^"]+/colloquia/[^"/]+/)"')
SEARCHES = ["trafficking", "BNSS", "victim compensation", "child", "labour", "evidence", "age determination"]
BURST_SECONDS = 60
# People do not all arrive in the same second: learners sign in over the first LEARNERS_ARRIVE
# seconds, each desk's registrar a little apart, and the doors open DOORS_OPEN seconds in.
LEARNERS_ARRIVE = 40
DESK_SIGN_IN_APART = 1.5
DOORS_OPEN = 20  # seconds after the warm-up
WARMUP = float(os.environ.get("LOADTEST_WARMUP_SECONDS", "0"))
REQUEST_LOG = os.environ.get("LOADTEST_REQUEST_LOG")
CHECKED_IN = 'class="desk-outcome-head">Checked in<'  # not "Already checked in", not "Not checked in"
DESKS = int(os.environ.get("LOADTEST_DESKS", "10"))

# Public addresses found on the site's own listings when the test starts.
PUBLIC = {"events": [], "resources": []}
STARTED = {"at": time.monotonic(), "wall": time.time()}
_requests = []  # (seconds from the start, name, method, response ms, failed)
_learners = itertools.cycle(ACCOUNTS["learners"])
_desks = itertools.count()


def totp_code(secret, at):
    """The code an authenticator shows at `at` for `secret` (RFC 6238: SHA-1, 6 digits, 30 s)."""
    import base64
    import hashlib
    import hmac
    import struct

    key = base64.b32decode(secret)
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class QuizForm(HTMLParser):
    """The answer fields of an attempt page: the first choice of each question, text for text questions."""

    def __init__(self):
        super().__init__()
        self.answers = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name", "")
        if tag != "input" or not re.fullmatch(r"q\d+", name) or name in self.answers:
            return
        if attrs.get("type") == "text":
            self.answers[name] = attrs.get("value") or "section 143"
        else:
            self.answers[name] = attrs["value"]


@events.test_start.add_listener
def find_public_pages(environment, **_kwargs):
    import ssl

    STARTED["at"], STARTED["wall"] = time.monotonic(), time.time()
    import urllib.request

    context = ssl._create_unverified_context()  # noqa: S323 - the stack's self-signed certificate, on localhost
    for path, pattern, key in (("/colloquia/", EVENT_LINK, "events"), ("/resources/", RESOURCE_LINK, "resources")):
        with urllib.request.urlopen(environment.host + path, context=context, timeout=30) as response:  # noqa: S310
            PUBLIC[key] = sorted(set(pattern.findall(response.read().decode())))
        if not PUBLIC[key]:
            raise RuntimeError(f"{path} lists no {key}: is the demo loaded?")


@events.request.add_listener
def remember_request(request_type, name, response_time, exception, start_time=None, **_kwargs):
    began = (start_time or time.time()) - STARTED["wall"]
    _requests.append((round(began, 3), name, request_type, round(response_time, 1), int(exception is not None)))


@events.quitting.add_listener
def write_request_log(**_kwargs):
    if not REQUEST_LOG:
        return
    with open(REQUEST_LOG, "w", newline="") as log:
        writer = csv.writer(log)
        writer.writerow(["started_s", "name", "method", "ms", "failed"])
        writer.writerows(_requests)


class Site(FastHttpUser):
    abstract = True
    insecure = True  # the stack's self-signed certificate

    def form_post(self, form_path, action, fields, *, name, form_name=None):
        """GET the page holding the form (named `form_name`, or not counted when None), POST `fields`."""
        with self.client.get(form_path, name=form_name or "(form page)", catch_response=True) as page:
            token = CSRF.search(page.text or "")
            if page.status_code != 200 or not token:
                page.failure(f"{form_path}: {page.status_code}, no form")
                return None
        return self.client.post(
            action,
            data={"csrfmiddlewaretoken": token.group(1), **fields},
            headers={"Referer": self.host + form_path},
            allow_redirects=False,
            name=name,
        )

    def sign_in(self, email, password, secret=None):
        answer = self.form_post(
            "/accounts/login/",
            "/accounts/login/",
            {"login": email, "password": password},
            name="sign-in: password",
            form_name="sign-in: form page",
        )
        if answer is None or answer.status_code != 302:
            raise StopUser(f"{email}: sign-in answered {answer and answer.status_code}")
        if "/accounts/2fa/authenticate" not in answer.headers.get("Location", ""):
            return
        # A code is accepted once per person: a run moments before may have used this period's.
        for at in (time.time(), (time.time() // 30 + 1) * 30):
            gevent.sleep(max(0, at - time.time()))
            answer = self.form_post(
                "/accounts/2fa/authenticate/",
                "/accounts/2fa/authenticate/",
                {"code": totp_code(secret, at)},
                name="sign-in: two-factor code",
                form_name="sign-in: two-factor form",
            )
            if answer is not None and answer.status_code == 302:
                return
        raise StopUser(f"{email}: two-factor step refused two codes in a row")


class AnonymousVisitor(Site):
    """Someone reading the public site: most of the traffic."""

    fixed_count = int(os.environ.get("LOADTEST_VISITORS", "30"))
    wait_time = between(1, 3)

    @task(3)
    def home(self):
        self.client.get("/", name="page: home")

    @task(2)
    def calendar(self):
        self.client.get("/colloquia/", name="page: colloquia calendar")

    @task(2)
    def event(self):
        self.client.get(random.choice(PUBLIC["events"]), name="page: an event")

    @task(2)
    def catalogue(self):
        self.client.get("/modules/", name="page: module catalogue")

    @task(2)
    def module(self):
        self.client.get(ACCOUNTS["module"]["url"], name="page: a module")

    @task(2)
    def library(self):
        self.client.get("/resources/", name="page: library")

    @task(2)
    def resource(self):
        self.client.get(random.choice(PUBLIC["resources"]), name="page: a resource")

    @task(1)
    def search(self):
        self.client.get(f"/search/?q={random.choice(SEARCHES)}", name="page: search")


class CertificateVerifier(Site):
    """Certificate checks by an employer or a court: 24 a minute, under the limit of 30 per address."""

    fixed_count = 1 if ACCOUNTS["verification_codes"] else 0
    wait_time = constant_pacing(2.5)

    @task
    def verify(self):
        code = random.choice(ACCOUNTS["verification_codes"])
        self.client.get(f"/certificates/verify/{code}/", name="page: certificate verification")


class Learner(Site):
    fixed_count = int(os.environ.get("LOADTEST_LEARNERS_ACTIVE", "10"))
    wait_time = between(2, 5)
    max_attempts = 3

    def on_start(self):
        gevent.sleep(random.uniform(0, LEARNERS_ARRIVE))
        self.sign_in(next(_learners), ACCOUNTS["password"])
        self.attempts = 0
        self.lessons = ACCOUNTS["module"]["lessons"]

    @task(4)
    def read_lesson(self):
        self.client.get(random.choice(self.lessons)["url"], name="learner: a lesson")

    @task(2)
    def mark_complete(self):
        lesson = random.choice(self.lessons)
        self.form_post(
            lesson["url"],
            f"/courses/lessons/{lesson['id']}/complete/",
            {},
            name="learner: mark lesson complete",
            form_name="learner: a lesson",
        )

    @task(2)
    def my_learning(self):
        self.client.get("/accounts/dashboard/", name="learner: my learning")

    @task(1)
    def take_quiz(self):
        if self.attempts >= self.max_attempts:
            return self.read_lesson()
        module = ACCOUNTS["module"]
        started = self.form_post(
            module["url"],
            f"/courses/modules/{module['id']}/quiz/",
            {},
            name="learner: start quiz",
            form_name="learner: module page",
        )
        if started is None:
            return None
        location = started.headers.get("Location", "")
        if "/courses/attempts/" not in location:
            self.attempts = self.max_attempts  # refused (attempts used or passed): no more this session
            return None
        self.attempts += 1
        form = QuizForm()
        with self.client.get(location, name="learner: quiz attempt", catch_response=True) as page:
            token = CSRF.search(page.text or "")
            form.feed(page.text or "")
            if not token or not form.answers:
                page.failure("the attempt page has no questions")
                return None
        with self.client.post(
            location,
            data={"csrfmiddlewaretoken": token.group(1), "action": "submit", **form.answers},
            headers={"Referer": self.host + location},
            allow_redirects=False,
            name="learner: submit quiz",
            catch_response=True,
        ) as submitted:
            if submitted.status_code != 302:
                submitted.failure(f"submit answered {submitted.status_code}")
                return None
        self.client.get(location, name="learner: quiz result")
        return None


class CheckInDesk(Site):
    """One registrar at the door: scans a ticket every few seconds until their share is done."""

    fixed_count = DESKS
    # The desks together: the 300 tickets in BURST_SECONDS.
    wait_time = constant_pacing(BURST_SECONDS * DESKS / max(1, len(ACCOUNTS["check_in"]["tickets"])))

    def on_start(self):
        number = next(_desks)
        check_in = ACCOUNTS["check_in"]
        gevent.sleep(number * DESK_SIGN_IN_APART)
        registrar = check_in["registrars"][number % len(check_in["registrars"])]
        self.sign_in(registrar, ACCOUNTS["password"], ACCOUNTS["totp_secret"])
        self.desk = f"/checkin/desk/{check_in['event_id']}/"
        self.session = str(check_in["session_id"])
        self.tickets = iter(check_in["tickets"][number::DESKS])
        self.token = None
        gevent.sleep(max(0, STARTED["at"] + WARMUP + DOORS_OPEN - time.monotonic()))

    @task
    def scan(self):
        ticket = next(self.tickets, None)
        if ticket is None:
            raise StopUser  # this desk's queue is through the door
        if self.token is None:
            with self.client.get(self.desk, name="check-in: desk page", catch_response=True) as page:
                found = CSRF.search(page.text or "")
                if not found:
                    page.failure(f"the desk answered {page.status_code} without its form")
                    return
                self.token = found.group(1)
        with self.client.post(
            self.desk,
            data={"csrfmiddlewaretoken": self.token, "session": self.session, "ticket": ticket},
            headers={"Referer": self.host + self.desk},
            allow_redirects=False,
            name="check-in: scan (POST)",
            catch_response=True,
        ) as posted:
            if posted.status_code != 302:
                posted.failure(f"the desk's POST answered {posted.status_code}")
                return
        with self.client.get(posted.headers["Location"], name="check-in: outcome page", catch_response=True) as page:
            text = page.text or ""
            if CHECKED_IN not in text:
                page.failure(f"ticket {ticket} was not checked in")
            found = CSRF.search(text)
            self.token = found.group(1) if found else None
