from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("<int:page_id>/", views.feedback_form, name="form"),
    path("<int:page_id>/test/<str:stage>/", views.knowledge_test, name="test"),
]
