from django.urls import path

from . import views

app_name = "handovers"

staff_urlpatterns = [
    path("overdrachten/", views.department_list, name="list"),
    path("overdrachten/<int:pk>/", views.detail, name="detail"),
    path(
        "initiatieven/<int:pk>/overdracht/nieuw/",
        views.ask,
        name="ask",
    ),
]
