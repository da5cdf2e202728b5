"""The root URLconf. It owns the prefixes:

- /werkplek/<gemeente>/: every staff page of a municipality. Each app lists its staff pages without the
  prefix in `staff_urlpatterns`; the prefix is added here, once. The tenancy sweep
  (workspace/tests/test_tenancy.py) walks every pattern under werkplek/.
- /werkplek/: the staff pages without a municipality (login, the chooser).
- everything else: the public pages, `urlpatterns` of each app, most under /<gemeente>/.

An app's staff and public pages share the app's one namespace (a namespace must be unique to be
reversed), so each app is a single include. The order matters: /werkplek/ and /doe-mee/ come before the
<slug:municipality_slug>/ patterns, because they are not municipalities.
"""

from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import set_language

from burgeridee.accounts import urls as accounts_urls
from burgeridee.administration import urls as administration_urls
from burgeridee.api import urls as api_urls
from burgeridee.challenges import urls as challenges_urls
from burgeridee.conversations import urls as conversations_urls
from burgeridee.core import health as core_health
from burgeridee.core import metrics as core_metrics
from burgeridee.core import views as core_views
from burgeridee.deadlines import urls as deadlines_urls
from burgeridee.evaluations import urls as evaluations_urls
from burgeridee.handovers import urls as handovers_urls
from burgeridee.initiatives import urls as initiatives_urls
from burgeridee.insights import urls as insights_urls
from burgeridee.intake import urls as intake_urls
from burgeridee.knowledge import urls as knowledge_urls
from burgeridee.municipalities import urls as municipalities_urls
from burgeridee.municipalities import views as municipality_views
from burgeridee.privacy import urls as privacy_urls
from burgeridee.showcase import urls as showcase_urls
from burgeridee.sso import urls as sso_urls
from burgeridee.training import urls as training_urls
from burgeridee.workshops import urls as workshops_urls
from burgeridee.workspace import urls as workspace_urls

handler404 = "burgeridee.core.views.page_not_found"
handler500 = "burgeridee.core.views.server_error"

STAFF_PREFIX = "werkplek/<slug:municipality_slug>/"
Patterns = list[URLPattern | URLResolver]


def staff(patterns: Patterns) -> URLResolver:
    return path(STAFF_PREFIX, include(patterns))


def namespace(name: str, *parts: URLPattern | URLResolver) -> URLResolver:
    """One app's pages, from several parts, under its one namespace."""
    return path("", include((list(parts), name)))


urlpatterns = [
    path("", municipality_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("healthz/live", core_health.live, name="healthz-live"),
    path("healthz/ready", core_health.ready, name="healthz-ready"),
    path("metrics", core_metrics.metrics, name="metrics"),
    path("favicon.ico", core_views.favicon_ico, name="favicon_ico"),
    path("icoon.svg", core_views.icon, name="icon"),
    path("csp-melding/", core_views.csp_report, name="csp_report"),
    path(".well-known/security.txt", core_views.security_txt, name="security_txt"),
    path(".well-known/security-policy", core_views.security_policy, name="security_policy"),
    path("taal/", set_language, name="set_language"),
    namespace("api", *api_urls.urlpatterns, staff(api_urls.staff_urlpatterns)),
    # /werkplek/installatie/ before the /werkplek/<gemeente>/ pages ("installatie" is a reserved slug).
    namespace(
        "administration",
        path("werkplek/", include(administration_urls.urlpatterns)),
        staff(administration_urls.staff_urlpatterns),
    ),
    namespace("insights", staff(insights_urls.staff_urlpatterns)),
    namespace("privacy", staff(privacy_urls.staff_urlpatterns)),
    namespace("showcase", staff(showcase_urls.staff_urlpatterns), *showcase_urls.urlpatterns),
    namespace(
        "accounts", path("werkplek/", include(accounts_urls.urlpatterns)), staff(accounts_urls.staff_urlpatterns)
    ),
    path("werkplek/passkey/", include((accounts_urls.passkey_urlpatterns, "otp_webauthn"))),
    namespace("sso", path("werkplek/", include(sso_urls.urlpatterns)), staff(sso_urls.staff_urlpatterns)),
    namespace(
        "workspace", path("werkplek/", include(workspace_urls.urlpatterns)), staff(workspace_urls.staff_urlpatterns)
    ),
    namespace("handovers", staff(handovers_urls.staff_urlpatterns)),
    namespace("deadlines", staff(deadlines_urls.staff_urlpatterns)),
    namespace("intake", staff(intake_urls.staff_urlpatterns)),
    namespace("workshops", *workshops_urls.urlpatterns, staff(workshops_urls.staff_urlpatterns)),
    namespace("training", *training_urls.urlpatterns, staff(training_urls.staff_urlpatterns)),
    namespace("knowledge", staff(knowledge_urls.staff_urlpatterns)),
    # The initiative's staff pages, the resident's status page and what hangs under it: the pages of privacy
    # and evaluations (above initiatives) join the initiatives namespace here, so initiatives need not
    # import them.
    namespace(
        "initiatives",
        staff(initiatives_urls.staff_urlpatterns),
        *initiatives_urls.urlpatterns,
        *privacy_urls.resident_urlpatterns,
        *evaluations_urls.resident_urlpatterns,
    ),
    namespace("conversations", staff(conversations_urls.staff_urlpatterns), *conversations_urls.urlpatterns),
    namespace("challenges", staff(challenges_urls.staff_urlpatterns), *challenges_urls.urlpatterns),
    namespace("municipalities", *municipalities_urls.urlpatterns),
]
