#!/usr/bin/env python3
"""`make faults`: the issue's faults, each while a lighter load runs, and what users saw and what was stored.

    python ops/loadtest/faults.py [SCENARIO ...] [--seconds N]

Scenarios (all, in this order, when none is named):

  app-server   kill -9 app server A (the gunicorn master and its workers) mid-load; nginx must
               route around it: 5xx only for requests in flight at that moment. A is started again.
  redis        stop Redis mid-load: pages keep serving, signed-in pages and new sign-ins keep
               working (PostgreSQL's cache table meanwhile), the verification page refuses (fails
               closed); Redis is started again and everything answers as before without
               restarting an app server.
  object-store the object store stops answering (SIGSTOP of moto's server, which keeps its files in
               memory; SIGCONT gives them back): a certificate PDF and a resource upload fail with a
               clear message and leave no record behind; both work once it answers again.
  postgres     restart PostgreSQL mid-load and mid-way through a 500-certificate batch: requests fail
               cleanly and recover; the batch ends with exactly one certificate per eligible person.
  worker       kill -9 the task worker mid-batch and start it again: the same check.
  backup       `ops/backup.py --include-bucket` during the load, restored into a fresh stack
               (`ops/stack.py stop` + `start`, then ops/restore.py): every certificate's PDF matches
               its recorded SHA-256 and every upload is readable. Runs last: it rebuilds the stack.

The load is locustfile.py's mix without the check-in burst (LOADTEST_FAULT_VISITORS, 20 visitors,
and 5 learners) for --seconds (FAULTS_SECONDS, 90) per scenario. Results go to
.stack/loadtest/faults/<scenario>.json and a summary in .stack/loadtest/faults/report.md.

PostgreSQL is the machine's cluster: the script refuses to restart it while another database
than the stack's has clients (someone's test run), and says so in the report.
"""

import argparse
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import requests
from pypdf import PdfWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as loadtest  # noqa: E402 - ops/loadtest/run.py, beside this file

ROOT = loadtest.ROOT
STACK = loadtest.STACK
OUT = STACK / "loadtest" / "faults"
STACK_PY = [sys.executable, str(ROOT / "ops" / "stack.py")]
ACCESS_LOG = STACK / "logs" / "nginx-access.log"
STATUS_IN_LOG = re.compile(r'" (\d{3}) ')
BATCH_SECONDS = 600
SCENARIOS = ("app-server", "redis", "object-store", "postgres", "worker", "backup")


def log(message):
    print(f"faults: {message}", flush=True)


def stack_json():
    return json.loads((STACK / "stack.json").read_text())


def pid_of(part):
    return int((STACK / "run" / f"{part}.pid").read_text())


def stack(*args):
    subprocess.run([*STACK_PY, *args], check=True, capture_output=True, text=True)  # noqa: S603


def database_url():
    for line in (STACK / "stack.env").read_text().splitlines():
        if line.startswith("DATABASE_URL="):
            return line.split("=", 1)[1].strip("'")
    raise SystemExit("faults: .stack/stack.env has no DATABASE_URL: is the stack up?")


def sql(query, params=(), *, attempts=60):
    """Rows of `query` on the stack's database, retried while PostgreSQL is restarting."""
    for attempt in range(attempts):
        try:
            with psycopg.connect(database_url(), connect_timeout=3) as connection:
                return connection.execute(query, params).fetchall()
        except psycopg.OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(1)
    return []


class Load:
    """locust in the background, and the nginx access log lines written meanwhile."""

    def __init__(self, name, seconds):
        self.name, self.seconds = name, seconds
        self.prefix = OUT / name

    def __enter__(self):
        self.log_from = ACCESS_LOG.stat().st_size if ACCESS_LOG.exists() else 0
        env = {
            **os.environ,
            "LOADTEST_ACCOUNTS": str(STACK / "loadtest" / "accounts.json"),
            "LOADTEST_VISITORS": os.environ.get("LOADTEST_FAULT_VISITORS", "20"),
            "LOADTEST_LEARNERS_ACTIVE": "5",
            "LOADTEST_DESKS": "0",
        }
        argv = [
            str(loadtest.BIN / "locust"),
            "-f",
            str(ROOT / "ops" / "loadtest" / "locustfile.py"),
            "--headless",
            "--host",
            loadtest.SITE,
            "--users",
            str(int(env["LOADTEST_VISITORS"]) + 1 + 5),
            "--spawn-rate",
            "30",
            "--run-time",
            f"{self.seconds}s",
            "--stop-timeout",
            "10",
            "--csv",
            str(self.prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ]
        self.output = open(f"{self.prefix}.log", "w")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(argv, env=env, stdout=self.output, stderr=subprocess.STDOUT)  # noqa: S603
        self.started = time.monotonic()
        return self

    def at(self, seconds):
        """Wait until `seconds` into the load."""
        time.sleep(max(0, self.started + seconds - time.monotonic()))

    def __exit__(self, *exc):
        self.process.wait(timeout=self.seconds + 120)
        self.output.close()
        rows, failures = loadtest.read_stats(self.prefix)
        self.requests = sum(row["requests"] for row in rows.values())
        self.failures = failures
        self.statuses = nginx_statuses(self.log_from)


def nginx_statuses(offset):
    """Status codes nginx answered since byte `offset` of its access log."""
    with open(ACCESS_LOG, "rb") as access:
        access.seek(offset)
        text = access.read().decode(errors="replace")
    return dict(sorted(Counter(m.group(1) for m in STATUS_IN_LOG.finditer(text)).items()))


def seen(load):
    return {
        "requests": load.requests,
        "nginx_statuses": load.statuses,
        "errors_5xx": sum(count for status, count in load.statuses.items() if status.startswith("5")),
        "locust_failures": load.failures,
    }


class Visitor:
    """One person's requests through nginx, for the checks made during a fault."""

    def __init__(self):
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.verify = stack_json()["certificate"]
        self.accounts = json.loads((STACK / "loadtest" / "accounts.json").read_text())

    def get(self, path, **kwargs):
        try:
            response = self.session.get(loadtest.SITE + path, timeout=40, allow_redirects=False, **kwargs)
        except requests.RequestException as error:
            return {"path": path, "status": None, "error": type(error).__name__}
        return {"path": path, "status": response.status_code, "seconds": round(response.elapsed.total_seconds(), 3)}

    def post_form(self, form_path, fields, *, action=None, files=None):
        page = self.session.get(loadtest.SITE + form_path, timeout=40)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if not token:
            return page
        return self.session.post(
            loadtest.SITE + (action or form_path),
            data={"csrfmiddlewaretoken": token.group(1), **fields},
            files=files,
            headers={"Referer": loadtest.SITE + form_path},
            allow_redirects=False,
            timeout=60,
        )

    def sign_in(self, email):
        response = self.post_form("/accounts/login/", {"login": email, "password": self.accounts["password"]})
        return {"status": response.status_code, "to": response.headers.get("Location", "")}

    def pages(self):
        """The public pages and one certificate check: path → status."""
        codes = self.accounts["verification_codes"]
        paths = ["/", "/colloquia/", "/modules/", self.accounts["module"]["url"], "/resources/", "/search/?q=bnss"]
        if codes:
            paths.append(f"/certificates/verify/{codes[0]}/")
        return [self.get(path) for path in paths]


# --- the scenarios --------------------------------------------------------------------------------


def app_server(seconds):
    """kill -9 app server A mid-load; nginx sends its share to B; A comes back."""
    with Load("app-server", seconds) as load:
        load.at(seconds * 0.3)
        master = pid_of("app-a")
        killed_at = time.monotonic() - load.started
        os.killpg(master, signal.SIGKILL)  # the master and its workers: the machine is gone
        log(f"app-a (pid {master}) killed at {killed_at:.0f} s")
        load.at(seconds * 0.65)
        started = time.monotonic()
        stack("restart", "app-a")
        restarted_in = time.monotonic() - started
    return {
        "killed_at_s": round(killed_at, 1),
        "restarted_in_s": round(restarted_in, 1),
        "users_saw": seen(load),
        "met": seen(load)["errors_5xx"] <= loadtest_workers_in_flight(),
        "note": "5xx allowed: the requests in flight on A's workers when it died (at most one per worker).",
    }


def loadtest_workers_in_flight():
    return int(os.environ.get("STACK_APP_WORKERS", "4"))


def redis(seconds):
    """Stop Redis mid-load: what anonymous and signed-in people see; then Redis returns."""
    learner = Visitor()
    signed_in = learner.sign_in(learner.accounts["learners"][-1])
    with Load("redis", seconds) as load:
        load.at(seconds * 0.3)
        os.kill(pid_of("redis"), signal.SIGTERM)
        log("Redis stopped")
        time.sleep(3)
        during = {
            "pages": Visitor().pages(),
            "signed_in_learner": [learner.get("/accounts/dashboard/"), learner.get("/certificates/")],
            "new_sign_in": Visitor().sign_in(learner.accounts["learners"][-2]),
            "verification": Visitor().get("/certificates/verify/AAAAAAAAAAAAAAAAAAAAAA/"),
        }
        load.at(seconds * 0.6)
        stack("restart", "redis")
        log("Redis started again")
        time.sleep(2)
        after = {
            "pages": Visitor().pages(),
            "signed_in_learner": [learner.get("/accounts/dashboard/")],
            "new_sign_in": Visitor().sign_in(learner.accounts["learners"][-3]),
            "verification": Visitor().get("/certificates/verify/AAAAAAAAAAAAAAAAAAAAAA/"),
        }
    down_ok = all(p["status"] == 200 for p in during["pages"] if "/verify/" not in p["path"])
    return {
        "signed_in_before": signed_in,
        "while_down": during,
        "after_return": after,
        "users_saw": seen(load),
        "met": {
            "pages_served_while_down": down_ok,
            "signed_in_pages_while_down": all(p["status"] == 200 for p in during["signed_in_learner"]),
            "new_sign_in_while_down": during["new_sign_in"]["status"] == 302
            and "/accounts/login" not in during["new_sign_in"]["to"],
            "verification_fails_closed": during["verification"]["status"] == 429,
            "everything_back_without_restart": all(p["status"] == 200 for p in after["pages"])
            and after["new_sign_in"]["status"] == 302
            and after["verification"]["status"] == 404,
        },
    }


def object_store(seconds):
    """The object store stops answering: a certificate PDF and an upload; then it answers again."""
    uploader = Visitor()
    password = json.loads(
        loadtest.stack_manage(
            "shell",
            "--no-imports",
            "-c",
            "import json; from demo.loaders.accounts import demo_password; print(json.dumps(demo_password()))",
        )
        .strip()
        .splitlines()[-1]
    )
    uploader.post_form("/accounts/login/", {"login": "cso@demo.test", "password": password})
    code = uploader.accounts["verification_codes"][0] if uploader.accounts["verification_codes"] else None

    def resources_count():
        return sql("SELECT count(*) FROM resources_resource")[0][0]

    def try_upload(title):
        form = uploader.session.get(loadtest.SITE + "/resources/share/", timeout=40).text

        def first(name, kind="option"):
            if kind == "option":
                select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', form, re.S)
                return re.findall(r'<option value="([^"]+)"', select.group(1))[0] if select else ""
            found = re.findall(rf'<input type="{kind}" name="{name}" value="([^"]+)"', form)
            return found[0] if found else ""

        fields = {
            "title": title,
            "summary": "Uploaded by ops/loadtest/faults.py.",
            "topics": first("topics", "checkbox"),
            "resource_type": first("resource_type"),
            "language": first("language"),
            "audience": first("audience"),
            "licence": first("licence"),
            "author_source": "The fault checks",
            "target_mode": "states",
        }
        writer = PdfWriter()
        writer.add_blank_page(width=200, height=200)
        writer.add_metadata({"/Title": f"Fault check {time.time_ns()}"})
        buffer = io.BytesIO()
        writer.write(buffer)
        pdf = buffer.getvalue()
        started = time.monotonic()
        response = uploader.post_form(
            "/resources/share/", fields, files={"files": ("fault-check.pdf", pdf, "application/pdf")}
        )
        text = response.text if response.status_code != 302 else ""
        message = re.search(r'class="message message-error">([^<]+)<', text)
        return {
            "status": response.status_code,
            "seconds": round(time.monotonic() - started, 1),
            "message": message.group(1).strip() if message else "",
        }

    with Load("object-store", seconds) as load:
        load.at(seconds * 0.3)
        before = resources_count()
        os.kill(pid_of("s3"), signal.SIGSTOP)
        log("object store stopped (SIGSTOP)")
        try:
            during = {
                "certificate_pdf": Visitor().get(f"/certificates/verify/{code}/pdf/") if code else None,
                "upload": try_upload("Fault check while the store is unreachable"),
            }
            during["resources_added"] = resources_count() - before
        finally:
            os.kill(pid_of("s3"), signal.SIGCONT)
            log("object store answering again (SIGCONT)")
        load.at(seconds * 0.6)
        after = {
            "certificate_pdf": Visitor().get(f"/certificates/verify/{code}/pdf/") if code else None,
            "upload": try_upload("Fault check after the store returned"),
        }
    return {
        "while_unreachable": during,
        "after_return": after,
        "users_saw": seen(load),
        "met": {
            "no_partial_record": during["resources_added"] == 0,
            "pdf_fails_cleanly": bool(during["certificate_pdf"]) and during["certificate_pdf"]["status"] == 503,
            "upload_fails_cleanly": during["upload"]["status"] == 503 and bool(during["upload"]["message"]),
            "works_again": bool(after["certificate_pdf"])
            and after["certificate_pdf"]["status"] == 200
            and after["upload"]["status"] == 302,
        },
    }


def queue_batch():
    """A 500-person certificate batch for the prepared batch event, queued as its registrar would."""
    accounts = loadtest.prepare("--batch")
    del accounts
    described = json.loads((STACK / "loadtest" / "accounts.json").read_text())["batch"]
    code = (
        "import json; from accounts.models import User; from colloquia.models import ColloquiumPage; "
        "from certificates.tasks import start_batch; "
        f"page = ColloquiumPage.objects.get(pk={described['event_id']}); "
        "batch, _ = start_batch(page, by=User.objects.get(email='admin@demo.test')); "
        "print(json.dumps(batch.pk))"
    )
    batch = json.loads(loadtest.stack_manage("shell", "--no-imports", "-c", code).strip().splitlines()[-1])
    return described["event_id"], batch


def batch_state(batch):
    rows = sql(
        "SELECT status, total, done, existing, failed, errors FROM certificates_issuebatch WHERE id = %s", [batch]
    )
    status, total, done, existing, failed, errors = rows[0]
    return {"status": status, "total": total, "done": done, "existing": existing, "failed": failed, "errors": errors}


def wait_for_batch(batch, *, until, seconds=BATCH_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = batch_state(batch)
        if until(state):
            return state
        time.sleep(1)
    return batch_state(batch)


def certificates_per_person(event_id):
    """Exactly one valid certificate per eligible person? The database's answer, and the bucket's."""
    eligible = {
        row[0]
        for row in sql(
            "SELECT user_id FROM colloquia_registration WHERE page_id = %s AND status = 'approved'", [event_id]
        )
    }
    rows = sql(
        "SELECT user_id, count(*), array_agg(pdf) FROM certificates_certificate "
        "WHERE source_kind = 'colloquium' AND source_id = %s AND status = 'valid' GROUP BY user_id",
        [event_id],
    )
    counts = {user_id: count for user_id, count, _ in rows}
    pdfs = [pdf for _, _, listed in rows for pdf in listed]
    return {
        "eligible": len(eligible),
        "with_one": sum(1 for user in eligible if counts.get(user) == 1),
        "missing": len(eligible - set(counts)),
        "duplicated": sum(1 for count in counts.values() if count > 1),
        "pdfs_in_bucket": pdfs_in_bucket(pdfs),
    }


def pdfs_in_bucket(keys):
    import boto3

    described = stack_json()["s3"]
    client = boto3.client(
        "s3",
        endpoint_url=described["endpoint_url"],
        region_name=described["region_name"],
        aws_access_key_id=described["aws_access_key_id"],
        aws_secret_access_key=described["aws_secret_access_key"],
    )
    stored = set()
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=described["bucket"], Prefix="certificates/"):
        stored.update(item["Key"] for item in page.get("Contents", []))
    return {"listed": len(keys), "present": sum(1 for key in keys if key in stored)}


def other_clients():
    """Databases other than the stack's with clients: a restart would break someone's run."""
    database = database_url().rsplit("/", 1)[1]
    rows = sql(
        "SELECT datname, count(*) FROM pg_stat_activity WHERE datname IS NOT NULL AND datname <> %s "
        "AND datname NOT LIKE %s AND pid <> pg_backend_pid() GROUP BY datname",
        [database, "postgres"],
    )
    return dict(rows)


def batch_fault(name, seconds, fault):
    """Queue the batch, run `fault` a third of the way through it under load, check what was stored."""
    event_id, batch = queue_batch()
    log(f"batch {batch} queued for event {event_id}")
    with Load(name, seconds) as load:
        state = wait_for_batch(batch, until=lambda s: s["total"] and s["done"] + s["existing"] >= s["total"] // 3)
        fault_at = {"at_s": round(time.monotonic() - load.started, 1), "batch": state}
        fault_at["what"] = fault()
        log(f"{name}: fault at {fault_at['at_s']} s, {state['done']} of {state['total']} done")
        pages_after = Visitor().pages()
    finished = wait_for_batch(batch, until=lambda s: s["status"] in ("finished", "failed"))
    worker_alive = subprocess.run([*STACK_PY, "status"], capture_output=True, text=True).stdout  # noqa: S603
    stored = certificates_per_person(event_id)
    return {
        "batch": batch,
        "fault": fault_at,
        "batch_at_end": finished,
        "stored": stored,
        "pages_after_fault": pages_after,
        "stack_status_after": worker_alive.strip().splitlines(),
        "users_saw": seen(load),
        "met": {
            "batch_finished": finished["status"] == "finished" and finished["failed"] == 0,
            "one_certificate_per_person": stored["with_one"] == stored["eligible"]
            and not stored["missing"]
            and not stored["duplicated"],
            "every_pdf_stored": stored["pdfs_in_bucket"]["present"] == stored["pdfs_in_bucket"]["listed"],
        },
    }


def restart_postgres():
    busy = other_clients()
    if busy:
        raise SkipScenario(f"other databases have clients ({busy}); not restarting the shared PostgreSQL")
    started = time.monotonic()
    subprocess.run(["pg_ctlcluster", "15", "main", "restart", "-m", "fast"], check=True)  # noqa: S607
    outcome = {"restart_s": round(time.monotonic() - started, 1)}
    # A worker whose database went away exits (django-tasks-db re-raises the error); systemd's
    # Restart=always would start it again: do what the unit does, and say whether it was needed.
    time.sleep(3)
    if subprocess.run([*STACK_PY, "status"], capture_output=True, text=True).stdout.count("down"):  # noqa: S603
        outcome["worker_exited"] = True
        stack("restart", "worker")
    else:
        outcome["worker_exited"] = False
    return outcome


def kill_worker():
    pid = pid_of("worker")
    os.kill(pid, signal.SIGKILL)
    time.sleep(1)
    stack("restart", "worker")
    return {"killed_pid": pid, "started_again": True}


class SkipScenario(Exception):
    pass


def postgres(seconds):
    return batch_fault("postgres", seconds, restart_postgres)


def worker(seconds):
    return batch_fault("worker", seconds, kill_worker)


def backup(seconds):
    """A backup taken under load, restored into a fresh stack: certificates verify, uploads read."""
    env = {**os.environ, **stack_environment()}
    with Load("backup", seconds) as load:
        load.at(seconds * 0.3)
        done = subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "ops" / "backup.py"), "--include-bucket", "--out", str(OUT / "backups")],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise SkipScenario(f"ops/backup.py failed: {done.stderr[-1500:]}")
        folder = done.stdout.strip().rsplit(" ", 1)[1]
        before = stored_files()
    log(f"backup in {folder}; stopping the stack and starting a fresh one")
    stack("stop")
    subprocess.run([*STACK_PY, "start"], check=True, capture_output=True)  # noqa: S603
    env = {**os.environ, **stack_environment()}
    restored = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "ops" / "restore.py"), folder], env=env, capture_output=True, text=True
    )
    if restored.returncode:
        raise SkipScenario(f"ops/restore.py failed: {restored.stderr[-1500:]}")
    # The restored database holds other sessions and content generations: start clean caches.
    stack("restart", "redis")
    for part in ("app-a", "app-b", "worker"):
        stack("restart", part)
    after = stored_files()
    return {
        "backup": folder,
        "before": before["summary"],
        "after_restore": after["summary"],
        "users_saw": seen(load),
        "met": {
            "every_certificate_verifies": after["summary"]["certificates"] == before["summary"]["certificates"]
            and after["summary"]["certificate_hash_matches"] == after["summary"]["certificates"],
            "every_upload_readable": after["summary"]["uploads_readable"] == after["summary"]["uploads"]
            and after["summary"]["uploads"] == before["summary"]["uploads"],
        },
    }


def stack_environment():
    values = {}
    for line in (STACK / "stack.env").read_text().splitlines():
        name, _, value = line.partition("=")
        values[name] = value.strip("'")
    return values


def stored_files():
    """Every certificate's PDF read through storage against its recorded SHA-256; every upload read."""
    code = """
import hashlib, json
from certificates.models import Certificate
from resources.models import ResourceFile
certs = list(Certificate.objects.exclude(pdf="").only("pdf", "pdf_sha256"))
matches = 0
for cert in certs:
    with cert.pdf.open("rb") as handle:
        matches += hashlib.sha256(handle.read()).hexdigest() == cert.pdf_sha256
uploads = readable = 0
for stored in ResourceFile.objects.exclude(file="").only("file"):
    uploads += 1
    try:
        with stored.file.open("rb") as handle:
            readable += bool(handle.read(1))
    except Exception:
        pass
print(json.dumps({"certificates": len(certs), "certificate_hash_matches": matches,
                  "uploads": uploads, "uploads_readable": readable}))
"""
    return {"summary": json.loads(loadtest.stack_manage("shell", "--no-imports", "-c", code).strip().splitlines()[-1])}


RUNNERS = {
    "app-server": app_server,
    "redis": redis,
    "object-store": object_store,
    "postgres": postgres,
    "worker": worker,
    "backup": backup,
}


def summary_line(name, result):
    met = result.get("met")
    if isinstance(met, dict):
        verdict = ", ".join(f"{key}: {'yes' if value else 'NO'}" for key, value in met.items())
    elif met is None:
        verdict = result.get("skipped", "")
    else:
        verdict = "yes" if met else "NO"
    saw = result.get("users_saw", {})
    return (
        f"| {name} | {saw.get('requests', '-')} | {saw.get('errors_5xx', '-')} | "
        f"{json.dumps(saw.get('nginx_statuses', {}))} | {verdict} |"
    )


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", metavar="SCENARIO", help=", ".join(SCENARIOS))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("FAULTS_SECONDS", "90")))
    args = parser.parse_args(argv)
    unknown = set(args.scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"no scenario {', '.join(sorted(unknown))}; the scenarios are {', '.join(SCENARIOS)}")
    OUT.mkdir(parents=True, exist_ok=True)
    loadtest.prepare()
    results = {}
    for name in [s for s in SCENARIOS if s in (args.scenarios or SCENARIOS)]:
        log(f"{name}: {args.seconds} s of load")
        load_before = round(os.getloadavg()[0], 2)
        try:
            result = RUNNERS[name](args.seconds)
        except SkipScenario as reason:
            result = {"met": None, "skipped": str(reason)}
        result |= {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "load_before": load_before}
        result["load_after"] = round(os.getloadavg()[0], 2)
        (OUT / f"{name}.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
        results[name] = result
        log(f"{name}: {summary_line(name, result)}")
    lines = [
        f"# Faults: {datetime.now(UTC):%Y-%m-%d %H:%M UTC}",
        "",
        f"Each under {args.seconds} s of load (20 visitors, 1 verifier, 5 learners). Details in <scenario>.json.",
        "",
        "| Scenario | Requests | 5xx | nginx statuses | Met |",
        "| --- | ---: | ---: | --- | --- |",
        *(summary_line(name, result) for name, result in results.items()),
    ]
    (OUT / "report.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
