"""Before the conversation: plan it (and invite the resident), print the invitation letter, prepare it."""

import logging

from django.contrib import messages
from django.db import DatabaseError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from burgeridee.accounts.decorators import staff_view
from burgeridee.documents.rendering import pdf_response, render_pdf
from burgeridee.records.vocabulary import Activity

from .. import selectors, services
from ..constants import Moment
from ..forms import PlanForm
from .shared import STAFF, _log, conversation_or_redirect, to_plan

logger = logging.getLogger(__name__)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF)
def plan(request, municipality, pk):
    initiative, conversation = conversation_or_redirect(municipality, pk)
    if conversation is not None:
        local = timezone.localtime(conversation.starts_at)
        initial = {
            "day": local.date(),
            "start": local.time(),
            "duration_minutes": conversation.duration_minutes,
            "place": conversation.place,
            "participants": conversation.participants,
        }
    else:
        suggestion = ", ".join(
            part for part in [initiative.location, getattr(initiative.neighbourhood, "name", "")] if part
        )
        initial = {"duration_minutes": 60, "place": suggestion}
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if initiative.is_closed:
            messages.error(request, _("Dit initiatief is afgesloten. Er valt geen gesprek meer te plannen."))
            return redirect("conversations:plan", municipality_slug=municipality.slug, pk=initiative.pk)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.conversation_plan(
                    initiative=initiative,
                    starts_at=data["starts_at"],
                    place=data["place"],
                    participants=data["participants"],
                    duration_minutes=data["duration_minutes"] or 60,
                    actor=request.user,
                )
            except DatabaseError:
                logger.exception("Conversation could not be planned")
                form.add_error(None, _("Opslaan lukte niet. Uw invoer staat er nog; probeer het zo opnieuw."))
                return _render_plan(request, initiative, conversation, form, status=503)
            _log(request, initiative, Activity.CONVERSATION_INVITATION_SEND)
            if services.resident_wants_email(initiative):
                messages.success(request, _("Het gesprek is gepland. De bewoner krijgt een uitnodiging per e-mail."))
            else:
                messages.success(request, _("Het gesprek is gepland. Print de uitnodigingsbrief en stuur die op."))
            return redirect("conversations:plan", municipality_slug=municipality.slug, pk=initiative.pk)
        return _render_plan(request, initiative, conversation, form, status=400)
    _log(request, initiative, Activity.CONVERSATION_PLAN)
    return _render_plan(request, initiative, conversation, form)


def _render_plan(request, initiative, conversation, form, status=200):
    return render(
        request,
        "conversations/plan.html",
        {
            "initiative": initiative,
            "conversation": conversation,
            "form": form,
            "initiator": initiative.primary_initiator,
            "by_email": services.resident_wants_email(initiative),
        },
        status=status,
    )


@staff_view(roles=STAFF)
def invitation_letter(request, municipality, pk):
    """The invitation as a letter to print, for a resident without email (or who prefers post)."""
    initiative, conversation = conversation_or_redirect(municipality, pk)
    if conversation is None:
        return to_plan(municipality, initiative)
    _log(request, initiative, Activity.CONVERSATION_INVITATION_LETTER)
    pdf = render_pdf(
        "conversations/pdf/invitation_letter.html",
        {
            "municipality": municipality,
            "initiative": initiative,
            "conversation": conversation,
            "initiator": initiative.primary_initiator,
            "today": timezone.localdate(),
        },
    )
    return pdf_response(pdf, filename=f"uitnodiging-{initiative.reference}.pdf")


def preparation_context(initiative, conversation) -> dict:
    """The preparation page's and sheet's context (also used by the `pdf_timings` command)."""
    model = conversation.model if conversation else services.conversation_model_for(initiative=initiative)
    return {
        "initiative": initiative,
        "conversation": conversation,
        "model": model,
        "similar": selectors.initiatives_similar(initiative=initiative),
        "before": selectors.checklist(model=model, moment=Moment.BEFORE),
        "phases": selectors.phases_active(model=model),
        "checks": selectors.rule_checks(initiative=initiative),
    }


@never_cache
@staff_view(roles=STAFF)
def prepare(request, municipality, pk):
    initiative, conversation = conversation_or_redirect(municipality, pk)
    _log(request, initiative, Activity.CONVERSATION_PREPARE)
    return render(request, "conversations/prepare.html", preparation_context(initiative, conversation))


@staff_view(roles=STAFF)
def prepare_pdf(request, municipality, pk):
    initiative, conversation = conversation_or_redirect(municipality, pk)
    _log(request, initiative, Activity.CONVERSATION_PREPARATION_EXPORT)
    context = preparation_context(initiative, conversation) | {"municipality": municipality}
    return pdf_response(
        render_pdf("conversations/pdf/preparation.html", context), filename=f"voorbereiding-{initiative.reference}.pdf"
    )
