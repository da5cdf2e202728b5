"""Staff login: password first, then a code from an authenticator app (TOTP)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user
from django_otp import login as otp_login

from .forms import StaffLoginForm, TokenForm
from .two_factor import (
    has_confirmed_device,
    is_verified,
    qr_code_data_uri,
    second_factor_url,
    secret_for_display,
    totp_device_for_setup,
)


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url("workspace:home")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = StaffLoginForm
    redirect_authenticated_user = False

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_success_url(self):
        next_url = self.get_redirect_url() or resolve_url("workspace:home")
        if is_verified(self.request):
            return next_url
        return second_factor_url(self.request, next_url)


class LogoutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("U bent uitgelogd."))
        return response

    def get_success_url(self):
        return resolve_url("accounts:login")


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """Step two: the code from the app."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    next_url = _next_url(request)
    if is_verified(request) and request.user.is_verified():
        return redirect(next_url)
    if not has_confirmed_device(request.user):
        return redirect(second_factor_url(request, next_url))
    form = TokenForm(request.POST or None, devices=devices_for_user(request.user, confirmed=True))
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(next_url)
    return render(
        request,
        "accounts/verify.html",
        {"form": form, "next": next_url},
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request):
    """Set up an authenticator app: scan the QR code (or type the key), then type one code to confirm."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    next_url = _next_url(request)
    if has_confirmed_device(request.user):
        # Adding another app needs the existing second factor first.
        if not request.user.is_verified():
            return redirect(second_factor_url(request, next_url))
        return redirect(next_url)
    device = totp_device_for_setup(request.user)
    form = TokenForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("De tweede stap is ingesteld. Voortaan vragen wij bij het inloggen om een code."))
        return redirect(next_url)
    return render(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "next": next_url,
            "qr_code": qr_code_data_uri(device.config_url),
            "secret": secret_for_display(device),
        },
        status=400 if form.errors else 200,
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes calls this after too many wrong passwords: a plain page, never a stack trace."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "accounts/locked_out.html", {"lockout_minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
