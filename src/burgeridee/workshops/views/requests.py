"""Requests for a workshop, training or coaching: the public form, and the trainer marking one handled."""

import logging

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from burgeridee.core.ratelimit import over_limit
from burgeridee.municipalities.decorators import public_municipality

from .. import selectors, services
from ..forms import WorkshopRequestForm
from .shared import trainer_view

logger = logging.getLogger(__name__)


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality
def request_form(request, municipality):
    context = {"municipality": municipality}
    if request.method == "GET":
        return render(request, "workshops/request_form.html", {**context, "form": WorkshopRequestForm()})
    form = WorkshopRequestForm(request.POST)
    context["form"] = form
    if form.is_spam:
        return render(
            request,
            "core/message.html",
            {"title": _("Niet verstuurd"), "message": _("Uw formulier kon niet worden verwerkt.")},
            status=400,
        )
    if over_limit(request, group="workshop-request", rate=settings.RATELIMIT_WORKSHOP_REQUEST):
        context["problem"] = _(
            "Vanaf uw internetadres zijn veel aanvragen verstuurd. Probeer het over een uur opnieuw."
        )
        return render(request, "workshops/request_form.html", context, status=429)
    if not form.is_valid():
        return render(request, "workshops/request_form.html", context, status=400)
    data = {key: value for key, value in form.cleaned_data.items() if key != "website"}
    try:
        services.workshop_request_submit(municipality=municipality, **data)
    except DatabaseError:
        logger.exception("Workshop request could not be saved")
        context["problem"] = _("Het opslaan lukte niet. Uw tekst staat hieronder nog. Probeer het straks opnieuw.")
        return render(request, "workshops/request_form.html", context, status=503)
    return render(
        request,
        "core/message.html",
        {
            "municipality": municipality,
            "title": _("Bedankt voor uw aanvraag"),
            "message": _("De trainer neemt contact met u op om de data en de inhoud af te stemmen."),
        },
    )


@require_POST
@trainer_view
def request_handled(request, municipality, request_pk):
    workshop_request = selectors.workshop_requests_open(municipality=municipality).filter(pk=request_pk).first()
    if workshop_request is None:
        raise Http404
    services.workshop_request_handle(workshop_request=workshop_request, actor=request.user)
    messages.success(request, _("De aanvraag is afgehandeld."))
    return redirect("workshops:list", municipality_slug=municipality.slug)
