"""One of the worker processes of the bulk-issue benchmark (started by bench/run.py).

    python bench/issue_worker.py PART PARTS

Issues attendance certificates for every PARTS-th eligible participant of the bench
bulk-issue colloquium, starting at PART, through certificates.services.issue_attendance
(the function the issue_batch task calls for each participant), and prints one JSON line:
start and end times of the issuing loop, how many were issued, and the process's peak RSS.
"""

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_data import ISSUE_SLUG, setup_django  # noqa: E402


def main(part, parts):
    setup_django()
    from certificates.models import Kind
    from certificates.services import IssueContext, issue_attendance
    from colloquia.models import ColloquiumPage
    from colloquia.services import eligible_participants, event_details

    page = ColloquiumPage.objects.get(slug=ISSUE_SLUG)
    event = event_details(page)
    participants = eligible_participants(page)[part::parts]
    context = IssueContext.build(Kind.ATTENDANCE, event.get("academy"))
    started = time.time()
    issued = existing = 0
    for participant in participants:
        _, created = issue_attendance(page, event, participant, context=context)
        issued += created
        existing += not created
    finished = time.time()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"start": started, "end": finished, "issued": issued, "existing": existing, "peak_kb": peak_kb}))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
