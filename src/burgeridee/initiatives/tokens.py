"""Personal status links: an unguessable token for the resident.

The token is an HMAC of a random per-initiative nonce under the SECRET_KEY. The database holds the
nonce and the SHA-256 hash of the token (for lookup), never the token itself: someone with a copy of
the database but not the key cannot open status pages, while the application can put the link in
every later email or letter. Renewing the nonce revokes the old link.
"""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings


def token_for_nonce(nonce: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"burgeridee-status:{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def token_make() -> tuple[str, str, str]:
    """A fresh (nonce, token, token hash): store the nonce and hash, put the token in the link."""
    nonce = secrets.token_hex(16)
    token = token_for_nonce(nonce)
    return nonce, token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
