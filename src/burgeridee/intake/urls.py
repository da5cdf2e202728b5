from django.urls import path

from . import views

app_name = "intake"

staff_urlpatterns = [
    path("intake/", views.intake_form, name="form"),
    path("intake/<int:pk>/brief/", views.letter, name="letter"),
    path("intake/<int:pk>/brief/nieuw/", views.letter_renew, name="letter_renew"),
]
