"""Personal status links: an unguessable token for the resident; only its hash is stored."""

import hashlib
import secrets


def token_make() -> tuple[str, str]:
    """A fresh token (to put in the link) and its hash (to store)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
