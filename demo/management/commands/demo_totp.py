from django.core.management.base import BaseCommand

from demo.loaders.accounts import current_demo_totp, demo_totp_secret


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo staff accounts (demo secret only)."

    def handle(self, *args, **options):
        self.stdout.write(f"{current_demo_totp()}  (secret {demo_totp_secret()}, valid for about 30 seconds)")
