from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("modules/<int:module_id>/enrol/", views.enrol, name="enrol"),
    path("modules/<int:module_id>/quiz/", views.start_quiz, name="start_quiz"),
    path("lessons/<int:lesson_id>/complete/", views.complete_lesson, name="complete_lesson"),
    path("attempts/<int:attempt_id>/", views.attempt, name="attempt"),
    path("attempts/<int:attempt_id>/save/", views.save_attempt, name="save_attempt"),
]
