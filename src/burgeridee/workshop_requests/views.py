"""The public request form (/workshop-aanvragen/) and the trainers' list of requests."""

import logging

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.privacy.constants import ProcessingAction
from burgeridee.privacy.services import processing_log_record

from . import selectors, services
from .constants import RequestStatus
from .forms import StatusForm, WorkshopRequestForm

logger = logging.getLogger(__name__)

SESSION_SENT = "burgeridee_workshop_request"


def _over_limit(request) -> bool:
    try:
        return is_ratelimited(
            request,
            group="workshop-request",
            key="ip",
            rate=settings.RATELIMIT_WORKSHOP_REQUEST,
            method="POST",
            increment=True,
        )
    except DatabaseError:
        logger.warning("Rate limit cache unavailable; allowing the request")
        return False


def _form(data=None) -> WorkshopRequestForm:
    return WorkshopRequestForm(
        data, municipalities=list(selectors.receiving_municipalities()), fallback=selectors.fallback_municipality()
    )


def _render(request, form, *, status=200, problem=""):
    return render(request, "workshop_requests/form.html", {"form": form, "problem": problem}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def request_form(request):
    if request.method == "GET":
        return _render(request, _form())
    form = _form(request.POST)
    if form.is_spam:
        return render(
            request,
            "core/message.html",
            {"title": _("Niet verstuurd"), "message": _("Uw formulier kon niet worden verwerkt.")},
            status=400,
        )
    if _over_limit(request):
        return _render(
            request,
            form,
            status=429,
            problem=_(
                "Vanaf uw internetadres zijn veel aanvragen achter elkaar verstuurd. Uw aanvraag is nog niet "
                "verstuurd. Probeer het over een uur opnieuw."
            ),
        )
    if not form.is_valid():
        return _render(request, form, status=400)
    data = form.cleaned_data
    try:
        sent = services.workshop_request_submit(
            municipality=form.receiving_municipality,
            municipality_name=form.municipality_name_value,
            contact_name=data["contact_name"],
            email=data["email"],
            phone=data["phone"],
            kind=data["kind"],
            preferred_dates=data["preferred_dates"],
            participants=data["participants"],
            wishes=data["wishes"],
        )
    except DatabaseError:
        logger.exception("Workshop request could not be saved")
        return _render(
            request,
            form,
            status=503,
            problem=_(
                "Het is niet gelukt uw aanvraag op te slaan. Dat ligt aan ons, niet aan u. Uw gegevens staan "
                "hieronder nog. Probeer het over een paar minuten opnieuw."
            ),
        )
    request.session[SESSION_SENT] = sent.pk
    return redirect("workshop_requests:sent")


@never_cache
@require_http_methods(["GET"])
def request_sent(request):
    pk = request.session.get(SESSION_SENT)
    sent = selectors.WorkshopRequest.objects.filter(pk=pk).first() if pk else None
    if sent is None:
        return redirect("workshop_requests:form")
    return render(request, "workshop_requests/sent.html", {"sent": sent})


@staff_view(roles=(Role.TRAINER,))
@require_http_methods(["GET"])
def request_list(request, municipality):
    requests = list(selectors.request_list(municipality=municipality))
    if requests:
        processing_log_record(
            actor=request.user,
            municipality=municipality,
            action=ProcessingAction.READ,
            activity="workshopaanvragen inzien",
            purpose=services.PURPOSE,
            data_subject=", ".join(sorted({r.contact_name for r in requests}))[:150],
            fields=["contact_name", "email", "phone"],
        )
    return render(
        request,
        "workshop_requests/list.html",
        {"municipality": municipality, "requests": requests, "statuses": RequestStatus.choices},
    )


@staff_view(roles=(Role.TRAINER,))
@require_http_methods(["POST"])
def request_status(request, municipality, pk):
    workshop_request = selectors.request_get(municipality=municipality, pk=pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "core/message.html",
            {"title": _("Niet gewijzigd"), "message": _("Kies een geldige status.")},
            status=400,
        )
    try:
        services.workshop_request_set_status(
            request=workshop_request, status=form.cleaned_data["status"], actor=request.user
        )
    except DatabaseError:
        logger.exception("Workshop request status could not be saved")
        return render(
            request,
            "core/message.html",
            {
                "title": _("Niet gelukt"),
                "message": _("De status is niet opgeslagen door een storing. Probeer het zo opnieuw."),
            },
            status=503,
        )
    messages.success(request, _("De status is bijgewerkt."))
    return redirect("workshop_requests:list", municipality_slug=municipality.slug)
