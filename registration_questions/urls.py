from django.urls import path

from . import views

app_name = "registration_questions"

urlpatterns = [
    path("answers/<int:pk>/<str:name>", views.participant_file, name="file"),
]
