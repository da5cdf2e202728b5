"""Personal links for people without an account (the requester of a proposal, a meeting's participant), made like
the resident's status link (initiatives/tokens.py): an HMAC of a random nonce under SECRET_KEY; the database keeps
the nonce and the SHA-256 of the token, never the token. Each kind of link has its own HMAC label, so a token made
for one kind never opens another."""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings

from burgeridee.initiatives.tokens import token_hash

__all__ = ["token_for", "token_hash", "token_make"]


def token_for(label: str, nonce: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"burgeridee-{label}:{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def token_make(label: str) -> tuple[str, str, str]:
    """A fresh (nonce, token, token hash) for `label`: store the nonce and hash, put the token in the link."""
    nonce = secrets.token_hex(16)
    token = token_for(label, nonce)
    return nonce, token, token_hash(token)
