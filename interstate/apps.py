from django.apps import AppConfig


class InterstateConfig(AppConfig):
    name = "interstate"
    verbose_name = "Inter-State channel"
