from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = "MHA support"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401
