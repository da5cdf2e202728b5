"""Staff pages for the first conversation, the coordinator's model editor, and the resident's page."""

import logging
import re

from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.documents.rendering import pdf_response, render_pdf
from burgeridee.initiatives.selectors import initiative_get_for_staff
from burgeridee.municipalities.decorators import public_municipality
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from . import selectors, services
from .constants import PITFALLS, ConversationStatus, Moment, ReportStatus, Rung
from .forms import (
    ChecklistItemAddForm,
    ChecklistItemForm,
    ConversationForm,
    PhaseAddForm,
    PhaseForm,
    PlanForm,
    ReflectionForm,
    ReportForm,
    ResidentResponseForm,
)

logger = logging.getLogger(__name__)

STAFF = (Role.CONTACT, Role.COORDINATOR)


def _log(request, initiative, activity: Activity):
    processing_record(
        municipality=initiative.municipality,
        actor=request.user,
        activity=activity,
        initiative=initiative,
        data_subject=initiative.primary_initiator,
    )


def _conversation_or_redirect(municipality, pk):
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    return initiative, selectors.conversation_for_initiative(initiative=initiative)


def _to_plan(municipality, initiative):
    return redirect("conversations:plan", municipality_slug=municipality.slug, pk=initiative.pk)


# --- The coordinator's model editor --------------------------------------------------------------------


@never_cache
@staff_view(roles=(Role.COORDINATOR,))
def model_overview(request, municipality):
    current = services.conversation_model_ensure_default(municipality=municipality)
    draft = selectors.conversation_model_draft(municipality=municipality)
    shown = draft or current
    return render(
        request,
        "conversations/model_overview.html",
        {
            "current": current,
            "draft": draft,
            "shown": shown,
            "phases": list(shown.phases.all()),
            "checklist": selectors.checklist_by_moment_all(model=shown),
            "versions": selectors.conversation_model_versions(municipality=municipality),
            "pitfalls": PITFALLS,
            "totals": selectors.reflection_totals(municipality=municipality),
        },
    )


@require_POST
@staff_view(roles=(Role.COORDINATOR,))
def model_draft_start(request, municipality):
    services.conversation_model_draft_get_or_create(municipality=municipality)
    messages.success(request, _("U werkt nu in een concept. Gesprekken gebruiken de gepubliceerde versie."))
    return redirect("conversations:model", municipality_slug=municipality.slug)


def _draft_or_redirect(request, municipality, item):
    if not item.model.is_draft:
        messages.error(request, _("Een gepubliceerde versie verandert niet. Begin eerst een concept."))
        return redirect("conversations:model", municipality_slug=municipality.slug)
    return None


def _model_form(request, municipality, form, *, save, success: str, title: str):
    """One edit form of the draft conversation model: save and go back, or show it again (400 on errors)."""
    if request.method == "POST" and form.is_valid():
        save(form.cleaned_data)
        messages.success(request, success)
        return redirect("conversations:model", municipality_slug=municipality.slug)
    return render(
        request,
        "conversations/model_form.html",
        {"form": form, "title": title},
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=(Role.COORDINATOR,))
def model_phase_edit(request, municipality, pk):
    phase = selectors.model_phase_get(municipality=municipality, pk=pk)
    if response := _draft_or_redirect(request, municipality, phase):
        return response
    initial = {
        "title": phase.title,
        "purpose": phase.purpose,
        "guiding_questions": phase.guiding_questions,
        "pitfall_reminder": phase.pitfall_reminder,
        "pitfall_ids": phase.pitfall_ids,
        "is_active": phase.is_active,
    }
    form = PhaseForm(request.POST or None, initial=initial)
    return _model_form(
        request,
        municipality,
        form,
        save=lambda data: services.phase_update(phase=phase, **data),
        success=_("De fase is aangepast in het concept."),
        title=_("Fase aanpassen: %(title)s") % {"title": phase.title},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=(Role.COORDINATOR,))
def model_phase_add(request, municipality):
    draft = selectors.conversation_model_draft(municipality=municipality)
    if draft is None:
        return redirect("conversations:model", municipality_slug=municipality.slug)
    form = PhaseAddForm(request.POST or None)
    return _model_form(
        request,
        municipality,
        form,
        save=lambda data: services.phase_add(model=draft, **data),
        success=_("De fase is toegevoegd aan het concept."),
        title=_("Fase toevoegen"),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=(Role.COORDINATOR,))
def model_item_edit(request, municipality, pk):
    item = selectors.checklist_item_get(municipality=municipality, pk=pk)
    if response := _draft_or_redirect(request, municipality, item):
        return response
    form = ChecklistItemForm(request.POST or None, initial={"text": item.text, "is_active": item.is_active})
    return _model_form(
        request,
        municipality,
        form,
        save=lambda data: services.checklist_item_update(item=item, **data),
        success=_("Het punt is aangepast in het concept."),
        title=_("Punt van de checklist aanpassen"),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=(Role.COORDINATOR,))
def model_item_add(request, municipality):
    draft = selectors.conversation_model_draft(municipality=municipality)
    if draft is None:
        return redirect("conversations:model", municipality_slug=municipality.slug)
    form = ChecklistItemAddForm(request.POST or None, initial={"moment": request.GET.get("moment")})
    return _model_form(
        request,
        municipality,
        form,
        save=lambda data: services.checklist_item_add(model=draft, **data),
        success=_("Het punt is toegevoegd aan het concept."),
        title=_("Punt toevoegen aan de checklist"),
    )


@require_POST
@staff_view(roles=(Role.COORDINATOR,))
def model_move(request, municipality):
    kind = request.POST.get("kind")
    try:
        pk = int(request.POST.get("pk", ""))
    except ValueError as error:
        raise Http404 from error
    if kind == "phase":
        item = selectors.model_phase_get(municipality=municipality, pk=pk)
    elif kind == "item":
        item = selectors.checklist_item_get(municipality=municipality, pk=pk)
    else:
        raise Http404
    if response := _draft_or_redirect(request, municipality, item):
        return response
    services.item_move(item=item, up=request.POST.get("direction") == "up")
    return redirect(
        reverse("conversations:model", kwargs={"municipality_slug": municipality.slug}) + f"#{kind}-{item.pk}"
    )


@require_POST
@staff_view(roles=(Role.COORDINATOR,))
def model_publish(request, municipality):
    draft = selectors.conversation_model_draft(municipality=municipality)
    if draft is not None:
        model = services.conversation_model_publish(model=draft, actor=request.user)
        messages.success(
            request,
            _("Versie %(version)s is gepubliceerd. Nieuwe gesprekken gebruiken deze versie.")
            % {"version": model.version},
        )
    return redirect("conversations:model", municipality_slug=municipality.slug)


@require_POST
@staff_view(roles=(Role.COORDINATOR,))
def model_discard(request, municipality):
    draft = selectors.conversation_model_draft(municipality=municipality)
    if draft is not None:
        services.conversation_model_discard_draft(model=draft)
        messages.success(request, _("Het concept is weggegooid."))
    return redirect("conversations:model", municipality_slug=municipality.slug)


@staff_view(roles=(Role.COORDINATOR, Role.CONTACT, Role.TRAINER))
def checklist_pdf(request, municipality):
    """The blank checklist for the first conversation: the workshop hand-out."""
    model = services.conversation_model_ensure_default(municipality=municipality)
    pdf = render_pdf(
        "conversations/pdf/checklist.html",
        {
            "municipality": municipality,
            "model": model,
            "checklist": selectors.checklist_by_moment(model=model),
            "phases": selectors.phases_active(model=model),
        },
        reuse=True,  # the same blank checklist for every colleague, until the model changes
    )
    return pdf_response(pdf, filename="checklist-eerste-gesprek.pdf")


# --- Planning ------------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF)
def plan(request, municipality, pk):
    initiative, conversation = _conversation_or_redirect(municipality, pk)
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
    initiative, conversation = _conversation_or_redirect(municipality, pk)
    if conversation is None:
        return _to_plan(municipality, initiative)
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


# --- Preparation ---------------------------------------------------------------------------------------


def _preparation_context(initiative, conversation):
    model = (
        conversation.model
        if conversation
        else services.conversation_model_ensure_default(municipality=initiative.municipality)
    )
    return {
        "initiative": initiative,
        "conversation": conversation,
        "model": model,
        "similar": selectors.initiatives_similar(initiative=initiative),
        "before": selectors.checklist(model=model, moment=Moment.BEFORE),
        "phases": selectors.phases_active(model=model),
        "checks": selectors.rule_checks(initiative=initiative),
        "pitfalls": PITFALLS,
    }


@never_cache
@staff_view(roles=STAFF)
def prepare(request, municipality, pk):
    initiative, conversation = _conversation_or_redirect(municipality, pk)
    _log(request, initiative, Activity.CONVERSATION_PREPARE)
    return render(request, "conversations/prepare.html", _preparation_context(initiative, conversation))


@staff_view(roles=STAFF)
def prepare_pdf(request, municipality, pk):
    initiative, conversation = _conversation_or_redirect(municipality, pk)
    _log(request, initiative, Activity.CONVERSATION_PREPARATION_EXPORT)
    context = _preparation_context(initiative, conversation) | {"municipality": municipality}
    return pdf_response(
        render_pdf("conversations/pdf/preparation.html", context), filename=f"voorbereiding-{initiative.reference}.pdf"
    )


# --- The conversation screen ---------------------------------------------------------------------------


AGREEMENT_FIELD = re.compile(r"^agreement_(\d{1,2})_(?:what|who|due)$")
MAX_AGREEMENTS = 40


def _agreement_count(existing: int, names) -> int:
    """Enough agreement rows for what exists and for every row the page showed (and may post)."""
    posted = [int(m.group(1)) + 1 for name in names if (m := AGREEMENT_FIELD.match(name))]
    return min(max([existing, *posted]), MAX_AGREEMENTS)


def _conversation_form(conversation, data=None, names=()):
    model = conversation.model
    return ConversationForm(
        data,
        initial=ConversationForm.initial_from(conversation),
        phases=selectors.phases_active(model=model),
        during_items=selectors.checklist(model=model, moment=Moment.DURING),
        agreement_count=_agreement_count(len(conversation.agreements_draft), names),
    )


def _as_data(form) -> MultiValueDict:
    """The form's initial values as posted data, so a partial post can be merged over them."""
    data = MultiValueDict()
    for name, field in form.fields.items():
        value = form.get_initial_for_field(field, name)
        if value is None:
            data.setlist(name, [])
        elif isinstance(value, list | tuple):
            data.setlist(name, [str(v) for v in value])
        elif hasattr(value, "isoformat"):
            data.setlist(name, [value.isoformat()])
        else:
            data.setlist(name, [str(value)])
    return data


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF)
def conversation_screen(request, municipality, pk):
    initiative, conversation = _conversation_or_redirect(municipality, pk)
    if conversation is None:
        messages.info(request, _("Plan eerst het gesprek."))
        return _to_plan(municipality, initiative)
    form = _conversation_form(conversation, request.POST or None, names=request.POST.keys())
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.conversation_save(conversation=conversation, **form.changes())
            except DatabaseError:
                logger.exception("Conversation could not be saved")
                form.add_error(None, _("Opslaan lukte niet. Uw aantekeningen staan er nog; probeer het zo opnieuw."))
                status = 503
            else:
                _log(request, initiative, Activity.CONVERSATION_RECORD)
                if "finish" in request.POST:
                    services.conversation_mark_held(conversation=conversation, actor=request.user)
                    return redirect("conversations:report", municipality_slug=municipality.slug, pk=initiative.pk)
                messages.success(request, _("Opgeslagen."))
                return redirect("conversations:screen", municipality_slug=municipality.slug, pk=initiative.pk)
        else:
            status = 400
    else:
        _log(request, initiative, Activity.CONVERSATION_HOLD)
    return render(
        request,
        "conversations/screen.html",
        {
            "initiative": initiative,
            "conversation": conversation,
            "form": form,
            "phases": form.bound_phases(),
            "pitfalls": PITFALLS,
            "server_updated": int(conversation.updated_at.timestamp() * 1000),
        },
        status=status,
    )


@require_POST
@staff_view(roles=STAFF)
def conversation_autosave(request, municipality, pk):
    """Save the fields named in `_fields` (the ones changed since the last save). Answers JSON."""
    initiative, conversation = _conversation_or_redirect(municipality, pk)
    if conversation is None:
        raise Http404
    names = {name for name in request.POST.getlist("_fields") if name}
    blank = _conversation_form(conversation, names=names)
    unknown = names - set(blank.fields)
    if not names or unknown:
        return JsonResponse({"saved": False, "errors": {name: [_("Onbekend veld.")] for name in unknown}}, status=400)
    data = _as_data(blank)
    for name in names:
        data.setlist(name, request.POST.getlist(name))
    form = _conversation_form(conversation, data, names=names)
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return JsonResponse({"saved": False, "errors": errors}, status=400)
    try:
        conversation = services.conversation_save(conversation=conversation, **form.changes(names))
    except DatabaseError:
        logger.exception("Autosave failed")
        return JsonResponse({"saved": False, "errors": {}}, status=503)
    _log(request, initiative, Activity.CONVERSATION_RECORD)
    saved_at = timezone.localtime(conversation.updated_at)
    return JsonResponse(
        {
            "saved": True,
            "fields": sorted(names),
            "saved_at": saved_at.isoformat(),
            "message": _("Opgeslagen om %(time)s") % {"time": saved_at.strftime("%H:%M:%S")},
            "server_updated": int(conversation.updated_at.timestamp() * 1000),
        }
    )


# --- The report ----------------------------------------------------------------------------------------


def _render_report(request, initiative, conversation, report, form, status=200):
    return render(
        request,
        "conversations/report.html",
        {
            "initiative": initiative,
            "conversation": conversation,
            "report": report,
            "form": form,
            "history": selectors.reports_history(conversation=conversation),
            "rungs": dict(Rung.choices),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF)
def report(request, municipality, pk):
    initiative, conversation = _conversation_or_redirect(municipality, pk)
    if conversation is None:
        return _to_plan(municipality, initiative)
    if request.method == "POST" and "new_version" in request.POST:
        services.report_draft_get_or_create(conversation=conversation, actor=request.user)
        messages.success(request, _("U werkt nu in een nieuwe versie. De bewoner bevestigt die opnieuw."))
        return redirect("conversations:report", municipality_slug=municipality.slug, pk=initiative.pk)
    if selectors.report_latest(conversation=conversation) is None:
        services.report_draft_get_or_create(conversation=conversation, actor=request.user)
    report = selectors.report_latest(conversation=conversation)
    count = report.agreements.count()
    if report.is_frozen or request.method == "GET":
        form = ReportForm(initial=ReportForm.initial_from(report), agreement_count=count)
        _log(request, initiative, Activity.CONVERSATION_REPORT_READ)
        return _render_report(request, initiative, conversation, report, form)
    form = ReportForm(request.POST, agreement_count=_agreement_count(count, request.POST.keys()))
    if not form.is_valid():
        return _render_report(request, initiative, conversation, report, form, status=400)
    data = form.cleaned_data
    services.report_update(
        report=report,
        summary=data["summary"],
        next_step=data["next_step"],
        callback_date=data["callback_date"],
        municipal_roles=data["municipal_roles"],
        initiator_role=data["initiator_role"],
        agreements=[services.AgreementData(what=w, who=who, due_date=d) for w, who, d in data["agreements"]],
    )
    _log(request, initiative, Activity.CONVERSATION_REPORT_UPDATE)
    if "send" in request.POST:
        services.report_send(report=report, actor=request.user)
        _log(request, initiative, Activity.CONVERSATION_REPORT_SEND)
        if services.resident_wants_email(initiative):
            messages.success(request, _("Het verslag is verstuurd. De bewoner krijgt een e-mail met een link."))
        else:
            messages.success(request, _("Het verslag is klaar. Print het en stuur het per post."))
    else:
        messages.success(request, _("Het concept is opgeslagen."))
    return redirect("conversations:report", municipality_slug=municipality.slug, pk=initiative.pk)


def _report_pdf_context(initiative, conversation, report):
    return {
        "municipality": initiative.municipality,
        "initiative": initiative,
        "conversation": conversation,
        "report": report,
        "rungs": dict(Rung.choices),
    }


@staff_view(roles=STAFF)
def report_pdf(request, municipality, pk):
    initiative, conversation = _conversation_or_redirect(municipality, pk)
    report = selectors.report_latest(conversation=conversation) if conversation else None
    if report is None:
        raise Http404
    _log(request, initiative, Activity.CONVERSATION_REPORT_EXPORT)
    pdf = render_pdf("conversations/pdf/report.html", _report_pdf_context(initiative, conversation, report))
    return pdf_response(pdf, filename=f"gespreksverslag-{initiative.reference}-v{report.version}.pdf")


# --- After the conversation ----------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF)
def follow_up(request, municipality, pk):
    initiative, conversation = _conversation_or_redirect(municipality, pk)
    if conversation is None:
        return _to_plan(municipality, initiative)
    if request.method == "POST":
        done = request.POST.get("done") == "1"
        if agreement_pk := request.POST.get("agreement"):
            agreement = next(
                (a for a in selectors.agreements_current(conversation=conversation) if str(a.pk) == agreement_pk), None
            )
            if agreement is None:
                raise Http404
            services.agreement_mark_done(agreement=agreement, done=done, actor=request.user)
        elif task_pk := request.POST.get("task"):
            task = conversation.tasks.filter(pk=task_pk).first()
            if task is None:
                raise Http404
            services.task_complete(task=task, done=done)
        messages.success(request, _("Bijgewerkt."))
        return redirect("conversations:follow_up", municipality_slug=municipality.slug, pk=initiative.pk)
    return render(
        request,
        "conversations/follow_up.html",
        {
            "initiative": initiative,
            "conversation": conversation,
            "agreements": selectors.agreements_current(conversation=conversation),
            "tasks": selectors.tasks_for_conversation(conversation=conversation),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF)
def reflection(request, municipality, pk):
    initiative, conversation = _conversation_or_redirect(municipality, pk)
    if conversation is None:
        return _to_plan(municipality, initiative)
    existing = selectors.reflection_of(user=request.user, conversation=conversation)
    initial = (
        {"facilitation": existing.facilitation, "pitfalls_felt": existing.pitfalls_felt, "note": existing.note}
        if existing
        else {}
    )
    form = ReflectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.reflection_save(user=request.user, conversation=conversation, **form.cleaned_data)
        messages.success(request, _("Uw reflectie is bewaard. Alleen u ziet deze."))
        return redirect("conversations:reflection", municipality_slug=municipality.slug, pk=initiative.pk)
    return render(
        request,
        "conversations/reflection.html",
        {"initiative": initiative, "conversation": conversation, "form": form},
        status=400 if form.errors else 200,
    )


# --- The resident --------------------------------------------------------------------------------------


def _resident(municipality, token):
    access = selectors.resident_access_by_token(municipality=municipality, token=token)
    if access is None or access.conversation is None:
        raise Http404
    return access


def _resident_response(response):
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality
def resident_page(request, municipality, token):
    """The resident's conversation page: when and where, the report, and per agreement 'klopt' or a comment."""
    access = _resident(municipality, token)
    conversation = access.conversation
    report = selectors.report_for_resident(conversation=conversation)
    can_respond = report is not None and report.status == ReportStatus.SENT
    form = ResidentResponseForm(
        request.POST if request.method == "POST" else None, agreements=report.agreements.all() if report else []
    )
    status = 200
    if request.method == "POST":
        if not can_respond:
            messages.info(request, _("U heeft al gereageerd op dit verslag. Dank u wel."))
            return redirect("conversations:resident", municipality_slug=municipality.slug, token=token)
        if form.is_valid():
            report = services.report_respond(
                report=report, responses=form.responses(), comment=form.cleaned_data["comment"]
            )
            if report.status == ReportStatus.CONFIRMED:
                messages.success(request, _("Dank u wel. U heeft het verslag bevestigd."))
            else:
                messages.success(
                    request, _("Dank u wel. Uw contactpersoon past het verslag aan en stuurt u een nieuwe versie.")
                )
            return redirect("conversations:resident", municipality_slug=municipality.slug, token=token)
        status = 400
    return _resident_response(
        render(
            request,
            "conversations/resident.html",
            {
                "initiative": access.initiative,
                "conversation": conversation,
                "report": report,
                "can_respond": can_respond,
                "form": form,
                "token": token,
                "rungs": dict(Rung.choices),
                "agreements": selectors.agreements_current(conversation=conversation),
                "planned": conversation.status == ConversationStatus.PLANNED,
            },
            status=status,
        )
    )


@public_municipality
def resident_ics(request, municipality, token):
    access = _resident(municipality, token)
    response = HttpResponse(
        services.invitation_ics(conversation=access.conversation), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="gesprek.ics"'
    return _resident_response(response)


@public_municipality
def resident_report_pdf(request, municipality, token):
    access = _resident(municipality, token)
    report = selectors.report_for_resident(conversation=access.conversation)
    if report is None:
        raise Http404
    pdf = render_pdf(
        "conversations/pdf/report.html", _report_pdf_context(access.initiative, access.conversation, report)
    )
    return _resident_response(pdf_response(pdf, filename=f"gespreksverslag-v{report.version}.pdf"))
