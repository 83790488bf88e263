from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalStatisticsConfig(AppConfig):
    # Not "statistics": a top-level package of that name would hide Python's own `statistics`
    # module, which Django's SQLite backend imports.
    name = "national_statistics"
    verbose_name = _("National statistics")
