from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineCopiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "offline_copies"
    verbose_name = _("Offline copies")

    def ready(self):
        from . import receivers  # noqa: F401
