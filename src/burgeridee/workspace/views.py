"""The civil servant's workspace: inbox, the initiative page and its actions, the processing log."""

import logging

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_login_required, staff_view
from burgeridee.accounts.selectors import membership_list
from burgeridee.deadlines.selectors import follow_up_list_for_initiative
from burgeridee.handovers.selectors import handover_list_for_initiative
from burgeridee.initiatives import services
from burgeridee.initiatives.constants import MessageDirection
from burgeridee.initiatives.models import Message
from burgeridee.initiatives.selectors import initiative_get_for_staff, initiative_get_for_staff_page
from burgeridee.privacy.selectors import data_subject_names, processing_log_for_initiative
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from . import selectors
from .forms import AssignForm, InboxFilterForm, InitiatorForm, MessageForm, NoteForm, PhaseForm

logger = logging.getLogger(__name__)

INBOX_ROLES = (Role.COORDINATOR, Role.CONTACT, Role.ADMINISTRATOR)
HANDLER_ROLES = (Role.COORDINATOR, Role.CONTACT)
PAGE_SIZE = 25


@never_cache
@staff_login_required
def home(request):
    """/werkplek/: straight to the inbox of the user's municipality, or a choice when there are several."""
    memberships = membership_list(user=request.user)
    if len(memberships) == 1:
        return redirect("workspace:inbox", municipality_slug=memberships[0].municipality.slug)
    return render(request, "workspace/choose.html", {"memberships": memberships})


@never_cache
@require_http_methods(["GET"])
@staff_view(roles=INBOX_ROLES)
def inbox(request, municipality):
    tab = request.GET.get("tab", selectors.TAB_NEW)
    if tab not in selectors.TABS:
        tab = selectors.TAB_NEW
    contacts = selectors.contact_people(municipality=municipality)
    form = InboxFilterForm(request.GET or None, neighbourhoods=municipality.neighbourhoods.all(), contacts=contacts)
    filters = form.filters(tab=tab)
    paginator = Paginator(
        selectors.inbox_list(municipality=municipality, user=request.user, filters=filters), PAGE_SIZE
    )
    page = paginator.get_page(request.GET.get("pagina"))
    kept = [(key, value) for key, value in request.GET.items() if key not in {"tab", "pagina"} and value]
    counts = selectors.inbox_counts(municipality=municipality, user=request.user)
    tabs = [
        {
            "key": key,
            "label": label,
            "count": counts[key.replace("-", "_")],
            "url": "?" + urlencode([("tab", key), *kept]),
            "current": key == tab,
        }
        for key, label in (
            (selectors.TAB_NEW, _("Nieuw")),
            (selectors.TAB_MINE, _("Mijn initiatieven")),
            (selectors.TAB_OVERDUE, _("Te laat")),
            (selectors.TAB_ALL, _("Alle")),
        )
    ]
    page_query = urlencode([("tab", tab), *kept])
    return render(
        request,
        "workspace/inbox.html",
        {
            "form": form,
            "tab": tab,
            "tabs": tabs,
            "current_tab": next(t for t in tabs if t["current"]),
            "page": page,
            "page_query": page_query,
            "filtered": bool(kept),
        },
    )


# --- The initiative page ---------------------------------------------------------------------------


def _detail_forms(request, initiative, **bound):
    contacts = selectors.contact_people(municipality=initiative.municipality)
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
        "is_admin": request.membership.has_role(Role.ADMINISTRATOR),
        "problem": problem,
        "unread": [m for m in initiative.messages.all() if m.direction == MessageDirection.INBOUND and not m.read_at],
        "handovers": handover_list_for_initiative(initiative=initiative),
        "follow_ups": follow_up_list_for_initiative(initiative=initiative),
        **_detail_forms(request, initiative, **bound),
    }
    response = render(request, "workspace/initiative.html", context, status=status)
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
@require_http_methods(["GET"])
@staff_view(roles=INBOX_ROLES)
def initiative_detail(request, municipality, pk: int):
    return _render_detail(request, municipality, pk)


def _back(municipality, initiative, anchor=""):
    url = reverse("workspace:initiative", kwargs={"municipality_slug": municipality.slug, "pk": initiative.pk})
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
    form = AssignForm(request.POST, contacts=selectors.contact_people(municipality=municipality), prefix="contact")

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
        "workspace/letter.html",
        {"initiative": initiative, "message": message, "primary": primary, "today": timezone.localdate()},
    )


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


# --- Processing log ---------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET"])
@staff_view(roles=(Role.ADMINISTRATOR,))
def processing_log(request, municipality, pk: int):
    """Administrator only: who read or changed this initiative's personal data, when and why."""
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    entries = processing_log_for_initiative(municipality=municipality, initiative=initiative)
    page = Paginator(entries, 100).get_page(request.GET.get("pagina"))
    # The log holds pseudonyms; the administrator sees this initiative's initiators anyway.
    names = data_subject_names(initiative.initiators.all())
    rows = [(entry, names.get(entry.data_subject_id, "")) for entry in page.object_list]
    return render(request, "workspace/processing_log.html", {"initiative": initiative, "page": page, "rows": rows})
