from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationQuestionsConfig(AppConfig):
    name = "registration_questions"
    verbose_name = _("Registration questions")

    def ready(self):
        from . import receivers  # noqa: F401
