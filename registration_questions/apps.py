from django.apps import AppConfig


class RegistrationQuestionsConfig(AppConfig):
    name = "registration_questions"
    verbose_name = "Registration questions"

    def ready(self):
        from . import receivers  # noqa: F401
