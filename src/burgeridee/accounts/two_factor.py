"""The second factor (django-otp: an authenticator app (TOTP), a passkey (WebAuthn) or a one-time backup
code): when it is required and where to send who lacks it."""

import base64
import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.shortcuts import resolve_url
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .external import provider_asserted_mfa


def second_factor_required() -> bool:
    """Outside demo mode every staff page needs a verified second factor."""
    return not settings.DEMO_MODE


def is_verified(request) -> bool:
    """Logged in, and past the second factor: a device of ours, or a multi-factor sign-in asserted by the
    municipality's identity provider (accounts/external.py); or the demo does not ask for one."""
    user = request.user
    if not user.is_authenticated:
        return False
    if not second_factor_required():
        return True
    return bool(getattr(user, "is_verified", lambda: False)()) or provider_asserted_mfa(request)


def has_confirmed_device(user) -> bool:
    """An authenticator app or a passkey. Backup codes alone do not count: they are the spare key to one of
    those, made only after one is set up."""
    return any(not isinstance(device, StaticDevice) for device in devices_for_user(user, confirmed=True))


def second_factor_url(request, next_url: str = "") -> str:
    """The code page when the user has an app set up, otherwise the setup page."""
    name = "accounts:verify" if has_confirmed_device(request.user) else "accounts:setup"
    url = resolve_url(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def totp_device_for_setup(user) -> TOTPDevice:
    """An unconfirmed TOTP device to set up; reused while the user has not finished setting it up."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


def qr_code_data_uri(text: str) -> str:
    """An SVG QR code as a data: URI (the CSP allows img data:, nothing inline)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def secret_for_display(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
