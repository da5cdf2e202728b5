"""Test helpers for logging staff in the way a browser does: password, then a real TOTP code."""

from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_token(device) -> str:
    """The code an authenticator app would show right now for `device`."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def login_with_second_factor(user, client: Client | None = None) -> Client:
    """A test client logged in as `user` past the second factor: a confirmed TOTP device and a real code
    posted to the code page (staff pages refuse anything less)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    device.last_t = -1  # a fresh code may be used again by this new client
    device.save(update_fields=["last_t"])
    client = client or Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post("/werkplek/inloggen/code/", {"token": totp_token(device), "next": "/werkplek/"})
    # A test helper: an assert is what it should do (bandit B101).
    assert response.status_code == 302, "second factor was not accepted"  # nosec B101
    client.user = user
    return client
