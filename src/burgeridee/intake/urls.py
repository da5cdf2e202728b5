from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("werkplek/<slug:municipality_slug>/intake/", views.intake_form, name="form"),
    path("werkplek/<slug:municipality_slug>/intake/<int:pk>/brief/", views.letter, name="letter"),
    path("werkplek/<slug:municipality_slug>/intake/<int:pk>/brief/nieuw/", views.letter_renew, name="letter_renew"),
]
