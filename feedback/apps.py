from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Feedback and learning gain"

    def ready(self):
        from . import receivers  # noqa: F401
