"""`<colloquium page URL>agenda.ics` and `agenda.pdf`: Wagtail's pattern only serves paths ending in "/"."""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)+)(agenda\.ics|agenda\.pdf)$", views.page_file),
]
