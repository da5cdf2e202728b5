from django.urls import path

from . import views

app_name = "insights"

staff_urlpatterns = [
    path("inzicht/", views.insights_dashboard, name="dashboard"),
    path("inzicht/export.csv", views.insights_export_csv, name="export_csv"),
]
