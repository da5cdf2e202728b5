from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("werkplek/<slug:municipality_slug>/inzicht/", views.insights_dashboard, name="dashboard"),
    path("werkplek/<slug:municipality_slug>/inzicht/export.csv", views.insights_export_csv, name="export_csv"),
]
