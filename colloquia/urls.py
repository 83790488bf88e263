from django.urls import path

from . import views

app_name = "colloquia"

urlpatterns = [
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("check-in/<uuid:uid>/<str:code>/", views.check_in, name="check_in"),
    path("calendar/<str:token>.ics", views.personal_feed, name="personal_feed"),
    path("calendar/reset/", views.reset_feed, name="reset_feed"),
]
