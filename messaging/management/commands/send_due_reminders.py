"""`manage.py send_due_reminders`: queue the event reminders that have fallen due (see messaging.reminders).

Run it every 15 minutes or so: the colloquium-reminders.timer systemd unit (ops/systemd/, see
docs/deployment.md). Running it again sends nobody a reminder twice. The emails leave from the task
worker (TASKS_BACKEND=database), or from this process with the default in-process tasks.
"""

from django.core.management.base import BaseCommand

from messaging.tasks import queue_due_reminders


class Command(BaseCommand):
    help = "Queue the event reminders (7 days and 1 day before) that have fallen due; each person gets each once."

    def handle(self, *args, **options):
        queued = queue_due_reminders()
        if options["verbosity"]:
            self.stdout.write(f"{queued} reminder{'' if queued == 1 else 's'} queued.")
