from django.urls import path

from . import views

app_name = "accounts"

# Under /werkplek/ (login, logout, one's own password: no municipality); `staff_urlpatterns` under
# /werkplek/<gemeente>/. The root URLconf adds both prefixes.
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.verify, name="verify"),
    path("inloggen/app-instellen/", views.setup, name="setup"),
    path("inloggen/link/<str:token>/", views.enrol, name="enrol"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/", views.PasswordChangeView.as_view(), name="password_change"),
]

staff_urlpatterns = [
    path("medewerkers/", views.colleagues, name="colleagues"),
    path(
        "medewerkers/<int:pk>/tweede-stap/",
        views.colleague_second_factor,
        name="colleague_second_factor",
    ),
]
