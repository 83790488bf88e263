from django.apps import AppConfig


class NotesConfig(AppConfig):
    name = "notes"
    verbose_name = "Private notes"

    def ready(self):
        from . import receivers  # noqa: F401
