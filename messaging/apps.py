from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = "Messages and reminders"

    def ready(self):
        from . import receivers  # noqa: F401
