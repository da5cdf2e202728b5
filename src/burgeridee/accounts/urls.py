from django.urls import path
from django.views.i18n import JavaScriptCatalog

from . import passkeys, views

app_name = "accounts"

# Under /werkplek/ (login, logout, one's own password: no municipality); `staff_urlpatterns` under
# /werkplek/<gemeente>/. The root URLconf adds both prefixes.
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.verify, name="verify"),
    path("inloggen/reservecode/", views.backup_code, name="backup_code"),
    path("inloggen/app-instellen/", views.setup, name="setup"),
    path("inloggen/link/<str:token>/", views.enrol, name="enrol"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/", views.PasswordChangeView.as_view(), name="password_change"),
    path("tweede-stap/", views.second_factors, name="second_factors"),
]

# django-otp-webauthn's JSON endpoints, with our checks (passkeys.py), under /werkplek/passkey/ in the
# library's own namespace (its scripts reverse these names).
passkey_urlpatterns = [
    path("registration/begin/", passkeys.PasskeyRegistrationBegin.as_view(), name="credential-registration-begin"),
    path(
        "registration/complete/",
        passkeys.PasskeyRegistrationComplete.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        passkeys.PasskeyAuthenticationBegin.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        passkeys.PasskeyAuthenticationComplete.as_view(),
        name="credential-authentication-complete",
    ),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
]

staff_urlpatterns = [
    path("medewerkers/", views.colleagues, name="colleagues"),
    path(
        "medewerkers/<int:pk>/tweede-stap/",
        views.colleague_second_factor,
        name="colleague_second_factor",
    ),
]
