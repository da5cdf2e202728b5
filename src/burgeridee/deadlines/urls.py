from django.urls import path

from . import views

app_name = "deadlines"

staff_urlpatterns = [
    path(
        "initiatieven/<int:pk>/terugbellen/",
        views.follow_ups,
        name="follow_ups",
    ),
    path(
        "initiatieven/<int:pk>/terugbellen/<int:follow_up_id>/klaar/",
        views.follow_up_done,
        name="follow_up_done",
    ),
]
