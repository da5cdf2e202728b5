"""`manage.py check --deploy` (make check-deploy, CI): staff need two factors in production. A provider's
multi-factor claim counts only where a municipality's administrator listed it (sso app); nothing turns the
second factor off for an installation."""

from django.conf import settings
from django.core.checks import Error, Tags, register

OTP_MIDDLEWARE = "django_otp.middleware.OTPMiddleware"


@register(Tags.security, deploy=True)
def second_factor_required_check(app_configs, **kwargs):
    # Imported here: two_factor imports django-otp's models, which need the app registry (checks load early).
    from .two_factor import second_factor_required  # noqa: PLC0415

    errors = []
    if not second_factor_required():
        errors.append(Error("Staff can log in without a second factor (demo mode).", id="burgeridee.E001"))
    if OTP_MIDDLEWARE not in settings.MIDDLEWARE:
        errors.append(Error(f"{OTP_MIDDLEWARE} is missing: no second factor is checked.", id="burgeridee.E002"))
    if not getattr(settings, "OIDC_VERIFY_SSL", True):
        errors.append(Error("OIDC_VERIFY_SSL is off: a provider's answers are not checked.", id="burgeridee.E003"))
    return errors
