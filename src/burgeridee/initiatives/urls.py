"""The resident's pages. The root URLconf adds, in this namespace, the pages of the apps above this one that
hang under the status page (privacy's data download and deletion request, the evaluation form)."""

from django.urls import path

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
]
