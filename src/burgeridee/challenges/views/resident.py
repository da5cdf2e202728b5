"""The resident's pages of the right to challenge: the explanation, the form, the confirmation and the
public register of decisions (also as CSV)."""

import logging

from django.conf import settings
from django.core import signing
from django.db import DatabaseError, IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from burgeridee.core.csvexport import csv_response
from burgeridee.core.ratelimit import limit_count, limit_reached
from burgeridee.initiatives import selectors as initiative_selectors
from burgeridee.initiatives.services import ActionRefused, status_link
from burgeridee.initiatives.views.resident import IDEA_LIMIT_GROUP
from burgeridee.municipalities.decorators import public_municipality

from .. import selectors, services
from ..forms import ChallengeForm

logger = logging.getLogger(__name__)

SUBMITTED_COOKIE = "burgeridee_challenge_submitted"
SUBMITTED_SALT = "burgeridee.challenges.submitted"
SUBMITTED_MAX_AGE = 5 * 60


def _cookie_path(municipality) -> str:
    return f"/{municipality.slug}/uitdaagrecht/"


@require_GET
@public_municipality
def info(request, municipality):
    current = services.settings_get_or_default(municipality=municipality)
    return render(
        request,
        "challenges/info.html",
        {
            "settings": current,
            "tasks": selectors.public_tasks(municipality=municipality) if current.is_enabled else [],
            "criteria": selectors.criteria_active(municipality=municipality) if current.is_enabled else [],
        },
    )


def _render_form(request, form, *, status=200, problem=""):
    return render(request, "challenges/form.html", {"form": form, "problem": problem}, status=status)


def _closed(request, municipality):
    return render(
        request,
        "core/message.html",
        {
            "title": _("Geen uitdaagrecht"),
            "message": _("Deze gemeente heeft (nog) geen uitdaagrecht. U kunt uw plan wel als gewoon idee delen."),
        },
        status=404,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality(neighbourhoods=True)
def challenge_form(request, municipality):
    if not services.settings_get_or_default(municipality=municipality).is_enabled:
        return _closed(request, municipality)
    kwargs = {
        "neighbourhoods": municipality.public_neighbourhoods,
        "tasks": selectors.public_tasks(municipality=municipality),
    }
    if request.method == "GET":
        initial = {}
        if request.GET.get("taak", "") in {str(task.pk) for task in kwargs["tasks"]}:
            initial["task"] = request.GET["taak"]
        return _render_form(request, ChallengeForm(initial=initial, **kwargs))

    form = ChallengeForm(request.POST, **kwargs)
    if form.is_spam:
        return render(
            request,
            "core/message.html",
            {"title": _("Niet verstuurd"), "message": _("Uw formulier kon niet worden verwerkt.")},
            status=400,
        )
    if not form.is_valid():
        return _render_form(request, form, status=400)
    # The same allowance as the idea form, counted in stored forms (a form with errors never counts).
    if limit_reached(request, group=IDEA_LIMIT_GROUP, rate=settings.RATELIMIT_IDEA_FORM) and not (
        initiative_selectors.initiative_submission_received(
            municipality=municipality, submission_key=form.cleaned_data.get("submission_key")
        )
    ):
        return _render_form(
            request,
            form,
            status=429,
            problem=_(
                "Vanaf uw internetadres zijn veel formulieren achter elkaar verstuurd. Uw uitdaging is nog niet "
                "verstuurd. Probeer het over een uur opnieuw, of bel de gemeente."
            ),
        )
    try:
        submitted = _submit(municipality, form)
    except ActionRefused as refused:
        form.add_error(None, str(refused))
        return _render_form(request, form, status=400)
    except DatabaseError:
        logger.exception("Challenge could not be saved")
        return _render_form(
            request,
            form,
            status=503,
            problem=_(
                "Het is niet gelukt uw uitdaging op te slaan. Dat ligt aan ons, niet aan u. Uw tekst staat "
                "hieronder nog. Probeer het over een paar minuten opnieuw."
            ),
        )
    if submitted.token is None:
        return render(
            request,
            "core/message.html",
            {
                "title": _("Uw uitdaging is al ontvangen"),
                "message": _(
                    "Dit formulier was al verstuurd. U hoeft niets meer te doen. De link naar uw eigen pagina "
                    "staat in de bevestiging die u van ons krijgt."
                ),
            },
        )
    limit_count(request, group=IDEA_LIMIT_GROUP, rate=settings.RATELIMIT_IDEA_FORM)
    response = redirect("challenges:submitted", municipality_slug=municipality.slug)
    response.set_signed_cookie(
        SUBMITTED_COOKIE,
        submitted.token,
        salt=SUBMITTED_SALT,
        max_age=SUBMITTED_MAX_AGE,
        path=_cookie_path(municipality),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _submit(municipality, form):
    data = form.cleaned_data
    for attempt in (1, 2):
        try:
            return services.challenge_submit(
                municipality=municipality, submission_key=data.get("submission_key"), **form.challenge_submission()
            )
        except IntegrityError:
            if attempt == 2 or not data.get("submission_key"):
                raise
    raise AssertionError("unreachable")


@never_cache
@require_GET
@public_municipality
def submitted(request, municipality):
    try:
        token = request.get_signed_cookie(SUBMITTED_COOKIE, salt=SUBMITTED_SALT, max_age=SUBMITTED_MAX_AGE)
    except (KeyError, signing.BadSignature):
        return redirect("challenges:form", municipality_slug=municipality.slug)
    initiative = initiative_selectors.initiative_get_by_token(municipality=municipality, token=token)
    challenge = selectors.challenge_for(initiative=initiative) if initiative else None
    if challenge is None:
        return redirect("challenges:form", municipality_slug=municipality.slug)
    response = render(
        request,
        "challenges/submitted.html",
        {
            "initiative": initiative,
            "challenge": challenge,
            "steps": selectors.resident_steps(challenge=challenge),
            "status_url": status_link(initiative=initiative, token=token),
            "token": token,
        },
    )
    response.delete_cookie(SUBMITTED_COOKIE, path=_cookie_path(municipality), samesite="Lax")
    return response


@require_GET
@public_municipality
def register(request, municipality):
    return render(
        request,
        "challenges/register.html",
        {
            "rows": selectors.register_rows(municipality=municipality),
            "settings": services.settings_get_or_default(municipality=municipality),
        },
    )


@require_GET
@public_municipality
def register_csv(request, municipality):
    response, writer = csv_response(f"uitdaagrecht-besluiten-{municipality.slug}.csv")
    writer.writerow([_("taak"), _("wijk"), _("besluit"), _("datum")])
    for row in selectors.register_rows(municipality=municipality):
        writer.writerow([row.task, row.neighbourhood, row.decision, row.decided_on.isoformat()])
    return response
