from django.apps import AppConfig


class CheckinConfig(AppConfig):
    name = "checkin"
    verbose_name = "E-tickets, badges and the check-in desk"

    def ready(self):
        from . import receivers  # noqa: F401
