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
    path("", include("burgeridee.insights.urls")),
    path("", include("burgeridee.privacy.urls")),
    path("", include("burgeridee.showcase.urls")),
    path("werkplek/", include("burgeridee.accounts.urls")),
    path("werkplek/", include("burgeridee.workspace.urls")),
    path("", include("burgeridee.handovers.urls")),
    path("", include("burgeridee.deadlines.urls")),
    path("", include("burgeridee.intake.urls")),
    # Before the <slug:municipality_slug>/ patterns: /doe-mee/ and /werkplek/ are not municipalities.
    path("", include("burgeridee.workshops.urls")),
    path("", include("burgeridee.knowledge.urls")),
    path("", include("burgeridee.initiatives.urls")),
    path("", include("burgeridee.conversations.urls")),
    path("", include("burgeridee.municipalities.urls")),
]
