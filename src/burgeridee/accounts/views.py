"""Staff login: password first (or the municipality's identity provider, the sso app), then the second
factor: a code from an authenticator app (TOTP), a passkey, or a one-time backup code. The app is set up
only through a one-time link (see services.py); passkeys and backup codes are added by someone already past
the second factor (the "Uw tweede stap" page); coordinators reset a colleague's second factor. Every wrong
code or refused passkey counts for django-axes (lockout.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from django_ratelimit.core import is_ratelimited

from .constants import Role
from .decorators import staff_login_required, staff_view
from .external import login_alternatives_for, provider_asserted_mfa, provider_logout_url
from .forms import BackupCodeForm, StaffLoginForm, StaffPasswordChangeForm, TokenForm
from .lockout import second_factor_failed, second_factor_locked
from .models import EnrolmentLink
from .selectors import colleague_get
from .services import (
    EnrolmentLinkUnusable,
    backup_code_use,
    backup_codes_left,
    backup_codes_make,
    enrolment_complete,
    enrolment_link_find,
    passkey_remove,
)
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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Other ways in: "Inloggen met uw werkaccount" for municipalities with their own identity provider.
        context["alternatives"] = login_alternatives_for(self.request, self.get_redirect_url())
        return context

    def get_success_url(self):
        next_url = self.get_redirect_url() or resolve_url("workspace:home")
        if is_verified(self.request):
            return next_url
        return second_factor_url(self.request, next_url)


@method_decorator(staff_login_required, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    """A member of staff changes their own password (after logging in with both factors)."""

    template_name = "accounts/password_change.html"
    form_class = StaffPasswordChangeForm

    def get_success_url(self):
        return resolve_url("workspace:home")

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps this session logged in, ends the others
        messages.success(self.request, _("Uw wachtwoord is gewijzigd."))
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LogoutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]

    def post(self, request, *args, **kwargs):
        # Signed in through the municipality's identity provider: end the session there too (read before
        # our own session is flushed).
        at_provider = provider_logout_url(request)
        response = super().post(request, *args, **kwargs)
        if at_provider:
            response = redirect(at_provider)
        messages.success(request, _("U bent uitgelogd."))
        # Conversation notes kept on this device while offline (localStorage) must not stay behind on a
        # shared tablet: the browser wipes the site's storage and cache (cookies stay: the message above).
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response

    def get_success_url(self):
        return resolve_url("accounts:login")


def _second_factor_login(request, device) -> None:
    """Mark the session as past the second factor under a NEW session key.

    django-otp's login does not cycle the key: a session id seen before the code was typed (on a
    shared screen, in a log) must not become a fully signed-in session afterwards.
    """
    request.session.cycle_key()
    otp_login(request, device)


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """Step two: the code from the app."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    next_url = _next_url(request)
    if _past_second_factor(request):
        return redirect(next_url)
    if not has_confirmed_device(request.user):
        return redirect(second_factor_url(request, next_url))
    if request.method == "POST" and second_factor_locked(request, request.user):
        return locked_out(request)
    form = TokenForm(request.POST or None, devices=devices_for_user(request.user, confirmed=True))
    if request.method == "POST":
        if form.is_valid():
            _second_factor_login(request, form.device)
            return redirect(next_url)
        second_factor_failed(request, request.user)
    return render(
        request,
        "accounts/verify.html",
        {
            "form": form,
            "next": next_url,
            "has_passkey": WebAuthnCredential.objects.filter(user=request.user, confirmed=True).exists(),
            "has_backup_codes": backup_codes_left(user=request.user) > 0,
        },
        status=400 if form.errors else 200,
    )


def _past_second_factor(request) -> bool:
    """Past the second factor in this session (even in demo mode, where is_verified always says yes)."""
    return request.user.is_verified() or provider_asserted_mfa(request)


@never_cache
@require_http_methods(["GET", "POST"])
def backup_code(request):
    """Step two with a one-time backup code, for a lost or forgotten phone."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    next_url = _next_url(request)
    if _past_second_factor(request):
        return redirect(next_url)
    if request.method == "POST" and second_factor_locked(request, request.user):
        return locked_out(request)
    form = BackupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = backup_code_use(user=request.user, code=form.cleaned_data["code"])
        if device is not None:
            _second_factor_login(request, device)
            left = backup_codes_left(user=request.user)
            messages.warning(
                request,
                _(
                    "U heeft een reservecode gebruikt. U heeft er nog %(left)s. Maak nieuwe codes op de pagina "
                    "'Uw tweede stap'."
                )
                % {"left": left},
            )
            return redirect(next_url)
        form.add_error("code", _("Deze reservecode klopt niet of is al gebruikt."))
    if request.method == "POST":
        second_factor_failed(request, request.user)
    return render(
        request, "accounts/backup_code.html", {"form": form, "next": next_url}, status=400 if form.errors else 200
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_login_required
def second_factors(request):
    """The person's own second factors: the app, passkeys (add, remove) and backup codes (make new ones;
    they are shown once, right after making them)."""
    codes = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "backup_codes":
            codes = backup_codes_make(user=request.user)
        elif action == "remove_passkey":
            pk = request.POST.get("passkey", "")
            if pk.isdigit() and passkey_remove(user=request.user, pk=int(pk)):
                messages.success(request, _("De passkey is verwijderd."))
            return redirect("accounts:second_factors")
        else:
            return redirect("accounts:second_factors")
    return render(
        request,
        "accounts/second_factors.html",
        {
            "has_app": TOTPDevice.objects.filter(user=request.user, confirmed=True).exists(),
            "passkeys": WebAuthnCredential.objects.filter(user=request.user, confirmed=True).order_by("created_at"),
            "backup_codes_left": backup_codes_left(user=request.user),
            "codes": codes,
        },
    )


# The set-up link the person opened, kept in their session until the app is set up.
SESSION_ENROLMENT_LINK = "burgeridee_enrolment_link"
COLLEAGUE_ROLES = (Role.COORDINATOR, Role.ADMINISTRATOR)


def _refusal_text(problem: str, *, link: EnrolmentLink | None = None, user=None) -> tuple[str, str]:
    """(heading, explanation) for a set-up link that cannot be used."""
    ask = _("Vraag uw coördinator of beheerder om een nieuwe link.")
    if problem == "used":
        return _("Deze link is al gebruikt"), " ".join(
            [
                _("Met deze link is de app al ingesteld. Een link werkt maar één keer."),
                _("Heeft u dat niet zelf gedaan, of wilt u een andere app instellen?"),
                ask,
            ]
        )
    if problem == "revoked":
        return _("Deze link werkt niet meer"), " ".join(
            [_("Er is daarna een nieuwe link voor u gemaakt. Gebruik de link uit de nieuwste e-mail."), ask]
        )
    if problem == "expired":
        until = date_format(timezone.localtime(link.expires_at), "j F Y H:i") if link else ""
        return _("Deze link is verlopen"), " ".join([_("De link was geldig tot %(until)s.") % {"until": until}, ask])
    if problem == "other_user":
        return _("Deze link is voor een ander account"), _(
            "U bent ingelogd als %(name)s. Log uit, open de link opnieuw en log in met het account waarvoor de "
            "link is gemaakt."
        ) % {"name": user.display_name if user else ""}
    if problem == "limited":
        return _("Even wachten"), _(
            "Vanaf dit adres zijn te veel onbekende links geprobeerd. Wacht een uur en probeer het dan opnieuw."
        )
    if problem == "missing":
        return _("U heeft een link nodig om de app in te stellen"), " ".join(
            [
                _(
                    "Om de gegevens van bewoners te beschermen stelt u de tweede stap alleen in met de "
                    "persoonlijke link die u per e-mail krijgt. Open die link."
                ),
                _("Heeft u geen link, of werkt hij niet meer?"),
                ask,
            ]
        )
    return _("Deze link werkt niet"), " ".join(
        [_("Misschien is de link niet helemaal overgenomen. Kopieer de hele link uit de e-mail."), ask]
    )


def _refused(request, problem: str, *, status: int, link: EnrolmentLink | None = None):
    heading, explanation = _refusal_text(problem, link=link, user=request.user)
    response = render(
        request, "accounts/enrol_refused.html", {"heading": heading, "explanation": explanation}, status=status
    )
    if problem == "limited":
        response["Retry-After"] = "3600"
    return response


def _enrol_limited(request, *, increment: bool) -> bool:
    """Guessing links: unknown links count against the address; over the limit every link is refused."""
    return is_ratelimited(
        request, group="accounts.enrol", key="ip", rate=settings.RATELIMIT_ENROLMENT_LINK, increment=increment
    )


@never_cache
@require_GET
def enrol(request, token: str):
    """The one-time link from the email. It is remembered in the session (not used up yet), then the person
    logs in with their password if they have not, and sets up their app on the set-up page."""
    if _enrol_limited(request, increment=False):
        return _refused(request, "limited", status=429)
    link = enrolment_link_find(token=token)
    if link is None:
        if _enrol_limited(request, increment=True):
            return _refused(request, "limited", status=429)
        return _refused(request, "unknown", status=404)
    problem = link.problem(now=timezone.now())
    if problem:
        return _refused(request, problem, status=410, link=link)
    if request.user.is_authenticated and request.user.pk != link.user_id:
        return _refused(request, "other_user", status=403)
    request.session[SESSION_ENROLMENT_LINK] = link.pk
    setup_url = resolve_url("accounts:setup")
    if not request.user.is_authenticated:
        messages.info(request, _("Log eerst in met uw gebruikersnaam en wachtwoord. Daarna stelt u de app in."))
        return redirect_to_login(setup_url)
    return redirect(setup_url)


def _session_link(request) -> tuple[EnrolmentLink | None, str]:
    """The set-up link opened in this session and why it cannot be used ("" when it can)."""
    link_id = request.session.get(SESSION_ENROLMENT_LINK)
    link = EnrolmentLink.objects.filter(pk=link_id).first() if isinstance(link_id, int) else None
    if link is None:
        return None, "missing"
    if link.user_id != request.user.pk:
        return link, "other_user"
    return link, link.problem(now=timezone.now())


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request):
    """Set up an authenticator app: scan the QR code (or type the key), then type one code to confirm.

    Only with a valid set-up link opened in this session, for the logged-in person; the link is used up
    when the app is set up.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    next_url = _next_url(request)
    if has_confirmed_device(request.user):
        # Adding another app needs the existing second factor first.
        if not _past_second_factor(request):
            return redirect(second_factor_url(request, next_url))
        return redirect(next_url)
    link, problem = _session_link(request)
    if problem:
        return _refused(request, problem, status=403, link=link)
    device = totp_device_for_setup(request.user)
    form = TokenForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        try:
            enrolment_complete(link_id=link.pk, user=request.user, device=device)
        except EnrolmentLinkUnusable as refused:
            return _refused(request, refused.problem, status=403, link=link)
        request.session.pop(SESSION_ENROLMENT_LINK, None)
        _second_factor_login(request, device)
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


@require_GET
@staff_view(roles=COLLEAGUE_ROLES)
def colleagues(request, municipality):
    """The older staff page is now part of Inrichting -> Medewerkers (administration): bookmarks go there."""
    return redirect("administration:staff", municipality_slug=municipality.slug)


@require_GET
@staff_view(roles=COLLEAGUE_ROLES)
def colleague_second_factor(request, municipality, pk: int):
    """The older reset page: the reset is now on the colleague's page in Inrichting -> Medewerkers."""
    colleague = colleague_get(municipality=municipality, pk=pk)
    return redirect("administration:staff_member", municipality_slug=municipality.slug, pk=colleague.pk)


def locked_out(request, original_response=None, credentials=None):
    """django-axes calls this after too many wrong passwords: a plain page, never a stack trace."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "accounts/locked_out.html", {"lockout_minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
