from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared building blocks"

    def ready(self):
        from . import signals
        from .deferred_import import defer_import

        signals.connect()
        # Django REST framework imports `requests` (about 2 MB with urllib3) when Wagtail's apps
        # load its serializers, only in case its test client is used. It is imported on first
        # use instead: by that client, or by Wagtail's oEmbed finder when an editor embeds media.
        defer_import("requests")
