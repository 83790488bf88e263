from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.sqlite import prepare_sqlite
from demo.content import CONTENT_DIR, ContentError
from demo.loaders import LOADERS


def read_content(root=CONTENT_DIR):
    """Read and validate every content file: [(name, data, load)], or ContentError naming the file and field."""
    return [(name, read(root), load) for name, read, load in LOADERS]


def check_content(root=CONTENT_DIR):
    """Validate every content file; returns the number of loaders whose files are valid."""
    return len(read_content(root))


class Command(BaseCommand):
    help = "Load the demo content from demo/content/ (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")
        parser.add_argument(
            "--check", action="store_true", help="Only validate the content files; the database is not touched."
        )

    def handle(self, *args, force=False, check=False, **options):
        if check:
            try:
                check_content()
            except ContentError as error:
                raise CommandError(f"demo/content/{error}") from error
            self.stdout.write(self.style.SUCCESS(f"Demo content files are valid ({CONTENT_DIR})."))
            return
        if not settings.DEBUG and not force:
            raise CommandError("Refusing to load demo content with DEBUG off (use --force to insist).")
        try:
            content = read_content()  # every file is read and checked before anything is written
        except ContentError as error:
            raise CommandError(f"demo/content/{error}") from error
        total = 0
        for name, data, load in content:
            with transaction.atomic():
                created = load(self.stdout, data)
            total += created
            if created:
                self.stdout.write(f"{name}: {created} created")
        # On SQLite: WAL mode, and fresh planner statistics for what was just loaded (core.sqlite).
        prepare_sqlite(analyze=total > 0)
        if total:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({total} objects created)."))
        else:
            self.stdout.write("Demo content already loaded: nothing changed.")
