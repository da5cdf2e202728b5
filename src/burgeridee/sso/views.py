"""Signing in with the municipality's own identity provider (OpenID Connect, authorisation code flow with
PKCE, state and nonce, through mozilla-django-oidc), and the functional administrator's settings page.

/werkplek/<gemeente>/inloggen/sso/ sends the person to the provider; the provider sends them back to the
one callback address /werkplek/inloggen/sso/terug/ (the state says which municipality they started at).
"""

import logging
from urllib.parse import parse_qs, urlencode, urlparse

import requests
from django.contrib import auth, messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from burgeridee.accounts.constants import EnrolmentReason, Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.accounts.external import LoginAlternative, external_login_complete
from burgeridee.accounts.services import enrolment_link_issue
from burgeridee.accounts.two_factor import has_confirmed_device, is_verified, second_factor_url

from .backends import provider_setting
from .forms import ProviderSettingsForm
from .models import IdentityProvider
from .services import DiscoveryFailed, provider_discover, provider_settings_save

logger = logging.getLogger(__name__)

# state -> the provider the sign-in started at; mozilla-django-oidc keeps the state's nonce and PKCE verifier.
SESSION_STATES = "burgeridee_sso_states"


def _provider_for(slug: str) -> IdentityProvider:
    provider = (
        IdentityProvider.objects.select_related("municipality")
        .filter(municipality__slug=slug, municipality__is_active=True, enabled=True)
        .exclude(authorization_endpoint="")
        .first()
    )
    if provider is None:
        raise Http404
    return provider


def login_alternatives_for_providers(request, next_url: str) -> list[LoginAlternative]:
    """For the login page: one link per municipality with SSO switched on; only the one `next` points into
    when it does."""
    providers = IdentityProvider.objects.select_related("municipality").filter(
        enabled=True, municipality__is_active=True
    )
    slug = ""
    if next_url.startswith("/werkplek/"):
        slug = next_url.removeprefix("/werkplek/").split("/", 1)[0]
        if providers.filter(municipality__slug=slug).exists():
            providers = providers.filter(municipality__slug=slug)
    alternatives = []
    for provider in providers.order_by("municipality__name"):
        url = reverse("sso:start", kwargs={"municipality_slug": provider.municipality.slug})
        if next_url:
            url += "?" + urlencode({"next": next_url})
        alternatives.append(
            LoginAlternative(
                label=_("Inloggen met uw werkaccount: %(name)s") % {"name": provider.button_label}, url=url
            )
        )
    return alternatives


class SignInStart(OIDCAuthenticationRequestView):
    """Off to the provider: state, nonce and a PKCE challenge (S256) go along; the library keeps them in the
    session, and we remember which municipality the state belongs to."""

    def __init__(self, *args, **kwargs):
        # Not the library's: it reads one provider from settings at construction.
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)
        self.provider = None

    def get_settings(self, attr, *args):
        return provider_setting(self.provider, attr, *args)

    def get(self, request, municipality_slug: str):
        self.provider = _provider_for(municipality_slug)
        self.OIDC_OP_AUTH_ENDPOINT = self.provider.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = self.provider.client_id
        response = super().get(request)
        state = parse_qs(urlparse(response["Location"]).query)["state"][0]
        states = request.session.get(SESSION_STATES, {})
        states[state] = self.provider.pk
        request.session[SESSION_STATES] = dict(list(states.items())[-10:])  # a few tabs at most
        return response


REFUSALS = {
    "no_role": (
        _lazy("Geen toegang tot Burgeridee"),
        _lazy(
            "Uw werkaccount hoort niet (meer) bij een groep die toegang geeft tot Burgeridee. Vraag de "
            "functioneel beheerder van uw gemeente om u toe te voegen."
        ),
    ),
    "inactive": (_lazy("Dit account is niet actief"), _lazy("Neem contact op met de beheerder.")),
    "state": (
        _lazy("Inloggen is niet gelukt"),
        _lazy("Het antwoord van de inlogdienst hoort niet bij deze inlogpoging, of is al gebruikt. Begin opnieuw."),
    ),
    "token": (
        _lazy("Inloggen is niet gelukt"),
        _lazy(
            "Het antwoord van de inlogdienst kon niet worden gecontroleerd. Begin opnieuw. Blijft dit gebeuren, "
            "neem dan contact op met de beheerder."
        ),
    ),
    "unreachable": (
        _lazy("De inlogdienst antwoordt niet"),
        _lazy(
            "De inlogdienst van uw gemeente is nu niet bereikbaar. Probeer het later nog eens, of log in met uw "
            "gebruikersnaam en wachtwoord."
        ),
    ),
    "failed": (_lazy("Inloggen is niet gelukt"), _lazy("De inlogdienst heeft u niet ingelogd. Begin opnieuw.")),
}


def _refused(request, reason: str, status: int = 403):
    heading, explanation = REFUSALS.get(reason, REFUSALS["failed"])
    return render(
        request,
        "sso/refused.html",
        {"heading": heading, "explanation": explanation},
        status=status,
    )


class SignInCallback(OIDCAuthenticationCallbackView):
    """Back from the provider. The library checks the state against the session, swaps the code (with the
    PKCE verifier), and the backend checks the ID token (signature, nonce, issuer, audience, expiry). A
    tampered or reused state or nonce is refused with a plain page, never a stack trace."""

    def get_settings(self, attr, *args):
        return provider_setting(self.provider, attr, *args)

    def get(self, request):
        state = request.GET.get("state", "")
        provider_pk = request.session.get(SESSION_STATES, {}).get(state)
        if provider_pk is None:
            return _refused(request, "state", status=400)
        self.provider = (
            IdentityProvider.objects.select_related("municipality").filter(pk=provider_pk, enabled=True).first()
        )
        if self.provider is None:
            return _refused(request, "failed")
        states = request.session[SESSION_STATES]
        states.pop(state, None)
        request.session[SESSION_STATES] = states
        request.burgeridee_provider = self.provider  # for the backend (backends.py)
        try:
            return super().get(request)
        except SuspiciousOperation as error:
            logger.warning("Single sign-on refused for %s: %s", self.provider.municipality.slug, error)
            return _refused(request, "token", status=400)
        except requests.RequestException as error:
            logger.warning(
                "Single sign-on: provider of %s unreachable (%s)", self.provider.municipality.slug, type(error).__name__
            )
            return _refused(request, "unreachable", status=502)

    def login_failure(self):
        return _refused(self.request, getattr(self.request, "burgeridee_refusal", "failed"))

    def login_success(self):
        request = self.request
        auth.login(request, self.user, backend="burgeridee.sso.backends.MunicipalityOIDCBackend")
        sign_in = request.burgeridee_sign_in
        external_login_complete(
            request,
            municipality_slug=self.provider.municipality.slug,
            provider_mfa=sign_in.mfa,
            logout_url=self._logout_url(getattr(request, "burgeridee_id_token", "")),
        )
        next_url = request.session.pop("oidc_login_next", None) or ""
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = ""
        next_url = next_url or reverse("workspace:home")
        if is_verified(request):
            return redirect(next_url)
        _enrolment_link_if_needed(self.user)
        return redirect(second_factor_url(request, next_url))

    def _logout_url(self, id_token: str) -> str:
        """RP-initiated logout at the provider (OpenID Connect RP-Initiated Logout 1.0), back to our login."""
        endpoint = self.provider.end_session_endpoint
        if not endpoint:
            return ""
        params = {
            "client_id": self.provider.client_id,
            "post_logout_redirect_uri": self.request.build_absolute_uri(resolve_url("accounts:login")),
        }
        if id_token:
            params["id_token_hint"] = id_token
        separator = "&" if "?" in endpoint else "?"
        return f"{endpoint}{separator}{urlencode(params)}"


def _enrolment_link_if_needed(user) -> None:
    """The provider did not assert a multi-factor sign-in and the person has no second factor of ours yet:
    like a new colleague they get a one-time set-up link by email (a sign-in alone never sets one up)."""
    if has_confirmed_device(user):
        return
    open_links = user.enrolment_links.filter(
        used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )
    if not open_links.exists():
        enrolment_link_issue(user=user, reason=EnrolmentReason.NEW_ACCOUNT)


SETTINGS_ROLES = (Role.ADMINISTRATOR,)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=SETTINGS_ROLES)
def provider_settings(request, municipality):
    """The municipality's identity provider, edited by its functional administrator. The discovery document
    is fetched on saving; a URL that gives none is refused and everything typed stays."""
    provider = IdentityProvider.objects.filter(municipality=municipality).first() or IdentityProvider(
        municipality=municipality
    )
    form = ProviderSettingsForm(request.POST or None, instance=provider)
    if request.method == "POST" and form.is_valid():
        try:
            discovered = provider_discover(discovery_url=form.cleaned_data["discovery_url"])
        except DiscoveryFailed as failure:
            form.add_error(
                "discovery_url",
                _("Op dit adres staat geen bruikbaar OpenID Connect-configuratiedocument (%(reason)s).")
                % {"reason": failure},
            )
        else:
            provider_settings_save(provider=form.save(commit=False), actor=request.user, discovered=discovered)
            messages.success(request, _("De instellingen voor inloggen met werkaccount zijn opgeslagen."))
            return redirect("sso:settings", municipality_slug=municipality.slug)
    return render(
        request,
        "sso/settings.html",
        {
            "form": form,
            "provider": provider,
            "redirect_uri": request.build_absolute_uri(reverse("sso:callback")),
            "logout_redirect_uri": request.build_absolute_uri(reverse("accounts:login")),
            "start_url": request.build_absolute_uri(
                reverse("sso:start", kwargs={"municipality_slug": municipality.slug})
            ),
        },
        status=400 if form.errors else 200,
    )
