"""Assisted intake by a civil servant, and the printable letter for a resident without email."""

import logging

from django.contrib import messages
from django.db import DatabaseError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from burgeridee.accounts.decorators import staff_view
from burgeridee.initiatives import selectors as initiative_selectors
from burgeridee.initiatives.services import initiative_status_token_renew, status_link
from burgeridee.initiatives.tokens import token_hash
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .constants import INTAKE_ROLES
from .forms import IntakeForm
from .selectors import letter_state
from .services import initiative_intake

logger = logging.getLogger(__name__)

SESSION_LETTER = "burgeridee_intake_letter"


def _render_form(request, form, *, status=200, problem=""):
    return render(request, "intake/intake_form.html", {"form": form, "problem": problem}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=INTAKE_ROLES)
def intake_form(request, municipality):
    neighbourhoods = list(municipality.neighbourhoods.all())
    if request.method == "GET":
        return _render_form(request, IntakeForm(neighbourhoods=neighbourhoods))
    form = IntakeForm(request.POST, neighbourhoods=neighbourhoods)
    if not form.is_valid():
        return _render_form(request, form, status=400)
    try:
        submitted = initiative_intake(
            municipality=municipality,
            channel=form.cleaned_data["channel"],
            actor=request.user,
            **form.submission(),
        )
    except DatabaseError:
        logger.exception("Intake could not be saved")
        return _render_form(
            request,
            form,
            status=503,
            problem=_("Het opslaan is niet gelukt. Alles wat u invulde staat er nog. Probeer het zo opnieuw."),
        )
    request.session[SESSION_LETTER] = {"initiative_id": submitted.initiative.pk, "token": submitted.token}
    return redirect("intake:letter", municipality_slug=municipality.slug, pk=submitted.initiative.pk)


def _session_token(request, initiative) -> str | None:
    """The raw status token kept in this session for this initiative, if it still opens its status page."""
    stored = request.session.get(SESSION_LETTER) or {}
    token = stored.get("token")
    if stored.get("initiative_id") != initiative.pk or not token:
        return None
    return token if token_hash(token) == initiative.status_token_hash else None


@never_cache
@require_http_methods(["GET"])
@staff_view(roles=INTAKE_ROLES)
def letter(request, municipality, pk):
    initiative = initiative_selectors.initiative_get_for_staff(municipality=municipality, pk=pk)
    token = _session_token(request, initiative)
    if token is None:
        return _renew_warning(request, initiative)
    initiator = initiative.primary_initiator
    processing_record(
        municipality=municipality,
        actor=request.user,
        activity=Activity.INTAKE_LETTER_MAKE,
        initiative=initiative,
        data_subject=initiator,
    )
    response = render(
        request,
        "intake/letter.html",
        {
            "initiative": initiative,
            "initiator": initiator,
            "steps": initiative_selectors.resident_timeline(initiative=initiative),
            "status_url": status_link(initiative=initiative, token=token),
        },
    )
    response["Referrer-Policy"] = "same-origin"
    return response


def _renew_warning(request, initiative):
    """The step before a new letter: a new link ends the one the resident holds, so say which one first."""
    return render(
        request,
        "intake/letter_renew.html",
        {"initiative": initiative, "letter": letter_state(initiative=initiative)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=INTAKE_ROLES)
def letter_renew(request, municipality, pk):
    """GET: the warning (changes nothing). POST, from the warning's button: a new link, then the letter."""
    initiative = initiative_selectors.initiative_get_for_staff(municipality=municipality, pk=pk)
    if request.method == "GET":
        return _renew_warning(request, initiative)
    token = initiative_status_token_renew(initiative=initiative, actor=request.user)
    request.session[SESSION_LETTER] = {"initiative_id": initiative.pk, "token": token}
    messages.success(request, _("Er is een nieuwe persoonlijke link gemaakt. De oude link werkt niet meer."))
    return redirect("intake:letter", municipality_slug=municipality.slug, pk=initiative.pk)
