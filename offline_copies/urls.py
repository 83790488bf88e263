from django.urls import path

from . import views

app_name = "offline_copies"
urlpatterns = [
    path("lessons/<int:pk>/lesson.pdf", views.lesson_pdf, name="lesson_pdf"),
    path("modules/<int:pk>/module.pdf", views.module_pdf, name="module_pdf"),
    path("modules/<int:pk>/module.epub", views.module_epub, name="module_epub"),
    path("modules/<int:pk>/module-with-my-notes.pdf", views.module_pdf_with_my_notes, name="module_pdf_with_notes"),
]
