from django.urls import path

from . import views

app_name = "showcase"

staff_urlpatterns = [
    path("initiatieven/<int:pk>/etalage/", views.showcase_edit, name="edit"),
]

urlpatterns = [
    path(
        "<slug:municipality_slug>/mijn-initiatief/<str:token>/etalage/", views.showcase_resident_consent, name="consent"
    ),
    path("<slug:municipality_slug>/initiatieven/", views.showcase_list, name="list"),
    path("<slug:municipality_slug>/initiatieven/<int:pk>/foto", views.showcase_photo, name="photo"),
]
