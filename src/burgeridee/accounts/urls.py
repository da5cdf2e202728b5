from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.verify, name="verify"),
    path("inloggen/app-instellen/", views.setup, name="setup"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
]
