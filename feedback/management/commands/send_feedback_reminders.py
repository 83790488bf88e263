"""`manage.py send_feedback_reminders`: queue the reminders to give feedback on events that have ended.

Run it on a timer, as send_due_reminders (the colloquium-reminders timer runs both, see
docs/deployment.md and docs/feedback.md). Running it again reminds nobody twice. The emails leave
from the task worker (TASKS_BACKEND=database), or from this process with the default in-process tasks.
"""

from django.core.management.base import BaseCommand

from feedback.tasks import queue_feedback_reminders


class Command(BaseCommand):
    help = "Queue the reminders to give feedback on events that have ended; each person gets one per event."

    def handle(self, *args, **options):
        queued = queue_feedback_reminders()
        if options["verbosity"]:
            self.stdout.write(f"{queued} feedback reminder{'' if queued == 1 else 's'} queued.")
