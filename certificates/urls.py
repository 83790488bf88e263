from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/language/", views.choose_language, name="choose_language"),
    path("transcript/", views.transcript, name="transcript"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("verify/<str:code>/pdf/", views.verify_pdf, name="verify_pdf"),
    path("<int:pk>/credential/", views.download_credential, name="download_credential"),
    path("keys/<str:thumbprint>.json", views.credential_key, name="credential_key"),
    path("issuers/<str:code>.json", views.credential_issuer, name="credential_issuer"),
    path("status/<int:number>/", views.credential_status, name="credential_status"),
]
