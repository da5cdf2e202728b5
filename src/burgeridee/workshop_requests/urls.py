from django.urls import path

from . import views

app_name = "workshop_requests"

urlpatterns = [
    path("workshop-aanvragen/", views.request_form, name="form"),
    path("workshop-aanvragen/verstuurd/", views.request_sent, name="sent"),
    path("werkplek/<slug:municipality_slug>/workshop-aanvragen/", views.request_list, name="list"),
    path("werkplek/<slug:municipality_slug>/workshop-aanvragen/<int:pk>/status/", views.request_status, name="status"),
]
