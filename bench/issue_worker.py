"""Queues the bulk-issue benchmark's batch (run by bench/run.py before it starts the workers).

    python bench/issue_worker.py

Creates an IssueBatch for the bench bulk-issue colloquium and enqueues
certificates.tasks.issue_batch with the database task backend, as the admin's "Issue
certificates" does. bench/run.py then starts `manage.py worker` processes: one runs the
batch's starter, which enqueues a chunk task per 25 participants, and all of them share
the chunks. Prints one JSON line with the batch id.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_data import ISSUE_SLUG, setup_django  # noqa: E402


def main():
    os.environ["TASKS_BACKEND"] = "database"
    setup_django()
    from certificates.models import IssueBatch
    from certificates.tasks import issue_batch
    from colloquia.models import ColloquiumPage

    page = ColloquiumPage.objects.get(slug=ISSUE_SLUG)
    batch = IssueBatch.objects.create(colloquium_id=page.pk, title=page.title, academy=page.academy)
    issue_batch.enqueue(batch.pk)
    print(json.dumps({"batch": batch.pk}))


if __name__ == "__main__":
    main()
