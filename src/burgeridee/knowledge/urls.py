from django.urls import path

from . import views

app_name = "knowledge"

PREFIX = "kennisbank/"

staff_urlpatterns = [
    path(PREFIX, views.overview, name="overview"),
    path(f"{PREFIX}zoeken/", views.search, name="search"),
    path(f"{PREFIX}praktijkcasussen/nieuw/", views.case_new, name="case_new"),
    path(f"{PREFIX}<str:segment>/", views.kind_list, name="list"),
    path(f"{PREFIX}<str:segment>/<str:key>/", views.detail, name="detail"),
    path(f"{PREFIX}<str:segment>/<str:key>/bewerken/", views.edit, name="edit"),
    path(f"{PREFIX}<str:segment>/<str:key>/aan-uit/", views.switch, name="switch"),
]
