from django.apps import AppConfig


class AcademiesConfig(AppConfig):
    name = "academies"
    verbose_name = "Judicial academies"

    def ready(self):
        from . import receivers  # noqa: F401
