"""Signing in somewhere else: what a sign-in at a municipality's own identity provider (the sso app, which
sits above accounts) leaves in the session, and how the pages of accounts honour it.

- The session is limited to the one municipality whose provider signed the person in: `staff_view` answers
  404 for any other, and the chooser lists only that one.
- When the provider asserted a multi-factor sign-in, the session counts as past the second factor
  (`two_factor.is_verified`); otherwise our own code, passkey or backup code is asked as usual.
- Logging out also ends the session at the provider, through the address kept here.

The login page offers the other ways to sign in that apps register in `login_alternatives`.
"""

from collections.abc import Callable
from dataclasses import dataclass

SESSION_MUNICIPALITY = "burgeridee_external_municipality"
SESSION_PROVIDER_MFA = "burgeridee_external_mfa"
SESSION_PROVIDER_LOGOUT_URL = "burgeridee_external_logout_url"


@dataclass(frozen=True)
class LoginAlternative:
    label: str
    url: str


# Callables (request, next_url) -> list[LoginAlternative], appended by apps in their AppConfig.ready().
login_alternatives: list[Callable] = []


def login_alternatives_for(request, next_url: str) -> list[LoginAlternative]:
    return [alternative for provider in login_alternatives for alternative in provider(request, next_url)]


def external_login_complete(request, *, municipality_slug: str, provider_mfa: bool, logout_url: str = "") -> None:
    """Call right after `django.contrib.auth.login` for a sign-in at a municipality's provider."""
    request.session[SESSION_MUNICIPALITY] = municipality_slug
    request.session[SESSION_PROVIDER_MFA] = bool(provider_mfa)
    if logout_url:
        request.session[SESSION_PROVIDER_LOGOUT_URL] = logout_url


def session_municipality(request) -> str | None:
    """The slug of the only municipality this session may open, or None (a password sign-in: all of the
    person's municipalities)."""
    session = getattr(request, "session", None)
    return session.get(SESSION_MUNICIPALITY) if session is not None else None


def provider_asserted_mfa(request) -> bool:
    session = getattr(request, "session", None)
    return bool(session is not None and session.get(SESSION_PROVIDER_MFA))


def provider_logout_url(request) -> str:
    session = getattr(request, "session", None)
    return (session.get(SESSION_PROVIDER_LOGOUT_URL) or "") if session is not None else ""
