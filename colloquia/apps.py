from django.apps import AppConfig


class ColloquiaConfig(AppConfig):
    name = "colloquia"
    verbose_name = "Colloquia and conferences"

    def ready(self):
        from . import receivers  # noqa: F401
