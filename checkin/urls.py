"""The participant's e-ticket and the registrar's check-in desk (the desk needs staff two-factor: wagtail_hooks)."""

from django.urls import path

from . import views

app_name = "checkin"

urlpatterns = [
    path("e-tickets/<int:registration_id>/", views.e_ticket, name="e_ticket"),
    path("desk/", views.desk_events, name="desk_events"),
    path("desk/<int:page_id>/", views.desk, name="desk"),
]
