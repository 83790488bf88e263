from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckinConfig(AppConfig):
    name = "checkin"
    verbose_name = _("E-tickets, badges and the check-in desk")

    def ready(self):
        from . import receivers  # noqa: F401
