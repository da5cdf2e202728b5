"""The coordinator's editor of the municipality's conversation model: phases and checklist, as versions.

Edits go into one draft; publishing makes it the next version. Conversations keep the version they used.
Each variant of the model (conversations/variants.py, e.g. the right to challenge's first conversation) is edited
the same way, chosen with `?variant=<key>` on the pages and a hidden `variant` field in the forms.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.documents.rendering import pdf_response, render_pdf
from burgeridee.knowledge.selectors import pitfall_choices

from .. import selectors, services
from ..forms import ChecklistItemAddForm, ChecklistItemForm, PhaseAddForm, PhaseForm
from ..variants import model_variants, variant_choices, variant_requested


def _overview_url(municipality, variant: str, anchor: str = "") -> str:
    url = reverse("conversations:model", kwargs={"municipality_slug": municipality.slug})
    return url + (f"?variant={variant}" if variant else "") + anchor


@never_cache
@staff_view(roles=(Role.COORDINATOR,))
def model_overview(request, municipality):
    variant = variant_requested(request)
    current = services.conversation_model_ensure_default(municipality=municipality, variant=variant)
    draft = selectors.conversation_model_draft(municipality=municipality, variant=variant)
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
            "versions": selectors.conversation_model_versions(municipality=municipality, variant=variant),
            "totals": selectors.reflection_totals(municipality=municipality),
            "variant": variant,
            "variant_label": model_variants[variant].label if variant else "",
            "variants": variant_choices(),
        },
    )


@require_POST
@staff_view(roles=(Role.COORDINATOR,))
def model_draft_start(request, municipality):
    variant = variant_requested(request)
    services.conversation_model_draft_get_or_create(municipality=municipality, variant=variant)
    messages.success(request, _("U werkt nu in een concept. Gesprekken gebruiken de gepubliceerde versie."))
    return redirect(_overview_url(municipality, variant))


def _draft_or_redirect(request, municipality, item):
    if not item.model.is_draft:
        messages.error(request, _("Een gepubliceerde versie verandert niet. Begin eerst een concept."))
        return redirect(_overview_url(municipality, item.model.variant))
    return None


def _model_form(request, municipality, form, *, save, success: str, title: str, variant: str):
    """One edit form of the draft conversation model: save and go back, or show it again (400 on errors)."""
    if request.method == "POST" and form.is_valid():
        save(form.cleaned_data)
        messages.success(request, success)
        return redirect(_overview_url(municipality, variant))
    return render(
        request,
        "conversations/model_form.html",
        {"form": form, "title": title, "back_url": _overview_url(municipality, variant)},
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
    form = PhaseForm(
        request.POST or None,
        initial=initial,
        pitfall_choices=pitfall_choices(municipality=municipality, keep=phase.pitfall_ids),
    )
    return _model_form(
        request,
        municipality,
        form,
        save=lambda data: services.phase_update(phase=phase, **data),
        success=_("De fase is aangepast in het concept."),
        variant=phase.model.variant,
        title=_("Fase aanpassen: %(title)s") % {"title": phase.title},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=(Role.COORDINATOR,))
def model_phase_add(request, municipality):
    variant = variant_requested(request)
    draft = selectors.conversation_model_draft(municipality=municipality, variant=variant)
    if draft is None:
        return redirect(_overview_url(municipality, variant))
    form = PhaseAddForm(request.POST or None)
    return _model_form(
        request,
        municipality,
        form,
        save=lambda data: services.phase_add(model=draft, **data),
        success=_("De fase is toegevoegd aan het concept."),
        variant=variant,
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
        variant=item.model.variant,
        title=_("Punt van de checklist aanpassen"),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=(Role.COORDINATOR,))
def model_item_add(request, municipality):
    variant = variant_requested(request)
    draft = selectors.conversation_model_draft(municipality=municipality, variant=variant)
    if draft is None:
        return redirect(_overview_url(municipality, variant))
    form = ChecklistItemAddForm(request.POST or None, initial={"moment": request.GET.get("moment")})
    return _model_form(
        request,
        municipality,
        form,
        save=lambda data: services.checklist_item_add(model=draft, **data),
        success=_("Het punt is toegevoegd aan het concept."),
        variant=variant,
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
    return redirect(_overview_url(municipality, item.model.variant, f"#{kind}-{item.pk}"))


@require_POST
@staff_view(roles=(Role.COORDINATOR,))
def model_publish(request, municipality):
    variant = variant_requested(request)
    draft = selectors.conversation_model_draft(municipality=municipality, variant=variant)
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
    variant = variant_requested(request)
    draft = selectors.conversation_model_draft(municipality=municipality, variant=variant)
    if draft is not None:
        services.conversation_model_discard_draft(model=draft)
        messages.success(request, _("Het concept is weggegooid."))
    return redirect("conversations:model", municipality_slug=municipality.slug)


def checklist_context(municipality) -> dict:
    """The blank checklist's context (also used by the `pdf_timings` command)."""
    model = services.conversation_model_ensure_default(municipality=municipality)
    return {
        "municipality": municipality,
        "model": model,
        "checklist": selectors.checklist_by_moment(model=model),
        "phases": selectors.phases_active(model=model),
    }


@staff_view(roles=(Role.COORDINATOR, Role.CONTACT, Role.TRAINER))
def checklist_pdf(request, municipality):
    """The blank checklist for the first conversation: the workshop hand-out."""
    pdf = render_pdf(
        "conversations/pdf/checklist.html",
        checklist_context(municipality),
        reuse=True,  # the same blank checklist for every colleague, until the model changes
    )
    return pdf_response(pdf, filename="checklist-eerste-gesprek.pdf")
