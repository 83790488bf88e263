from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnlineAttendanceConfig(AppConfig):
    name = "online_attendance"
    verbose_name = _("Online attendance import")
