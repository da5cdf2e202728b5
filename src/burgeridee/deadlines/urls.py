from django.urls import path

from . import views

app_name = "deadlines"

urlpatterns = [
    path(
        "werkplek/<slug:municipality_slug>/initiatieven/<int:pk>/terugbellen/",
        views.follow_ups,
        name="follow_ups",
    ),
    path(
        "werkplek/<slug:municipality_slug>/initiatieven/<int:pk>/terugbellen/<int:follow_up_id>/klaar/",
        views.follow_up_done,
        name="follow_up_done",
    ),
]
