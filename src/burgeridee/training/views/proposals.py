"""The trainer's pages: requests, the intake note, composing and sending a proposal, and its PDF."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from burgeridee.documents.rendering import pdf_response, render_pdf
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity
from burgeridee.workshops.constants import Module

from .. import selectors, services
from ..constants import DEFAULT_MINUTES, DEFAULT_PRICES, ItemKind
from ..forms import IntakeForm, ProposalForm, ProposalItemForm
from .shared import attempt, trainer_view


def _to_proposal(proposal):
    return redirect("training:proposal", municipality_slug=proposal.municipality.slug, pk=proposal.pk)


@never_cache
@require_GET
@trainer_view
def training_list(request, municipality):
    requests = list(selectors.requests_for_trainer(municipality=municipality))
    if requests:
        processing_record(municipality=municipality, actor=request.user, activity=Activity.WORKSHOP_REQUESTS_READ)
    return render(
        request,
        "training/staff/list.html",
        {
            "municipality": municipality,
            "requests": requests,
            "proposals": selectors.proposal_list(municipality=municipality),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@trainer_view
def request_detail(request, municipality, pk):
    workshop_request = selectors.request_get(municipality=municipality, pk=pk)
    intake = getattr(workshop_request, "intake", None)
    context = {
        "municipality": municipality,
        "workshop_request": workshop_request,
        "proposals": workshop_request.proposals.all(),
    }
    if request.method == "GET":
        processing_record(municipality=municipality, actor=request.user, activity=Activity.WORKSHOP_REQUESTS_READ)
        initial = {"held_on": intake.held_on.strftime("%d-%m-%Y"), "note": intake.note} if intake else {}
        context["form"] = IntakeForm(initial=initial)
        return render(request, "training/staff/request.html", context)
    form = IntakeForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return render(request, "training/staff/request.html", context, status=400)
    result = attempt(
        request,
        "training/staff/request.html",
        context,
        form,
        lambda: services.intake_save(workshop_request=workshop_request, actor=request.user, **form.cleaned_data),
    )
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, _("Het intakegesprek is vastgelegd."))
    return redirect("training:request", municipality_slug=municipality.slug, pk=workshop_request.pk)


@require_POST
@trainer_view
def proposal_create(request, municipality, pk):
    workshop_request = selectors.request_get(municipality=municipality, pk=pk)
    proposal = services.proposal_create(workshop_request=workshop_request, trainer=request.user)
    messages.success(request, _("Het voorstel is aangemaakt. Stel het nu samen."))
    return _to_proposal(proposal)


def _proposal_context(municipality, proposal, **extra):
    items = list(proposal.items.all())
    return {
        "municipality": municipality,
        "proposal": proposal,
        "items": items,
        "totals": proposal.totals(items),
        "module_labels": dict(Module.choices),
        **extra,
    }


def _header_initial(proposal):
    return {
        "title": proposal.title,
        "introduction": proposal.introduction,
        "place": proposal.place,
        "group_size": proposal.group_size,
        "vat_percentage": proposal.vat_percentage,
    }


def _new_item_form(proposal, data=None):
    kind = ItemKind.WORKSHOP
    return ProposalItemForm(
        data,
        initial={
            "kind": kind,
            "duration_minutes": DEFAULT_MINUTES[kind],
            "quantity": 1,
            "unit_price": DEFAULT_PRICES[kind],
            "modules": [value for value, _label in Module.choices],
        },
        prefix="item",
    )


@never_cache
@require_http_methods(["GET", "POST"])
@trainer_view
def proposal_detail(request, municipality, pk):
    proposal = selectors.proposal_get(municipality=municipality, pk=pk)
    template = "training/staff/proposal.html"
    header = ProposalForm(request.POST if request.method == "POST" else None, initial=_header_initial(proposal))
    context = _proposal_context(municipality, proposal, form=header, item_form=_new_item_form(proposal))
    if request.method == "GET":
        return render(request, template, context)
    if not header.is_valid():
        return render(request, template, context, status=400)
    result = attempt(
        request, template, context, header, lambda: services.proposal_update(proposal=proposal, **header.cleaned_data)
    )
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, _("Het voorstel is opgeslagen."))
    return _to_proposal(proposal)


@require_POST
@trainer_view
def proposal_item_add(request, municipality, pk):
    proposal = selectors.proposal_get(municipality=municipality, pk=pk)
    form = _new_item_form(proposal, request.POST)
    context = _proposal_context(
        municipality, proposal, form=ProposalForm(initial=_header_initial(proposal)), item_form=form
    )
    template = "training/staff/proposal.html"
    if not form.is_valid():
        return render(request, template, context, status=400)
    result = attempt(
        request, template, context, form, lambda: services.proposal_item_add(proposal=proposal, **form.cleaned_data)
    )
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, _("Het onderdeel is toegevoegd."))
    return _to_proposal(proposal)


@never_cache
@require_http_methods(["GET", "POST"])
@trainer_view
def proposal_item_edit(request, municipality, pk, item_pk):
    proposal = selectors.proposal_get(municipality=municipality, pk=pk)
    item = proposal.items.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    template = "training/staff/item_form.html"
    if request.method == "GET":
        form = ProposalItemForm(
            editing=True,
            initial={
                "title": item.title,
                "description": item.description,
                "modules": item.modules,
                "date": item.date.strftime("%d-%m-%Y") if item.date else "",
                "start_time": item.start_time.strftime("%H:%M") if item.start_time else "",
                "duration_minutes": item.duration_minutes,
                "place": item.place,
                "quantity": item.quantity,
                "unit_price": item.unit_price,
            },
        )
        return render(
            request, template, {"municipality": municipality, "proposal": proposal, "item": item, "form": form}
        )
    form = ProposalItemForm(request.POST, editing=True)
    context = {"municipality": municipality, "proposal": proposal, "item": item, "form": form}
    if not form.is_valid():
        return render(request, template, context, status=400)
    if item.kind == ItemKind.WORKSHOP and not form.cleaned_data.get("modules"):
        form.add_error("modules", _("Kies ten minste één onderdeel van de workshop."))
        return render(request, template, context, status=400)
    result = attempt(
        request, template, context, form, lambda: services.proposal_item_update(item=item, **form.cleaned_data)
    )
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, _("Het onderdeel is opgeslagen."))
    return _to_proposal(proposal)


@require_POST
@trainer_view
def proposal_item_remove(request, municipality, pk, item_pk):
    proposal = selectors.proposal_get(municipality=municipality, pk=pk)
    item = proposal.items.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    try:
        services.proposal_item_remove(item=item)
    except services.TrainingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Het onderdeel is verwijderd."))
    return _to_proposal(proposal)


@require_POST
@trainer_view
def proposal_send(request, municipality, pk):
    proposal = selectors.proposal_get(municipality=municipality, pk=pk)
    try:
        services.proposal_send(proposal=proposal, actor=request.user)
    except services.TrainingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Het voorstel is verstuurd naar %(email)s, met een persoonlijke link.")
            % {"email": proposal.request.email},
        )
    return _to_proposal(proposal)


def proposal_pdf_bytes(proposal) -> bytes:
    items = list(proposal.items.all())
    return render_pdf(
        "training/pdf/proposal.html",
        {
            "proposal": proposal,
            "municipality": proposal.municipality,
            "items": items,
            "totals": proposal.totals(items),
            "module_labels": dict(Module.choices),
        },
    )


@require_GET
@trainer_view
def proposal_pdf(request, municipality, pk):
    proposal = selectors.proposal_get(municipality=municipality, pk=pk)
    return pdf_response(proposal_pdf_bytes(proposal), filename=f"voorstel-{proposal.pk}.pdf")
