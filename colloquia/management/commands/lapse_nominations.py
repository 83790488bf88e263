"""`manage.py lapse_nominations`: lapse the invitations whose accept-by date has passed.

Each lapsed invitation is emailed, and a place it held goes to the first person on its category's
waiting list. Run it every few minutes (a systemd timer or cron: docs/colloquia.md); it is
idempotent, so a run that overlaps another, or one repeated, lapses nothing twice. Invitations
also lapse whenever they are read, so one is never accepted late between two runs.
"""

from django.core.management.base import BaseCommand

from colloquia.services import lapse_overdue_invitations


class Command(BaseCommand):
    help = "Lapse the invitations not accepted by their accept-by date; their places go to the waiting lists."

    def handle(self, *args, **options):
        count = lapse_overdue_invitations()
        self.stdout.write(f"{count} invitation{'' if count == 1 else 's'} lapsed.")
