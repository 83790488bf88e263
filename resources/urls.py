"""Front-end views under /resources/ (mounted before Wagtail's catch-all).

The public listing, detail and organisation pages are routes of ResourceIndexPage.
"""

from django.urls import path

from . import views

app_name = "resources"

urlpatterns = [
    path("share/", views.upload, name="upload"),
    path("mine/", views.my_submissions, name="my_submissions"),
    path("mine/<int:pk>/", views.submission, name="submission"),
    path("mine/<int:pk>/edit/", views.edit, name="edit"),
    path("moderation/", views.moderation_queue, name="moderation_queue"),
    path("moderation/<int:pk>/", views.review, name="review"),
    path("files/<int:pk>/<str:name>", views.download, name="download"),
]
