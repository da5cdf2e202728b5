"""Passkeys (WebAuthn, django-otp-webauthn) as a second factor next to the authenticator app.

A passkey is never the first step (OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is off): the person has signed
in with their password (or their municipality's identity provider) first. A passkey is added only by
someone already past the second factor, so a password alone never adds one; using or adding one is
announced through `signals.second_factor_changed` (written to the processing log above accounts), and a
refused passkey counts as a failed login for django-axes like a wrong code.
"""

from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp_webauthn import exceptions
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from . import signals
from .lockout import second_factor_failed, second_factor_locked
from .two_factor import is_verified


class PasskeyHelper(WebAuthnHelper):
    """The relying party is this site (OTP_WEBAUTHN_RP_ID and OTP_WEBAUTHN_ALLOWED_ORIGINS, from SITE_URL)."""

    def get_credential_display_name(self, user) -> str:
        return user.get_full_name() or user.get_username()


class NotPastSecondFactor(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "not_verified"
    default_detail = _("Log eerst in met uw tweede stap.")


class LockedOut(exceptions.OTPWebAuthnApiError):
    status_code = 429
    default_code = "locked_out"
    default_detail = _("Te veel mislukte pogingen. Wacht even en probeer het dan opnieuw.")


class PasskeyRegistrationBegin(BeginCredentialRegistrationView):
    def check_can_register(self):
        if not is_verified(self.request):
            raise NotPastSecondFactor()


class PasskeyRegistrationComplete(CompleteCredentialRegistrationView):
    def check_can_register(self):
        if not is_verified(self.request):
            raise NotPastSecondFactor()

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if response.status_code == 200:
            signals.second_factor_changed.send(
                sender=PasskeyRegistrationComplete, user=self.request.user, change=signals.PASSKEY_ADDED
            )
        return response


class PasskeyAuthenticationBegin(BeginCredentialAuthenticationView):
    def check_can_authenticate(self):
        super().check_can_authenticate()
        if self.request.user.is_authenticated and second_factor_locked(self.request, self.request.user):
            raise LockedOut()


class PasskeyAuthenticationComplete(CompleteCredentialAuthenticationView):
    def check_can_authenticate(self):
        super().check_can_authenticate()
        if self.request.user.is_authenticated and second_factor_locked(self.request, self.request.user):
            raise LockedOut()

    def complete_auth(self, device):
        # As after a code: past the second factor under a NEW session key (see views._second_factor_login).
        self.request.session.cycle_key()
        otp_login(self.request, device)
        signals.second_factor_changed.send(
            sender=PasskeyAuthenticationComplete, user=self.request.user, change=signals.PASSKEY_USED
        )

    def handle_exception(self, exc):
        refused = isinstance(exc, exceptions.OTPWebAuthnApiError) and not isinstance(exc, LockedOut)
        if refused and self.request.user.is_authenticated:
            second_factor_failed(self.request, self.request.user)
        return super().handle_exception(exc)
