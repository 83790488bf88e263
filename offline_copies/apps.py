from django.apps import AppConfig


class OfflineCopiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "offline_copies"
    verbose_name = "Offline copies"

    def ready(self):
        from . import receivers  # noqa: F401
