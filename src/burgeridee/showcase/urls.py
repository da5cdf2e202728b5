from django.urls import path

from . import views

app_name = "showcase"

urlpatterns = [
    path("werkplek/<slug:municipality_slug>/initiatieven/<int:pk>/etalage/", views.showcase_edit, name="edit"),
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/etalage/", views.showcase_resident_consent, name="consent"
    ),
    path("<slug:municipality_slug>/initiatieven/", views.showcase_list, name="list"),
    path("<slug:municipality_slug>/initiatieven/<int:pk>/foto", views.showcase_photo, name="photo"),
]
