"""Single sign-on: saving a municipality's provider settings (with its discovery document) and turning a
verified sign-in into a staff account with the roles the provider's groups give."""

from dataclasses import dataclass

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from burgeridee.accounts.models import Membership
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .models import IdentityProvider, ProviderAccount

User = get_user_model()

DISCOVERY_FIELDS = ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri")


class DiscoveryFailed(Exception):
    """The discovery document could not be fetched or lacks what sign-in needs (`reason`, in Dutch)."""


def provider_discover(*, discovery_url: str) -> dict:
    """The provider's endpoints from its discovery document (OpenID Connect Discovery 1.0)."""
    try:
        response = requests.get(discovery_url, timeout=settings.OIDC_TIMEOUT, verify=settings.OIDC_VERIFY_SSL)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise DiscoveryFailed(type(error).__name__) from error
    if not isinstance(document, dict):
        raise DiscoveryFailed("not a JSON object")
    missing = [name for name in ("issuer", *DISCOVERY_FIELDS) if not document.get(name)]
    if missing:
        raise DiscoveryFailed(", ".join(missing))
    algorithms = document.get("id_token_signing_alg_values_supported") or ["RS256"]
    return {
        "issuer": document["issuer"],
        **{name: document[name] for name in DISCOVERY_FIELDS},
        "end_session_endpoint": document.get("end_session_endpoint") or "",
        "signing_algorithm": "RS256" if "RS256" in algorithms else str(algorithms[0]),
    }


@transaction.atomic
def provider_settings_save(*, provider: IdentityProvider, actor, discovered: dict) -> IdentityProvider:
    """Store the settings a functional administrator edited (`provider`, unsaved changes included) with the
    endpoints just discovered, and audit it (the processing log and who did it; never the secret)."""
    for name, value in discovered.items():
        setattr(provider, name, value)
    provider.save()
    processing_record(municipality=provider.municipality, actor=actor, activity=Activity.SSO_SETTINGS_UPDATE)
    return provider


class SignInRefused(Exception):
    """The provider signed the person in, but Burgeridee does not let them in; `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ProviderSignIn:
    user: User
    roles: list[str]
    mfa: bool


def _claim(claims: dict, name: str) -> str:
    value = claims.get(name) if name else None
    return str(value).strip() if value not in (None, "") else ""


def _free_username(value: str, *, slug: str) -> str:
    """`value`, or `value@slug` when another account has it already (usernames are shared by every
    municipality of the installation)."""
    for candidate in (value[:150], f"{value}@{slug}"[:150]):
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    raise SignInRefused("username_taken")


def _record(provider: IdentityProvider, user) -> None:
    processing_record(
        municipality=provider.municipality, actor=None, activity=Activity.PROVIDER_ACCOUNT_UPDATE, data_subject=user
    )


def provider_sign_in(*, provider: IdentityProvider, claims: dict, id_token_claims: dict) -> ProviderSignIn:
    """The person the provider vouches for (`claims`: the ID token's, completed with the user info), as a
    staff member of the provider's municipality with the roles their groups give.

    - Found by the provider's subject alone; the first time a new account is made (it has no password, so
      only the provider lets it in), unless an account with the same user name works for this municipality
      only, which is then linked (and loses its password: from now on the provider decides).
    - Without any group that gives a role the sign-in is refused and the membership made inactive: someone
      removed from the groups (or from the provider) gets in no more; their history stays.
    - Roles follow the groups at every sign-in. An account made inactive in Burgeridee stays out.
    """
    subject = _claim(claims, "sub")
    if not subject:
        raise SignInRefused("no_subject")
    roles = provider.roles_for(claims)
    if not roles:
        provider_access_withdraw(provider=provider, subject=subject)
        raise SignInRefused("no_role")
    return _provider_sign_in(
        provider=provider, subject=subject, roles=roles, claims=claims, id_token_claims=id_token_claims
    )


@transaction.atomic
def provider_access_withdraw(*, provider: IdentityProvider, subject: str) -> None:
    """The provider no longer gives `subject` a role: their membership of the municipality becomes inactive
    (the account and everything it did stay)."""
    account = ProviderAccount.objects.select_related("user").filter(provider=provider, subject=subject).first()
    if account is None:
        return
    changed = Membership.objects.filter(user=account.user, municipality=provider.municipality, is_active=True).update(
        is_active=False
    )
    if changed:
        _record(provider, account.user)


@transaction.atomic
def _provider_sign_in(*, provider, subject: str, roles: list[str], claims: dict, id_token_claims: dict):
    municipality = provider.municipality
    account = ProviderAccount.objects.select_related("user").filter(provider=provider, subject=subject).first()
    user = account.user if account else None
    username = _claim(claims, provider.username_claim) or _claim(claims, provider.email_claim)
    email = _claim(claims, provider.email_claim)
    changed = False
    if user is None:
        if not username:
            raise SignInRefused("no_username")
        user = _linkable_user(username=username, municipality=municipality)
        if user is None:
            user = User(username=_free_username(username, slug=municipality.slug))
        user.set_unusable_password()
        user.save()
        account = ProviderAccount.objects.create(provider=provider, user=user, subject=subject)
        changed = True
    if not user.is_active:
        raise SignInRefused("inactive")
    profile = {
        "email": email or user.email,
        "first_name": (_claim(claims, "given_name") or user.first_name)[:150],
        "last_name": (_claim(claims, "family_name") or user.last_name)[:150],
    }
    if any(getattr(user, name) != value for name, value in profile.items()):
        for name, value in profile.items():
            setattr(user, name, value)
        user.save(update_fields=list(profile))
        changed = True
    membership, created = Membership.objects.get_or_create(
        user=user, municipality=municipality, defaults={"roles": roles}
    )
    if created or membership.roles != roles or not membership.is_active:
        membership.roles = roles
        membership.is_active = True
        membership.save(update_fields=["roles", "is_active"])
        changed = True
    account.last_sign_in_at = timezone.now()
    account.save(update_fields=["last_sign_in_at"])
    if changed:
        _record(provider, user)
    return ProviderSignIn(user=user, roles=roles, mfa=provider.asserts_mfa(id_token_claims))


def _linkable_user(*, username: str, municipality):
    """An existing password account with this user name that works for this municipality only and is not
    yet linked to a provider; None otherwise."""
    user = User.objects.filter(username__iexact=username, provider_accounts__isnull=True).first()
    if user is None:
        return None
    elsewhere = user.memberships.exclude(municipality=municipality).exists()
    here = user.memberships.filter(municipality=municipality).exists()
    return user if here and not elsewhere else None


# The settings a configuration file may set (setup_configuration.py); the discovered endpoints come on top.
CONFIGURABLE_FIELDS = (
    "enabled",
    "label",
    "discovery_url",
    "client_id",
    "client_secret",
    "scopes",
    "username_claim",
    "email_claim",
    "groups_claim",
    "role_groups",
    "mfa_amr_values",
    "mfa_acr_values",
)


@transaction.atomic
def provider_configure(*, municipality, values: dict, discovered: dict) -> bool:
    """Bring `municipality`'s provider settings to `values` (from a configuration file, see
    setup_configuration.py) plus the endpoints just `discovered`; made when there are none yet. Saved and
    audited (no actor: the file did it; never the secret) only when something differs, so applying the
    same file twice changes nothing. Returns whether anything changed."""
    provider = IdentityProvider.objects.select_for_update().filter(municipality=municipality).first()
    created = provider is None
    if created:
        provider = IdentityProvider(municipality=municipality)
    wanted = {name: values[name] for name in CONFIGURABLE_FIELDS if name in values} | discovered
    changed = created or any(getattr(provider, name) != value for name, value in wanted.items())
    if not changed:
        return False
    for name, value in wanted.items():
        setattr(provider, name, value)
    provider.save()
    processing_record(municipality=municipality, actor=None, activity=Activity.SSO_SETTINGS_UPDATE)
    return True
