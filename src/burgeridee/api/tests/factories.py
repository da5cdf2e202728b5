"""API clients, made through the real service (the token is shown once: kept on the factory's result)."""

from burgeridee.api.models import Scope
from burgeridee.api.services import api_client_create


def api_client_make(municipality, *scopes: str, name: str = "Dashboard"):
    """(client, token) with `scopes` (default: initiatives without personal data)."""
    created = api_client_create(
        municipality=municipality, name=name, scopes=list(scopes or [Scope.INITIATIVES]), actor=None
    )
    return created.client, created.token


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
