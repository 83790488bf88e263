from django.apps import AppConfig


class NationalStatisticsConfig(AppConfig):
    # Not "statistics": a top-level package of that name would hide Python's own `statistics`
    # module, which Django's SQLite backend imports.
    name = "national_statistics"
    verbose_name = "National statistics"
