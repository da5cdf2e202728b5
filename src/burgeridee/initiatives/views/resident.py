"""The resident's pages: the idea form, the confirmation and the personal status page."""

import hashlib
import logging

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.cache import caches
from django.db import DatabaseError, IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from burgeridee.core.ratelimit import limit_count, limit_reached, over_limit
from burgeridee.municipalities.decorators import public_municipality

from .. import selectors, services
from ..forms import IdeaForm, MessageForm, WithdrawForm
from ..timelines import resident_route_related, resident_steps

logger = logging.getLogger(__name__)

# The confirmation page finds the new idea through a short-lived signed cookie, not the session: after
# the idea is committed nothing else needs the database, so an outage at that moment cannot turn a
# saved idea into an error page (and residents get no session row at all).
SUBMITTED_COOKIE = "burgeridee_submitted"
SUBMITTED_SALT = "burgeridee.initiatives.submitted"
# Long enough to follow the redirect; the page deletes the cookie when it has shown the link once, so
# the next person at a shared (library) computer cannot reopen it.
SUBMITTED_MAX_AGE = 5 * 60
# Ideas stored per address (RATELIMIT_IDEA_FORM): counted after saving, checked before.
IDEA_LIMIT_GROUP = "idea-form"


def _idea_limit_reached(request) -> bool:
    return limit_reached(request, group=IDEA_LIMIT_GROUP, rate=settings.RATELIMIT_IDEA_FORM)


IDEA_FORM_FIELDS_TEMPLATE = "initiatives/_idea_form_fieldsets.html"
# The blank form's questions, per process (settings CACHES "local"): no personal data, and a new list of
# neighbourhoods makes a new key, so an hour only limits how long an unused entry stays.
IDEA_FORM_FIELDS_SECONDS = 60 * 60


def _idea_form_fields_key(municipality, form) -> str:
    """What the blank form's questions depend on: the municipality, the language and its choice of neighbourhoods
    (ids and names as shown; the themes and kinds of help are fixed in the code, their labels follow the language)."""
    choices = repr(list(form.fields["neighbourhood"].choices)).encode()
    digest = hashlib.sha256(choices).hexdigest()[:32]
    return f"initiatives:idea-form-fields:{municipality.pk}:{get_language()}:{digest}"


def _idea_form_fields(municipality, form) -> str:
    """The form's questions as HTML. A blank form is the same for everyone who opens it (its one-time key and the
    CSRF token are outside this part), so it is rendered once and then taken from the cache: the 17 fields with
    their widgets were most of the page's time. A filled-in form (typed values, errors) is rendered every time."""
    form.errors  # noqa: B018 - cleans the form first, which links descriptions and errors to the controls
    if form.is_bound:
        return render_to_string(IDEA_FORM_FIELDS_TEMPLATE, {"form": form})
    cache = caches["local"]
    key = _idea_form_fields_key(municipality, form)
    html = cache.get(key)
    if html is None:
        html = render_to_string(IDEA_FORM_FIELDS_TEMPLATE, {"form": form})
        cache.set(key, html, IDEA_FORM_FIELDS_SECONDS)
    return html


def _render_idea_form(request, form, *, status=200, problem: str = ""):
    context = {"form": form, "problem": problem, "form_fields": _idea_form_fields(request.municipality, form)}
    return render(request, "initiatives/idea_form.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality(neighbourhoods=True)
def idea_form(request, municipality):
    neighbourhoods = municipality.public_neighbourhoods
    if request.method == "GET":
        return _render_idea_form(request, IdeaForm(neighbourhoods=neighbourhoods))

    form = IdeaForm(request.POST, neighbourhoods=neighbourhoods)
    if form.is_spam:
        return render(
            request,
            "core/message.html",
            {"title": _("Niet verstuurd"), "message": _("Uw formulier kon niet worden verwerkt.")},
            status=400,
        )
    if not form.is_valid():
        return _render_idea_form(request, form, status=400)
    # The limit counts stored ideas, not requests: a form with errors or the same form sent again
    # (a double click) never uses up the allowance. A repeat after the limit is still answered as received.
    if _idea_limit_reached(request) and not selectors.initiative_submission_received(
        municipality=municipality, submission_key=form.cleaned_data.get("submission_key")
    ):
        return _render_idea_form(
            request,
            form,
            status=429,
            problem=_(
                "Vanaf uw internetadres zijn veel formulieren achter elkaar verstuurd. Uw idee is nog niet "
                "verstuurd. Probeer het over een uur opnieuw, of bel de gemeente."
            ),
        )

    try:
        submitted = _submit(municipality, form)
    except DatabaseError:
        logger.exception("Idea could not be saved")
        return _render_idea_form(
            request,
            form,
            status=503,
            problem=_(
                "Het is niet gelukt uw idee op te slaan. Dat ligt aan ons, niet aan u. Uw tekst staat hieronder "
                "nog. Probeer het over een paar minuten opnieuw."
            ),
        )
    if submitted.token is not None:  # a new idea was stored: it counts towards the address's limit
        limit_count(request, group=IDEA_LIMIT_GROUP, rate=settings.RATELIMIT_IDEA_FORM)
    if submitted.token is None:  # the same form again: received, but the link is shown only once
        return render(
            request,
            "core/message.html",
            {
                "title": _("Uw idee is al ontvangen"),
                "message": _(
                    "Dit formulier was al verstuurd. U hoeft niets meer te doen. De link naar uw eigen pagina "
                    "staat in de bevestiging die u van ons krijgt."
                ),
            },
        )
    response = redirect("initiatives:submitted", municipality_slug=municipality.slug)
    response.set_signed_cookie(
        SUBMITTED_COOKIE,
        submitted.token,
        salt=SUBMITTED_SALT,
        max_age=SUBMITTED_MAX_AGE,
        path=f"/{municipality.slug}/idee/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _submit(municipality, form):
    """Save the idea; a second form with the same key (a double click) finds the first one."""
    data = form.cleaned_data
    for attempt in (1, 2):
        try:
            return _submit_once(municipality, form, data)
        except IntegrityError:
            if attempt == 2 or not data.get("submission_key"):
                raise
    raise AssertionError("unreachable")


def _submit_once(municipality, form, data):
    return services.initiative_submit(
        municipality=municipality, submission_key=data.get("submission_key"), **form.submission()
    )


@never_cache
@require_http_methods(["GET"])
@public_municipality
def idea_submitted(request, municipality):
    try:
        value = request.get_signed_cookie(SUBMITTED_COOKIE, salt=SUBMITTED_SALT, max_age=SUBMITTED_MAX_AGE)
    except (KeyError, signing.BadSignature):
        return redirect("initiatives:idea_form", municipality_slug=municipality.slug)
    token = value
    # The page shows the time line (its own queries) and the primary initiator's address; no messages or help.
    initiative = selectors.initiative_get_by_token(
        municipality=municipality, token=token, related=("initiators",), select=resident_route_related()
    )
    if initiative is None:
        return redirect("initiatives:idea_form", municipality_slug=municipality.slug)
    response = render(
        request,
        "initiatives/idea_submitted.html",
        {
            "initiative": initiative,
            "steps": resident_steps(initiative=initiative),
            "status_url": services.status_link(initiative=initiative, token=token),
            "token": token,
        },
    )
    response.delete_cookie(SUBMITTED_COOKIE, path=f"/{municipality.slug}/idee/", samesite="Lax")
    return response


def _status_initiative(municipality, token, *, related=None):
    """The initiative of the status link (404 when wrong or expired). By default with all the status page shows:
    its relations, the events of both its lists, whether a deletion request is open and the resident routes'
    relations, in three queries besides the initiative's own."""
    if related is None:
        initiative = selectors.initiative_get_by_token(
            municipality=municipality,
            token=token,
            related=selectors.STATUS_PAGE_RELATED,
            open_deletion_request=True,
            select=resident_route_related(),
        )
    else:
        initiative = selectors.initiative_get_by_token(municipality=municipality, token=token, related=related)
    if initiative is None:
        raise Http404
    return initiative


def _render_status(request, initiative, token, *, message_form=None, status=200):
    steps = resident_steps(initiative=initiative)
    # "Wat er is gebeurd": the events shown to the resident (the time line's internal ones came in the same query).
    visible_events = [event for event in initiative.resident_events if event.visible_to_resident]
    response = render(
        request,
        "initiatives/status.html",
        {
            "initiative": initiative,
            "token": token,
            "steps": steps,
            "visible_events": visible_events,
            # Still waiting for the first contact promised by a date (not made, not planned as a conversation).
            "contact_promised": any(step.key == "contact" and not step.is_done for step in steps),
            "message_form": message_form or MessageForm(),
            "open_deletion_request": initiative.has_open_deletion_request,
        },
        status=status,
    )
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET"])
@public_municipality
def status_page(request, municipality, token):
    initiative = _status_initiative(municipality, token)
    return _render_status(request, initiative, token)


def _render_status_again(request, municipality, token, message_form, *, status):
    """The status page with the message form as sent (its error, the text typed), everything read afresh."""
    initiative = _status_initiative(municipality, token)
    return _render_status(request, initiative, token, message_form=message_form, status=status)


@never_cache
@require_http_methods(["POST"])
@public_municipality
def status_message(request, municipality, token):
    # Sending needs only the initiative's own row; the whole page (its relations) is read only when the form
    # comes back with an error. The page after sending is the status page itself (a redirect).
    initiative = _status_initiative(municipality, token, related=())
    form = MessageForm(request.POST)
    if initiative.is_closed:
        messages.error(request, _("Dit initiatief is afgesloten. U kunt geen bericht meer sturen."))
        return redirect("initiatives:status", municipality_slug=municipality.slug, token=token)
    if over_limit(request, group="status-message", rate=settings.RATELIMIT_MESSAGE_FORM):
        form.is_valid()
        form.add_error(None, _("U heeft veel berichten achter elkaar gestuurd. Probeer het over een uur opnieuw."))
        return _render_status_again(request, municipality, token, form, status=429)
    if not form.is_valid():
        return _render_status_again(request, municipality, token, form, status=400)
    try:
        services.message_from_resident(initiative=initiative, body=form.cleaned_data["body"])
    except DatabaseError:
        logger.exception("Resident message could not be saved")
        form.add_error(
            None,
            _("Het is niet gelukt uw bericht op te slaan. Uw tekst staat er nog. Probeer het zo opnieuw."),
        )
        return _render_status_again(request, municipality, token, form, status=503)
    messages.success(request, _("Uw bericht is verstuurd. Uw contactpersoon leest het."))
    return redirect("initiatives:status", municipality_slug=municipality.slug, token=token)


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality
def status_withdraw(request, municipality, token):
    # The form shows the title and reference; the service reads the row again, locked.
    initiative = _status_initiative(municipality, token, related=())
    if initiative.is_closed:
        return redirect("initiatives:status", municipality_slug=municipality.slug, token=token)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.initiative_withdraw(initiative=initiative, note=form.cleaned_data["note"])
        messages.success(request, _("U heeft uw idee ingetrokken. Wij doen er niets meer mee."))
        return redirect("initiatives:status", municipality_slug=municipality.slug, token=token)
    response = render(
        request,
        "initiatives/withdraw.html",
        {"initiative": initiative, "token": token, "form": form},
        status=400 if form.errors else 200,
    )
    response["Referrer-Policy"] = "same-origin"
    return response
