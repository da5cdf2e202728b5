from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("werkplek/<slug:municipality_slug>/privacy/", views.privacy_overview, name="overview"),
    path(
        "werkplek/<slug:municipality_slug>/privacy/verwijderverzoeken/<int:pk>/",
        views.deletion_request_detail,
        name="deletion_request",
    ),
    path(
        "werkplek/<slug:municipality_slug>/privacy/logboek-betrokkene.csv",
        views.processing_log_person_export,
        name="person_log",
    ),
]
