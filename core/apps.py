from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = gettext_lazy("Shared building blocks")

    def ready(self):
        from . import checks, receivers, site  # noqa: F401 - checks registers the deployment checks

        receivers.connect()
        # As django.contrib.sites does for its Site: the default Wagtail Site follows SITE_URL after every
        # migrate (sent once per app with models; core has none, so it listens for wagtailcore's).
        post_migrate.connect(
            site.sync_after_migrate, sender=apps.get_app_config("wagtailcore"), dispatch_uid="core.site.sync"
        )
