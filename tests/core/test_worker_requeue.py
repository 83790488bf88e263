"""A worker started again takes back the tasks its predecessor (same worker id) died running."""

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.management.commands.worker import requeue_left_running

pytestmark = pytest.mark.django_db


def task_row(status, worker_ids, backend_name="default"):
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [1, [[2, "3"]]], "kwargs": {}},
        task_path="certificates.tasks.issue_batch_chunk",
        worker_ids=worker_ids,
        backend_name=backend_name,
        run_after=timezone.now(),
        started_at=timezone.now() if status == TaskResultStatus.RUNNING else None,
    )


def test_only_the_tasks_this_worker_id_last_claimed_and_still_runs_go_back_to_the_queue():
    orphan = task_row(TaskResultStatus.RUNNING, ["slot-0", "slot-1"])  # taken over once, then died
    elsewhere = task_row(TaskResultStatus.RUNNING, ["slot-1", "slot-2"])  # slot-2 holds it now
    finished = task_row(TaskResultStatus.SUCCESSFUL, ["slot-1"])
    other_backend = task_row(TaskResultStatus.RUNNING, ["slot-1"], backend_name="other")

    assert requeue_left_running("slot-1", "default") == 1

    orphan.refresh_from_db()
    assert orphan.status == TaskResultStatus.READY and orphan.started_at is None
    assert orphan in DBTaskResult.objects.ready()
    for untouched, status in ((elsewhere, "RUNNING"), (finished, "SUCCESSFUL"), (other_backend, "RUNNING")):
        untouched.refresh_from_db()
        assert untouched.status == status
    # Run again, nothing is left to take back.
    assert requeue_left_running("slot-1", "default") == 0
