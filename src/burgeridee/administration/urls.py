from django.urls import path

from . import views

app_name = "administration"

# Under /werkplek/ (no municipality: the installation administrator).
urlpatterns = [
    path("installatie/", views.installation_home, name="installation"),
    path("installatie/nieuw/", views.installation_municipality_new, name="installation_new"),
    path("installatie/<slug:municipality_slug>/beheerder/", views.installation_invite, name="installation_invite"),
]

BEHEER = "beheer/"
staff_urlpatterns = [
    path(BEHEER, views.overview, name="overview"),
    path(BEHEER + "gemeente/", views.settings_page, name="settings"),
    path(BEHEER + "thema/", views.theme, name="theme"),
    path(BEHEER + "wijken/", views.neighbourhoods, name="neighbourhoods"),
    path(BEHEER + "wijken/<int:pk>/", views.neighbourhood, name="neighbourhood"),
    path(BEHEER + "afdelingen/", views.departments, name="departments"),
    path(BEHEER + "afdelingen/nieuw/", views.department, name="department_new"),
    path(BEHEER + "afdelingen/<int:pk>/", views.department, name="department"),
    path(BEHEER + "medewerkers/", views.staff, name="staff"),
    path(BEHEER + "medewerkers/nieuw/", views.staff_invite, name="staff_invite"),
    path(BEHEER + "medewerkers/<int:pk>/", views.staff_member, name="staff_member"),
    path(BEHEER + "gespreksmodel/", views.conversation_model, name="conversation_model"),
    path(BEHEER + "bewaartermijnen/", views.retention, name="retention"),
    path(BEHEER + "verwerkingsregister/", views.register, name="register"),
    path(BEHEER + "wijzigingen/", views.changes, name="changes"),
]
