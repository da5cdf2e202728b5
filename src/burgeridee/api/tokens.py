"""API tokens: random, shown once, stored as SHA-256 (a token has 256 bits of entropy, so a fast hash is
enough; nothing to salt or stretch)."""

import hashlib
import secrets

PREFIX = "bi_"


def api_token_make() -> tuple[str, str]:
    """A fresh (token, hash)."""
    token = PREFIX + secrets.token_urlsafe(32)
    return token, api_token_hash(token)


def api_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
