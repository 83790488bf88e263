from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = "Certificates"

    def ready(self):
        from . import receivers  # noqa: F401

    def warm_up_worker(self):
        """Called by `manage.py worker` before it takes tasks (see core's worker command)."""
        from .pdf import warm_up

        warm_up()
