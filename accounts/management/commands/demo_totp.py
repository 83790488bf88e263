from django.core.management.base import BaseCommand

from accounts.demo import DEMO_TOTP_SECRET, current_demo_totp


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo staff accounts (demo secret only)."

    def handle(self, *args, **options):
        self.stdout.write(f"{current_demo_totp()}  (secret {DEMO_TOTP_SECRET}, valid for about 30 seconds)")
