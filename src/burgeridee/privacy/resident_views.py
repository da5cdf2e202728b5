"""The resident's privacy rights, from their personal status page: download everything held about their
initiative (AVG art. 15) and ask for it to be removed (art. 17).

The pages sit under the status page's address and in its `initiatives` namespace
(/<gemeente>/mijn-initiatief/<token>/...); the root URLconf mounts `urls.resident_urlpatterns` there, so the
initiatives app does not import this app above it.
"""

from datetime import datetime

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from burgeridee.documents.rendering import pdf_response, render_pdf
from burgeridee.initiatives.constants import SupportType
from burgeridee.initiatives.selectors import initiative_get_by_token
from burgeridee.municipalities.decorators import public_municipality
from burgeridee.records.events import event_label
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .export import resident_data_export
from .forms import DeletionRequestForm
from .services import deletion_request_create


def _status_initiative(municipality, token):
    initiative = initiative_get_by_token(municipality=municipality, token=token)
    if initiative is None:
        raise Http404
    return initiative


@never_cache
@require_http_methods(["GET"])
@public_municipality
def status_data_export(request, municipality, token):
    """The resident downloads everything held about their initiative, as JSON."""
    initiative = _status_initiative(municipality, token)
    processing_record(
        municipality=municipality, actor=None, activity=Activity.RESIDENT_DATA_DOWNLOAD, initiative=initiative
    )
    response = JsonResponse(resident_data_export(initiative=initiative), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{initiative.reference}-gegevens.json"'
    return response


@never_cache
@require_http_methods(["GET"])
@public_municipality
def status_data_export_pdf(request, municipality, token):
    """The same data as the JSON download, as a readable PDF."""
    initiative = _status_initiative(municipality, token)
    processing_record(
        municipality=municipality, actor=None, activity=Activity.RESIDENT_DATA_DOWNLOAD, initiative=initiative
    )
    data = resident_data_export(initiative=initiative)
    context = {
        "data": data,
        "exported_at": datetime.fromisoformat(data["exported_at"]),
        "support": [str(SupportType(value).label) for value in data["support_requested"]],
        "messages": [{**m, "sent_at": datetime.fromisoformat(m["sent_at"])} for m in data["messages"]],
        "events": [{"at": datetime.fromisoformat(e["at"]), "what": event_label(e["what"])} for e in data["time_line"]],
    }
    pdf = render_pdf("privacy/pdf/resident_data.html", context, request=request)
    return pdf_response(pdf, filename=f"{initiative.reference}-gegevens.pdf", inline=False)


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality
def status_deletion_request(request, municipality, token):
    """The resident asks for their personal data to be removed; a coordinator carries it out."""
    initiative = _status_initiative(municipality, token)
    form = DeletionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        deletion_request_create(initiative=initiative, note=form.cleaned_data["note"])
        messages.success(
            request,
            _("Wij hebben uw verzoek ontvangen. Binnen een maand hoort u van ons wat wij ermee hebben gedaan."),
        )
        return redirect("initiatives:status", municipality_slug=municipality.slug, token=token)
    return render(
        request,
        "privacy/resident_deletion_request.html",
        {"initiative": initiative, "token": token, "form": form},
        status=400 if form.errors else 200,
    )
