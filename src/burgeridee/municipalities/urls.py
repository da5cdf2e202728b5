from django.urls import path

from . import views

app_name = "municipalities"

urlpatterns = [
    path("<slug:municipality_slug>/", views.municipality_home, name="home"),
    path("<slug:municipality_slug>/thema.css", views.theme_css, name="theme_css"),
    path("<slug:municipality_slug>/icoon.svg", views.icon, name="icon"),
    path("<slug:municipality_slug>/logo/", views.logo, name="logo"),
    path("<slug:municipality_slug>/favicon/", views.favicon, name="favicon"),
    path("<slug:municipality_slug>/privacy/", views.privacy_statement, name="privacy"),
    path("<slug:municipality_slug>/cookies/", views.cookie_statement, name="cookies"),
    path("<slug:municipality_slug>/toegankelijkheid/", views.accessibility_statement, name="accessibility"),
]
