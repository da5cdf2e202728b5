from django.urls import path

from . import views

app_name = "handovers"

urlpatterns = [
    path("werkplek/<slug:municipality_slug>/overdrachten/", views.department_list, name="list"),
    path("werkplek/<slug:municipality_slug>/overdrachten/<int:pk>/", views.detail, name="detail"),
    path(
        "werkplek/<slug:municipality_slug>/initiatieven/<int:pk>/overdracht/nieuw/",
        views.ask,
        name="ask",
    ),
]
