"""The workshop folder: a PDF made from the product's own workshop content, per municipality (public) or per
trainer (with the trainer as contact). Two layouts: an A4 document, and an A4 leaflet (landscape, three panels to
fold). Tagged and accessible like every PDF: it goes through `documents.rendering`."""

from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.views.decorators.http import require_GET

from burgeridee.conversations.constants import ModelStatus
from burgeridee.conversations.defaults import DEFAULT_CHECKLIST, DEFAULT_PHASES
from burgeridee.conversations.models import ChecklistItem, ConversationModel, ModelPhase
from burgeridee.documents.rendering import pdf_response, render_pdf
from burgeridee.municipalities.decorators import public_municipality

from ..constants import STANDARD_AGENDA, RequestKind
from ..pdf import theme_colour
from ..services import default_place
from .shared import trainer_view

LEAFLET = "folder"


def _model_outline(municipality) -> tuple[list[str], int]:
    """The phase titles and the number of checklist points of the municipality's current published model; the
    built-in model when it has none yet. Read only."""
    model = (
        ConversationModel.objects.filter(municipality=municipality, status=ModelStatus.PUBLISHED)
        .order_by(F("chosen_at").desc(nulls_last=True), "-version")
        .first()
    )
    if model is None:
        return [phase["title"] for phase in DEFAULT_PHASES], len(DEFAULT_CHECKLIST)
    phases = list(
        ModelPhase.objects.filter(model=model, is_active=True).order_by("order").values_list("title", flat=True)
    )
    return phases, ChecklistItem.objects.filter(model=model, is_active=True).count()


def folder_context(municipality, *, trainer=None, layout: str = "") -> dict:
    phases, checklist_count = _model_outline(municipality)
    minutes = sum(minutes for _module, minutes, _cases in STANDARD_AGENDA)
    request_path = reverse("workshops:request", kwargs={"municipality_slug": municipality.slug})
    return {
        "municipality": municipality,
        "colour": theme_colour(municipality),
        "leaflet": layout == LEAFLET,
        "modules": [(module.label, minutes) for module, minutes, _cases in STANDARD_AGENDA],
        "total_minutes": minutes,
        "hours": round(minutes / 60 * 2) / 2,
        "phases": phases,
        "checklist_count": checklist_count,
        "place": default_place(municipality),
        "request_kinds": [label for _value, label in RequestKind.choices],
        "request_url": f"{settings.SITE_URL}{request_path}",
        "trainer": trainer,
    }


def folder_pdf(municipality, *, trainer=None, layout: str = "") -> bytes:
    context = folder_context(municipality, trainer=trainer, layout=layout)
    # Without a trainer the folder holds no personal data: it is laid out once and kept (reuse).
    return render_pdf("workshops/pdf/folder.html", context, print_css=False, reuse=trainer is None)


def _layout(request) -> str:
    return LEAFLET if request.GET.get("opmaak") == LEAFLET else ""


@require_GET
@public_municipality
def folder(request, municipality):
    layout = _layout(request)
    pdf = folder_pdf(municipality, layout=layout)
    return pdf_response(
        pdf, filename=f"folder-oke-een-burger-idee-{municipality.slug}{'-vouwblad' if layout else ''}.pdf"
    )


@require_GET
@trainer_view
def folder_trainer(request, municipality):
    layout = _layout(request)
    pdf = folder_pdf(municipality, trainer=request.user, layout=layout)
    return pdf_response(
        pdf, filename=f"folder-oke-een-burger-idee-{request.user.username}{'-vouwblad' if layout else ''}.pdf"
    )
