from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("personal-data/", views.personal_data, name="personal_data"),
    path("delete/", views.delete_account, name="delete_account"),
]
