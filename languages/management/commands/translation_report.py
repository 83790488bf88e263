"""`manage.py translation_report`: catalogue statistics per language and untranslated template text.

Exits with an error when a template holds text no translation tag covers, or when a language's
catalogue misses a string, has an empty one or a fuzzy one (make test runs it).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from languages.catalogue import current_messages, other_languages, statistics
from languages.template_text import scan_project


class Command(BaseCommand):
    help = "Print each language's catalogue statistics; fail on untranslated strings or template text."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="List every untranslated string.")

    def handle(self, *args, **options):
        problems = 0
        unmarked = scan_project(settings.BASE_DIR)
        for item in unmarked:
            self.stderr.write(f"not marked for translation: {item}")
        self.stdout.write(f"templates: {len(unmarked)} texts not marked for translation")
        problems += len(unmarked)
        wanted = current_messages()
        for language in other_languages():
            stats = statistics(language, wanted)
            self.stdout.write(f"catalogue {stats}")
            if options["list"] or len(stats.untranslated) <= 20:
                for context, msgid in stats.untranslated:
                    self.stderr.write(f"  untranslated ({language}): {context + ' | ' if context else ''}{msgid!r}")
            problems += len(stats.untranslated) + stats.fuzzy
        if problems:
            raise CommandError(f"{problems} translation problems (see above)")
