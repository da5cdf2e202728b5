from django.urls import path

from burgeridee.evaluations import views as evaluation_views

from . import views

app_name = "initiatives"

urlpatterns = [
    path("<slug:municipality_slug>/idee/", views.idea_form, name="idea_form"),
    path("<slug:municipality_slug>/idee/ontvangen/", views.idea_submitted, name="submitted"),
    path("<slug:municipality_slug>/mijn-initiatief/<str:token>/", views.status_page, name="status"),
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/bericht/",
        views.status_message,
        name="status_message",
    ),
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/intrekken/",
        views.status_withdraw,
        name="withdraw",
    ),
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/mijn-gegevens.json",
        views.status_data_export,
        name="data_export",
    ),
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/mijn-gegevens.pdf",
        views.status_data_export_pdf,
        name="data_export_pdf",
    ),
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/gegevens-verwijderen/",
        views.status_deletion_request,
        name="deletion_request",
    ),
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/evaluatie/",
        evaluation_views.evaluation_form,
        name="evaluation",
    ),
]
