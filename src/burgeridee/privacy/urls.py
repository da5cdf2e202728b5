"""`staff_urlpatterns` go under /werkplek/<gemeente>/ (the root URLconf adds the prefix);
`resident_urlpatterns` under the resident's status page, in the `initiatives` namespace (see resident_views)."""

from django.urls import path

from . import resident_views, views

app_name = "privacy"

staff_urlpatterns = [
    path("privacy/", views.privacy_overview, name="overview"),
    path("privacy/verwijderverzoeken/<int:pk>/", views.deletion_request_detail, name="deletion_request"),
    path("privacy/logboek-betrokkene.csv", views.processing_log_person_export, name="person_log"),
    # Under the initiative's address, but privacy's page: the initiative's processing log.
    path("initiatieven/<int:pk>/logboek/", views.processing_log, name="processing_log"),
]

STATUS_PAGE = "<slug:municipality_slug>/mijn-initiatief/<str:token>/"

resident_urlpatterns = [
    path(f"{STATUS_PAGE}mijn-gegevens.json", resident_views.status_data_export, name="data_export"),
    path(f"{STATUS_PAGE}mijn-gegevens.pdf", resident_views.status_data_export_pdf, name="data_export_pdf"),
    path(f"{STATUS_PAGE}gegevens-verwijderen/", resident_views.status_deletion_request, name="deletion_request"),
]
