"""Guessing a second factor counts like guessing a password: every wrong code, backup code or refused
passkey is a failed login for django-axes, so after AXES_FAILURE_LIMIT failures the person (username and
address) is locked out of every step for AXES_COOLOFF_MINUTES, password included. django-otp's own
throttling of the authenticator app stays on top of it."""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed


def _credentials(user) -> dict:
    return {"username": user.get_username()}


def second_factor_locked(request, user) -> bool:
    """Whether axes has locked this person out (from this address)."""
    return AxesProxyHandler.is_locked(request, credentials=_credentials(user))


def second_factor_failed(request, user) -> None:
    """Count one failed second-factor attempt; axes sets `request.axes_locked_out` at the limit, and its
    middleware then answers with the lock-out page."""
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)
