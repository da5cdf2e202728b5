"""mozilla-django-oidc's authentication backend, configured per municipality instead of by settings.

The callback view puts the municipality's `IdentityProvider` on the request (`request.burgeridee_provider`,
as the library's view calls `authenticate` itself); without it this backend does nothing, so password
sign-in is untouched. mozilla-django-oidc does the protocol: it swaps the
code for tokens (with the PKCE verifier), checks the ID token's signature against the provider's keys and
its nonce against the one kept in the session. On top of that we check the issuer, the audience and the
expiry, and leave who the person is and which roles they get to `services.provider_sign_in`.
"""

import time

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .services import SignInRefused, provider_sign_in

CALLBACK_URL_NAME = "sso:callback"


def provider_setting(provider, name: str, default=None):
    """The value mozilla-django-oidc would read from settings, for this provider."""
    values = {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": provider.authorization_endpoint,
        "OIDC_OP_TOKEN_ENDPOINT": provider.token_endpoint,
        "OIDC_OP_USER_ENDPOINT": provider.userinfo_endpoint,
        "OIDC_OP_JWKS_ENDPOINT": provider.jwks_uri,
        "OIDC_RP_CLIENT_ID": provider.client_id,
        "OIDC_RP_CLIENT_SECRET": provider.client_secret,
        "OIDC_RP_SIGN_ALGO": provider.signing_algorithm,
        "OIDC_RP_SCOPES": provider.scopes,
        "OIDC_AUTHENTICATION_CALLBACK_URL": CALLBACK_URL_NAME,
        "OIDC_USE_NONCE": True,
        "OIDC_USE_PKCE": True,
        "OIDC_PKCE_CODE_CHALLENGE_METHOD": "S256",
        "OIDC_ALLOW_UNSECURED_JWT": False,
        # Tokens are not kept in the session (bandit reads the setting names as passwords).
        "OIDC_STORE_ID_TOKEN": False,  # nosec B105
        "OIDC_STORE_ACCESS_TOKEN": False,  # nosec B105
        "OIDC_CREATE_USER": True,
        "OIDC_TIMEOUT": settings.OIDC_TIMEOUT,
        "OIDC_VERIFY_SSL": settings.OIDC_VERIFY_SSL,
    }
    if name in values:
        return values[name]
    return getattr(settings, name, default)


class MunicipalityOIDCBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # Not the library's: it reads one provider from settings, which we do not have.
        self.UserModel = get_user_model()
        self.provider = None

    def get_settings(self, attr, *args):
        if self.provider is None:
            return getattr(settings, attr, *args)
        return provider_setting(self.provider, attr, *args)

    def authenticate(self, request, **kwargs):
        provider = getattr(request, "burgeridee_provider", None)
        if provider is None or "nonce" not in kwargs:
            return None
        self.provider = provider
        for name in (
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
            "OIDC_RP_CLIENT_ID",
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_RP_SIGN_ALGO",
        ):
            setattr(self, name, self.get_settings(name))
        self.OIDC_RP_IDP_SIGN_KEY = None
        return super().authenticate(request, nonce=kwargs.get("nonce"), code_verifier=kwargs.get("code_verifier"))

    def verify_token(self, token, **kwargs):
        """The library checks the signature and the nonce; we add issuer, audience and expiry."""
        payload = super().verify_token(token, **kwargs)
        if "nonce" in kwargs:  # the ID token (user info as a JWT comes without a nonce to check)
            if payload.get("iss") != self.provider.issuer:
                raise SuspiciousOperation("ID token issuer does not match the provider.")
            audience = payload.get("aud")
            audiences = audience if isinstance(audience, list) else [audience]
            if self.provider.client_id not in audiences:
                raise SuspiciousOperation("ID token audience does not name this client.")
            if not isinstance(payload.get("exp"), int | float) or payload["exp"] < time.time():
                raise SuspiciousOperation("ID token has expired.")
        return payload

    def retrieve_matching_jwk(self, token):
        """The library needs a key id (`kid`) in the token; a provider with one signing key may leave it out,
        and then that one key is used."""
        header = jwt.get_unverified_header(token)
        if "kid" in header:
            return super().retrieve_matching_jwk(token)
        response = requests.get(
            self.OIDC_OP_JWKS_ENDPOINT, timeout=settings.OIDC_TIMEOUT, verify=settings.OIDC_VERIFY_SSL
        )
        response.raise_for_status()
        keys = [
            key
            for key in response.json().get("keys", [])
            if key.get("use", "sig") == "sig" and key.get("alg", header.get("alg")) == header.get("alg")
        ]
        if len(keys) != 1:
            raise SuspiciousOperation("ID token names no key and the provider has more than one.")
        return jwt.PyJWK(keys[0])

    def store_tokens(self, access_token, id_token):
        # Only the ID token, for logging out at the provider (id_token_hint); never the access token.
        self.request.burgeridee_id_token = id_token

    def get_or_create_user(self, access_token, id_token, payload):
        user_info = self.get_userinfo(access_token, id_token, payload)
        if user_info.get("sub") not in (None, payload.get("sub")):
            raise SuspiciousOperation("User info is about someone else than the ID token.")
        claims = {**user_info, **payload}  # what the provider signed wins
        try:
            sign_in = provider_sign_in(provider=self.provider, claims=claims, id_token_claims=payload)
        except SignInRefused as refused:
            self.request.burgeridee_refusal = refused.reason
            return None
        self.request.burgeridee_sign_in = sign_in
        return sign_in.user
