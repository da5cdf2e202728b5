"""/api/v1/: the REST API (the major version in the path), its OpenAPI document and its docs."""

from csp.constants import SELF
from csp.decorators import csp_replace
from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView, SpectacularYAMLAPIView
from rest_framework.permissions import AllowAny

from . import rest, views, views_admin

app_name = "api"

PREFIX = "api/v1/"
MUNICIPALITY = PREFIX + "gemeenten/<slug:gemeente>/"


class SchemaYAML(SpectacularYAMLAPIView):
    authentication_classes = []
    permission_classes = [AllowAny]


class SchemaJSON(SpectacularJSONAPIView):
    authentication_classes = []
    permission_classes = [AllowAny]


# Swagger UI from local static files (drf-spectacular-sidecar); its start-up script is its own file, so
# scripts keep the strict policy. Swagger UI sets style attributes, which only this page allows.
docs_view = csp_replace({"style-src": [SELF, "'unsafe-inline'"]})(
    SpectacularSwaggerSplitView.as_view(url_name="api:schema", authentication_classes=[], permission_classes=[AllowAny])
)

urlpatterns = [
    path(PREFIX + "openapi.yaml", SchemaYAML.as_view(), name="schema"),
    path(PREFIX + "openapi.json", SchemaJSON.as_view(), name="schema_json"),
    path(PREFIX + "docs/", docs_view, name="docs"),
    path(MUNICIPALITY + "initiatieven", views.InitiativeList.as_view(), name="initiatives"),
    path(MUNICIPALITY + "initiatieven/<str:reference>", views.InitiativeDetail.as_view(), name="initiative"),
    path(
        MUNICIPALITY + "initiatieven/<str:reference>/tijdlijn",
        views.InitiativeTimeline.as_view(),
        name="initiative_timeline",
    ),
    path(
        MUNICIPALITY + "initiatieven/<str:reference>/afspraken",
        views.InitiativeAgreements.as_view(),
        name="initiative_agreements",
    ),
    path(MUNICIPALITY + "cijfers", views.Figures.as_view(), name="figures"),
    path(MUNICIPALITY + "etalage", views.Showcase.as_view(), name="showcase"),
    path(MUNICIPALITY + "kennisbank", views.KnowledgeList.as_view(), name="knowledge"),
    path(MUNICIPALITY + "kennisbank/<str:key>", views.KnowledgeDetail.as_view(), name="knowledge_item"),
    # Anything else under /api/: a problem+json 404, not the website's HTML page.
    re_path(r"^api/[\s\S]*\Z", rest.not_found, name="not_found"),
]

# The functional administrator's pages, under /werkplek/<gemeente>/ (root URLconf), in the Inrichting menu.
BEHEER = "beheer/api/"
staff_urlpatterns = [
    path(BEHEER, views_admin.clients, name="clients"),
    path(BEHEER + "<int:pk>/intrekken/", views_admin.client_revoke, name="client_revoke"),
    path(BEHEER + "meldingen/", views_admin.subscriptions, name="subscriptions"),
    path(BEHEER + "meldingen/<int:pk>/", views_admin.subscription, name="subscription"),
    path(BEHEER + "zaaksysteem/", views_admin.zgw_settings, name="zgw"),
]
