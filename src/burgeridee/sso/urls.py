from django.urls import path

from . import views

app_name = "sso"

# Under /werkplek/ (the one callback address the provider sends people back to) and /werkplek/<gemeente>/.
urlpatterns = [
    path("inloggen/sso/terug/", views.SignInCallback.as_view(), name="callback"),
]

staff_urlpatterns = [
    path("inloggen/sso/", views.SignInStart.as_view(), name="start"),
    path("beheer/inloggen-met-werkaccount/", views.provider_settings, name="settings"),
]
