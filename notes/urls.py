from django.urls import path

from . import views

app_name = "notes"

urlpatterns = [
    path("lessons/<int:lesson_id>/", views.lesson_note, name="lesson"),
    path("<int:note_id>/", views.note_detail, name="note"),
    path("<int:note_id>/delete/", views.delete, name="delete"),
    path("modules/<int:module_id>/", views.module_notes, name="module"),
    path("modules/<int:module_id>/my-notes.pdf", views.module_notes_pdf, name="module_pdf"),
]
