from django.apps import AppConfig


class OnlineAttendanceConfig(AppConfig):
    name = "online_attendance"
    verbose_name = "Online attendance import"
