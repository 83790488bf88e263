"""Certificates issue through the real task queue: django-tasks' database backend and a worker process.

Production runs TASKS_BACKEND=database with `manage.py worker` (django-tasks-db's db_worker after
the apps' warm-up) beside the app servers (see docs/deployment.md). These tests do the same against
a temporary SQLite file: one process migrates it and enqueues the work, a separate `db_worker
--batch` or `worker --batch` process runs the queue and exits, and a third process reads back the
task results and the certificates issued.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

ENQUEUE = """
import json
from django.utils import timezone
from tests import factories
from courses.models import CourseIndexPage, CoursePage, Enrolment
from certificates.tasks import issue_for_enrolment

home = factories.make_home()
academy = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
user = factories.make_user("district_judge", full_name="Queued Judge")
index = CourseIndexPage(title="Modules", slug="modules")
academy.page.add_child(instance=index)
module = CoursePage(title="Trafficking law after 2024", slug="law", summary="BNS 143.", gives_certificate=True)
index.add_child(instance=module)
enrolment = Enrolment.objects.create(user=user, module=module, completed_at=timezone.now())
result = issue_for_enrolment.enqueue("courses.Enrolment", enrolment.pk)
print(json.dumps({"task": str(result.id), "status": str(result.status), "user": user.pk}))
"""

CHECK = """
import json, sys
from certificates.models import Certificate
from certificates.tasks import issue_for_enrolment
task_id, user_id = sys.argv[-2], int(sys.argv[-1])
result = issue_for_enrolment.get_result(task_id)
cert = Certificate.objects.filter(user_id=user_id).first()
print(json.dumps({
    "status": str(result.status),
    "return_value": result.return_value if result.is_finished else None,
    "serial": cert.serial if cert else None,
    "pdf_bytes": cert.pdf.size if cert else 0,
}))
"""


ENQUEUE_BATCH = """
import json
from tests import factories
from tests.colloquia.conftest import make_event, make_index
from certificates.models import IssueBatch
from certificates.tasks import CHUNK_SIZE, issue_batch
from colloquia import services
from colloquia.models import Attendance

factories.make_home()
academy = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
page = make_event(make_index(academy.page), title="Queued colloquium")
people = [factories.make_user("district_judge", full_name=f"Judge {n:02d}") for n in range(CHUNK_SIZE + 3)]
registrations = [services.register(person, page) for person in people]
for session in page.sessions.filter(counts_for_attendance=True):
    marks = {registration: Attendance.Status.PRESENT for registration in registrations}
    # As on the day of the event: attendance is refused for sessions that have not begun.
    begun = session.starts_at(page.zone)
    services.record_attendance(session, marks, method=Attendance.Method.REGISTRAR, by=None, now=begun)
batch = IssueBatch.objects.create(colloquium_id=page.pk, title=page.title, academy=academy)
issue_batch.enqueue(batch.pk)
print(json.dumps({"batch": batch.pk, "people": len(people)}))
"""

CHECK_BATCH = """
import json, sys
from django_tasks_db.models import DBTaskResult
from certificates.models import Certificate, IssueBatch
batch = IssueBatch.objects.get(pk=int(sys.argv[-1]))
tasks = DBTaskResult.objects.filter(task_path__startswith="certificates.tasks.")
print(json.dumps({
    "status": batch.status, "total": batch.total, "done": batch.done, "failed": batch.failed,
    "certificates": Certificate.objects.filter(source_id=batch.colloquium_id, status="valid").count(),
    "tasks": sorted(t.task_path.rsplit(".", 1)[-1] + ":" + t.status for t in tasks),
}))
"""


def manage(env, *args, code=None):
    command = [sys.executable, "manage.py", *args]
    if code is not None:
        command = [sys.executable, "-c", _SHELL, code, *args]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)  # noqa: S603
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


# `manage.py shell -c` cannot take arguments; this runs a code string after django.setup().
_SHELL = "import sys, django; django.setup(); code = sys.argv[1]; sys.argv = sys.argv[1:]; exec(code)"


def _environment(folder):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "TASKS_", "PYTEST_", "CACHE_URL"))
    }
    (folder / "tmp").mkdir()
    env.update(
        DJANGO_SETTINGS_MODULE="colloquium_site.settings.dev",
        DEBUG="0",
        DATABASE_URL=f"sqlite:///{folder / 'queue.sqlite3'}",
        TASKS_BACKEND="database",
        MEDIA_ROOT=str(folder / "media"),
        TMPDIR=str(folder / "tmp"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        SITE_URL="http://testserver",
    )
    return env


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory):
    """One migrated database file for the module (migrating takes about 20 s); each test works on a copy."""
    folder = tmp_path_factory.mktemp("migrated")
    manage(_environment(folder), "migrate", "--noinput", "-v0")
    return folder / "queue.sqlite3"


@pytest.fixture
def worker_env(tmp_path, migrated_database):
    env = _environment(tmp_path)
    shutil.copyfile(migrated_database, tmp_path / "queue.sqlite3")
    return env


def test_certificate_is_issued_by_a_db_worker_process(worker_env):
    queued = json.loads(manage(worker_env, code=ENQUEUE).strip().splitlines()[-1])
    assert queued["status"] == "READY"  # queued in the database, not run in this process

    before = json.loads(manage(worker_env, queued["task"], str(queued["user"]), code=CHECK).strip().splitlines()[-1])
    assert before["serial"] is None and before["status"] == "READY"

    manage(worker_env, "db_worker", "--batch", "--no-startup-delay", "--no-reload")

    after = json.loads(manage(worker_env, queued["task"], str(queued["user"]), code=CHECK).strip().splitlines()[-1])
    assert after["status"] == "SUCCESSFUL", after
    assert after["serial"] and after["serial"].startswith("JSJA-")
    assert after["return_value"] == after["serial"]
    assert after["pdf_bytes"] > 1000


def test_an_issue_batch_runs_as_chunk_tasks_in_a_worker_process(worker_env):
    queued = json.loads(manage(worker_env, code=ENQUEUE_BATCH).strip().splitlines()[-1])

    # `manage.py worker`: db_worker after the apps' warm-up (the certificate renderer).
    manage(worker_env, "worker", "--batch", "--no-startup-delay", "--no-reload")

    after = json.loads(manage(worker_env, str(queued["batch"]), code=CHECK_BATCH).strip().splitlines()[-1])
    people = queued["people"]
    assert (after["status"], after["total"], after["done"], after["failed"]) == ("finished", people, people, 0)
    assert after["certificates"] == people
    # The starter, then one chunk task per CHUNK_SIZE participants (two here), each run by the worker.
    assert after["tasks"] == ["issue_batch:SUCCESSFUL", "issue_batch_chunk:SUCCESSFUL", "issue_batch_chunk:SUCCESSFUL"]
    # WeasyPrint copies the certificate fonts into a temporary folder (megabytes) that the worker
    # must remove when it exits, or every recycled worker would leave one behind.
    assert list(Path(worker_env["TMPDIR"]).glob("weasyprint-*")) == []
