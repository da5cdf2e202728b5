"""The initiative's page in the workspace and its actions, for staff (/werkplek/<gemeente>/initiatieven/<pk>/).

The page is drawn from panels (initiatives/panels.py): the apps above this one (hand-overs, deadlines, the
first conversation, the showcase, privacy) add their own sections without this module importing them.
"""

import logging

from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .. import services
from ..constants import MessageDirection
from ..models import Message
from ..panels import panels_for
from ..selectors import contact_choices, contact_people, initiative_get_for_staff, initiative_get_for_staff_page
from ..staff_forms import AssignForm, InitiatorForm, MessageForm, NoteForm, PhaseForm

logger = logging.getLogger(__name__)

PAGE_ROLES = (Role.COORDINATOR, Role.CONTACT, Role.ADMINISTRATOR)
HANDLER_ROLES = (Role.COORDINATOR, Role.CONTACT)


def _detail_forms(request, initiative, **bound):
    # Only a coordinator sees the contact person's <select>: nobody else pays for the municipality's staff list.
    can_assign = request.membership.has_role(Role.COORDINATOR)
    wanted = can_assign and "assign_form" not in bound
    contacts = contact_choices(municipality=initiative.municipality) if wanted else ()
    current = initiative.contact_person_id
    forms = {
        "phase_form": PhaseForm(initiative=initiative, prefix="fase"),
        "assign_form": AssignForm(contacts=contacts, prefix="contact", initial={"contact": current}),
        "message_form": MessageForm(prefix="bericht"),
        "note_form": NoteForm(prefix="notitie"),
        "initiator_form": InitiatorForm(prefix="kopgroep"),
    }
    forms.update(bound)
    return forms


def _render_detail(request, municipality, pk, *, status=200, problem="", **bound):
    initiative = initiative_get_for_staff_page(municipality=municipality, pk=pk)
    primary = initiative.primary_initiator
    processing_record(
        municipality=municipality,
        actor=request.user,
        activity=Activity.INITIATIVE_READ,
        initiative=initiative,
        data_subject=primary,
    )
    context = {
        "initiative": initiative,
        "primary": primary,
        "membership": request.membership,
        "can_assign": request.membership.has_role(Role.COORDINATOR),
        "can_handle": request.membership.has_role(*HANDLER_ROLES),
        "problem": problem,
        "unread": [m for m in initiative.messages.all() if m.direction == MessageDirection.INBOUND and not m.read_at],
        "letters_waiting": [m for m in initiative.messages.all() if m.letter_waiting],
        "panels": panels_for(request, initiative),
        **_detail_forms(request, initiative, **bound),
    }
    response = render(request, "initiatives/staff/initiative.html", context, status=status)
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
@require_http_methods(["GET"])
@staff_view(roles=PAGE_ROLES)
def initiative_detail(request, municipality, pk: int):
    return _render_detail(request, municipality, pk)


def _back(municipality, initiative, anchor=""):
    url = reverse("initiatives:staff_initiative", kwargs={"municipality_slug": municipality.slug, "pk": initiative.pk})
    return redirect(url + (f"#{anchor}" if anchor else ""))


def _action(request, municipality, pk, *, form_key, form, run, success, anchor):
    """Shared shape of every action: validate, run the service, redirect; or re-render with 400/503."""
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    if not form.is_valid():
        return _render_detail(request, municipality, pk, status=400, **{form_key: form})
    try:
        run(initiative, form)
    except services.ActionRefused as refused:
        form.add_error(None, str(refused))
        return _render_detail(request, municipality, pk, status=400, **{form_key: form})
    except DatabaseError:
        logger.exception("Workspace action failed")
        return _render_detail(
            request,
            municipality,
            pk,
            status=503,
            problem=_("Opslaan is niet gelukt. Uw tekst staat er nog. Probeer het over een paar minuten opnieuw."),
            **{form_key: form},
        )
    messages.success(request, success)
    return _back(municipality, initiative, anchor)


@require_POST
@staff_view(roles=HANDLER_ROLES)
def initiative_phase(request, municipality, pk: int):
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    form = PhaseForm(request.POST, initiative=initiative, prefix="fase")

    def run(initiative, form):
        services.initiative_phase_change(
            initiative=initiative,
            to_phase=form.cleaned_data["to_phase"],
            actor=request.user,
            stop_reason=form.cleaned_data["stop_reason"],
            note=form.cleaned_data["note"],
        )

    return _action(
        request,
        municipality,
        pk,
        form_key="phase_form",
        form=form,
        run=run,
        success=_("De fase is gewijzigd."),
        anchor="fase",
    )


@require_POST
@staff_view(roles=(Role.COORDINATOR,))
def initiative_assign(request, municipality, pk: int):
    form = AssignForm(request.POST, contacts=contact_people(municipality=municipality), prefix="contact")

    def run(initiative, form):
        services.initiative_assign_contact(initiative=initiative, contact=form.selected, actor=request.user)

    return _action(
        request,
        municipality,
        pk,
        form_key="assign_form",
        form=form,
        run=run,
        success=_("De contactpersoon is gekoppeld. De bewoner krijgt een bericht met naam en bereikbaarheid."),
        anchor="contactpersoon",
    )


@require_POST
@staff_view(roles=HANDLER_ROLES)
def initiative_first_contact(request, municipality, pk: int):
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    services.initiative_first_contact_made(initiative=initiative, actor=request.user)
    messages.success(request, _("Vastgelegd: er is eerste contact geweest."))
    return _back(municipality, initiative)


@require_POST
@staff_view(roles=HANDLER_ROLES)
def message_send(request, municipality, pk: int):
    form = MessageForm(request.POST, prefix="bericht")

    def run(initiative, form):
        services.message_to_resident(initiative=initiative, body=form.cleaned_data["body"], actor=request.user)

    return _action(
        request,
        municipality,
        pk,
        form_key="message_form",
        form=form,
        run=run,
        success=_("Het bericht is opgeslagen."),
        anchor="berichten",
    )


def _message(initiative, message_pk):
    return get_object_or_404(Message, initiative=initiative, pk=message_pk)


@require_POST
@staff_view(roles=HANDLER_ROLES)
def message_read(request, municipality, pk: int, message_pk: int):
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    services.message_mark_read(message=_message(initiative, message_pk), actor=request.user)
    messages.success(request, _("Het bericht is als gelezen gemarkeerd."))
    return _back(municipality, initiative, "berichten")


@never_cache
@require_http_methods(["GET"])
@staff_view(roles=HANDLER_ROLES)
def message_letter(request, municipality, pk: int, message_pk: int):
    """A message as a letter to print and post (or read out on the phone)."""
    initiative = initiative_get_for_staff_page(municipality=municipality, pk=pk)
    message = _message(initiative, message_pk)
    if message.direction != MessageDirection.OUTBOUND:
        raise Http404
    primary = initiative.primary_initiator
    processing_record(
        municipality=municipality,
        actor=request.user,
        activity=Activity.RESIDENT_LETTER_MAKE,
        initiative=initiative,
        data_subject=primary,
    )
    return render(
        request,
        "initiatives/staff/letter.html",
        {"initiative": initiative, "message": message, "primary": primary, "today": timezone.localdate()},
    )


@require_POST
@staff_view(roles=HANDLER_ROLES)
def message_letter_sent(request, municipality, pk: int, message_pk: int):
    """The letter was printed and posted: the initiative page stops showing it as waiting."""
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    message = _message(initiative, message_pk)
    if not message.letter_waiting:
        raise Http404
    services.message_letter_sent(message=message, actor=request.user)
    messages.success(request, _("Vastgelegd: de brief is verstuurd."))
    return _back(municipality, initiative, "berichten")


@require_POST
@staff_view(roles=HANDLER_ROLES)
def note_add(request, municipality, pk: int):
    form = NoteForm(request.POST, prefix="notitie")

    def run(initiative, form):
        services.note_add(initiative=initiative, body=form.cleaned_data["body"], actor=request.user)

    return _action(
        request,
        municipality,
        pk,
        form_key="note_form",
        form=form,
        run=run,
        success=_("De notitie is opgeslagen."),
        anchor="notities",
    )


@require_POST
@staff_view(roles=HANDLER_ROLES)
def initiator_add(request, municipality, pk: int):
    form = InitiatorForm(request.POST, prefix="kopgroep")

    def run(initiative, form):
        services.initiator_add(initiative=initiative, actor=request.user, **form.cleaned_data)

    return _action(
        request,
        municipality,
        pk,
        form_key="initiator_form",
        form=form,
        run=run,
        success=_("Het lid van de kopgroep is toegevoegd."),
        anchor="initiatiefnemers",
    )
