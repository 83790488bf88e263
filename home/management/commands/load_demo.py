from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load the demo content (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Refusing to load demo content with DEBUG off (use --force to insist).")
        total = 0
        for path in settings.DEMO_LOADERS:
            with transaction.atomic():
                created = import_string(path)(self.stdout)
            total += created
            if created:
                self.stdout.write(f"{path}: {created} created")
        if total:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({total} objects created)."))
        else:
            self.stdout.write("Demo content already loaded: nothing changed.")
