"""The functional administrator's pages for the API (Inrichting → API-koppelingen): create a client (its
token is shown once), see when it was last used, revoke it. Every change is audited (services.py)."""

import logging
import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view

from . import delivery, services, zgw
from .forms import ApiClientForm, SubscriptionForm, ZgwSettingsForm
from .models import ApiClient, DeliveryStatus, NotificationDelivery, Subscription, ZgwRegistration, ZgwSettings

logger = logging.getLogger(__name__)
ADMIN = (Role.ADMINISTRATOR,)
ONCE_KEY = "api_forms_sent"


def _sent_before(request) -> bool:
    """True when this form (its one-time `eenmalig` value) was already handled: the browser's reload of the page
    that shows a new key or secret sends the form again; that must neither make a second one nor show it."""
    nonce = request.POST.get("eenmalig", "")
    return bool(nonce) and nonce in request.session.get(ONCE_KEY, [])


def _mark_sent(request) -> None:
    nonce = request.POST.get("eenmalig", "")
    if nonce:
        request.session[ONCE_KEY] = [*request.session.get(ONCE_KEY, [])[-19:], nonce]


def _once() -> str:
    return secrets.token_urlsafe(16)


SAVE_FAILED = gettext_lazy(
    "Het opslaan is niet gelukt, omdat de database niet bereikbaar is. Wat u invulde staat er nog. "
    "Probeer het over een paar minuten opnieuw."
)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def clients(request, municipality):
    if request.method == "POST" and _sent_before(request):
        return redirect("api:clients", municipality_slug=municipality.slug)
    form = ApiClientForm(request.POST or None)
    status, created = 200, None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                created = services.api_client_create(
                    municipality=municipality,
                    name=form.cleaned_data["name"],
                    scopes=form.cleaned_data["scopes"],
                    actor=request.user,
                )
                _mark_sent(request)
                status, form = 200, ApiClientForm()
            except DatabaseError:
                logger.exception("An API client could not be saved")
                form.add_error(None, SAVE_FAILED)
                status = 503
    context = {
        "form": form,
        "created": created,
        "clients": ApiClient.objects.filter(municipality=municipality),
        "once": _once(),
    }
    return render(request, "api/clients.html", context, status=status)


@never_cache
@require_POST
@staff_view(roles=ADMIN)
def client_revoke(request, municipality, pk):
    client = get_object_or_404(ApiClient, municipality=municipality, pk=pk)
    services.api_client_revoke(client=client, actor=request.user)
    messages.success(request, _("De sleutel van %(name)s werkt niet meer.") % {"name": client.name})
    return redirect("api:clients", municipality_slug=municipality.slug)


# --- Subscriptions and their delivery log ------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def subscriptions(request, municipality):
    if request.method == "POST" and _sent_before(request):
        return redirect("api:subscriptions", municipality_slug=municipality.slug)
    form = SubscriptionForm(request.POST or None)
    status, created = 200, None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                created = services.subscription_create(
                    municipality=municipality, actor=request.user, **form.cleaned_data
                )
                _mark_sent(request)
                status, form = 200, SubscriptionForm()
            except ValidationError as error:
                for field, errors in error.error_dict.items():
                    form.add_error(field, errors)
            except DatabaseError:
                logger.exception("A subscription could not be saved")
                form.add_error(None, SAVE_FAILED)
                status = 503
    context = {
        "form": form,
        "created": created,
        "subscriptions": Subscription.objects.filter(municipality=municipality),
        "once": _once(),
    }
    return render(request, "api/subscriptions.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def subscription(request, municipality, pk):
    item = get_object_or_404(Subscription, municipality=municipality, pk=pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action in ("aan", "uit"):
            services.subscription_set_active(subscription=item, active=action == "aan", actor=request.user)
        elif action == "opnieuw":
            failed = get_object_or_404(
                NotificationDelivery,
                subscription=item,
                pk=request.POST.get("delivery") or 0,
                status=DeliveryStatus.FAILED,
            )
            delivery.delivery_retry(delivery=failed)
            messages.success(request, _("De melding wordt opnieuw verstuurd."))
        return redirect("api:subscription", municipality_slug=municipality.slug, pk=item.pk)
    deliveries = item.deliveries.prefetch_related("log").order_by("-sequence")[:50]
    return render(request, "api/subscription.html", {"subscription": item, "deliveries": deliveries})


# --- Case system (ZGW) -----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN)
def zgw_settings(request, municipality):
    config = (
        ZgwSettings.objects.filter(municipality=municipality)
        .select_related("zaken_service", "documenten_service", "catalogi_service")
        .first()
    )
    status = 200
    if request.method == "POST" and request.POST.get("action") == "opnieuw":
        failed = get_object_or_404(
            ZgwRegistration,
            municipality=municipality,
            pk=request.POST.get("registration") or 0,
            status=DeliveryStatus.FAILED,
        )
        zgw.registration_retry(registration=failed)
        messages.success(request, _("De registratie wordt opnieuw verstuurd."))
        return redirect("api:zgw", municipality_slug=municipality.slug)
    if request.method == "POST":
        form = ZgwSettingsForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.zgw_settings_update(
                    municipality=municipality,
                    values=form.values(),
                    secret=form.cleaned_data["secret"],
                    actor=request.user,
                )
                messages.success(request, _("De koppeling met het zaaksysteem is opgeslagen."))
                return redirect("api:zgw", municipality_slug=municipality.slug)
            except ValidationError as error:
                for field, errors in error.error_dict.items():
                    form.add_error(field, errors)
            except DatabaseError:
                logger.exception("The case-system settings could not be saved")
                form.add_error(None, SAVE_FAILED)
                status = 503
    else:
        form = ZgwSettingsForm(initial=ZgwSettingsForm.initial_for(config))
    context = {
        "form": form,
        "config": config,
        "services": services.zgw_services(config),
        "has_secret": any(service.secret for service in services.zgw_services(config)),
        "registrations": ZgwRegistration.objects.filter(municipality=municipality)
        .select_related("initiative")
        .order_by("-pk")[:50],
    }
    return render(request, "api/zgw.html", context, status=status)
