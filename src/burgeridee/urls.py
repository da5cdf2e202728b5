from django.urls import include, path
from django.views.i18n import set_language

from burgeridee.core import views as core_views
from burgeridee.municipalities import views as municipality_views

handler404 = "burgeridee.core.views.page_not_found"
handler500 = "burgeridee.core.views.server_error"

urlpatterns = [
    path("", municipality_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("taal/", set_language, name="set_language"),
    # Before the municipality patterns: "workshop-aanvragen" is not a municipality slug.
    path("", include("burgeridee.workshop_requests.urls")),
    path("", include("burgeridee.knowledge.urls")),
    path("", include("burgeridee.initiatives.urls")),
    path("", include("burgeridee.municipalities.urls")),
]
