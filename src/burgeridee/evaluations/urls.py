"""The evaluation form sits under the resident's status page, in the `initiatives` namespace: the root
URLconf mounts `resident_urlpatterns` there, so the initiatives app does not import this app above it."""

from django.urls import path

from . import views

resident_urlpatterns = [
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/evaluatie/",
        views.evaluation_form,
        name="evaluation",
    ),
]
