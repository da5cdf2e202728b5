"""Test helpers: a real OpenID Connect provider (oidc-provider-mock, on loopback, in a thread) and a
municipality's settings pointing at it. A test chooses each person's subject and claims."""

import os
from contextlib import contextmanager

import requests

from .models import IdentityProvider
from .services import provider_discover


@contextmanager
def oidc_provider():
    """Yields the provider's base URL (http://localhost:<port>). It requires a nonce, so a client that
    forgets one fails."""
    from oidc_provider_mock import run_server_in_thread  # noqa: PLC0415 - a dev dependency, tests only

    os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain http on loopback
    with run_server_in_thread(require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


def provider_person_set(base_url: str, sub: str, claims: dict) -> None:
    """What the provider says about `sub` from now on (its groups, amr, acr, name, ...)."""
    requests.put(f"{base_url}/users/{sub}", json=claims, timeout=5).raise_for_status()


def identity_provider_make(municipality, base_url: str, **overrides) -> IdentityProvider:
    values = {
        "enabled": True,
        "client_id": f"burgeridee-{municipality.slug}",
        "client_secret": "geheim-" + municipality.slug,
        "role_groups": {"contactpersoon": ["bi-contact"], "coordinator": ["bi-coordinator"]},
        "discovery_url": f"{base_url}/.well-known/openid-configuration",
        **overrides,
    }
    provider = IdentityProvider(municipality=municipality, **values)
    for name, value in provider_discover(discovery_url=provider.discovery_url).items():
        setattr(provider, name, value)
    provider.save()
    return provider


def provider_authorize(authorize_url: str, sub: str) -> str:
    """Sign `sub` in at the provider's authorisation page (as a person would press the button); returns
    where the provider sends the browser back to (our callback with code and state)."""
    response = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=5)
    assert response.status_code in (302, 303), response.text[:500]  # nosec B101 - test helper
    return response.headers["Location"]
