import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view

from .constants import ProcessingAction
from .forms import DeletionDecisionForm, PersonLogForm
from .selectors import deletion_request_get, deletion_requests_open, processing_log_for_person
from .services import deletion_request_decide, processing_log_record

PRIVACY_ROLES = (Role.COORDINATOR, Role.ADMINISTRATOR)


@require_GET
@staff_view(roles=PRIVACY_ROLES)
def privacy_overview(request, municipality):
    return render(
        request,
        "privacy/overview.html",
        {"requests": deletion_requests_open(municipality=municipality), "person_form": PersonLogForm()},
    )


@require_http_methods(["GET", "POST"])
@staff_view(roles=(Role.COORDINATOR,))
def deletion_request_detail(request, municipality, pk: int):
    deletion_request = deletion_request_get(municipality=municipality, pk=pk)
    form = DeletionDecisionForm(request.POST or None)
    if request.method == "POST" and deletion_request.status == "open" and form.is_valid():
        deletion_request_decide(
            deletion_request=deletion_request,
            actor=request.user,
            confirm=form.cleaned_data["decision"] == "uitvoeren",
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Het besluit is vastgelegd en staat op de tijdlijn van het initiatief."))
        return redirect("privacy:overview", municipality_slug=municipality.slug)
    return render(
        request,
        "privacy/deletion_request.html",
        {"deletion_request": deletion_request, "initiative": deletion_request.initiative, "form": form},
        status=400 if form.errors else 200,
    )


@require_GET
@staff_view(roles=(Role.ADMINISTRATOR,))
def processing_log_person_export(request, municipality):
    """CSV of every processing-log line about one person; the export itself is logged too."""
    form = PersonLogForm(request.GET)
    if not form.is_valid():
        return render(
            request,
            "privacy/overview.html",
            {"requests": deletion_requests_open(municipality=municipality), "person_form": form},
            status=400,
        )
    person = form.cleaned_data["person"]
    entries = list(processing_log_for_person(municipality=municipality, person=person))
    processing_log_record(
        actor=request.user,
        municipality=municipality,
        action=ProcessingAction.EXPORT,
        activity="verwerkingenlogboek exporteren voor een betrokkene",
        purpose="recht op inzage (AVG artikel 15)",
        data_subject=person,
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verwerkingen-betrokkene.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        ["trace_id", "moment_utc", "medewerker", "handeling", "activiteit", "doel", "kenmerk", "betrokkene", "gegevens"]
    )
    for entry in entries:
        writer.writerow(
            [
                entry.trace_id,
                entry.occurred_at.isoformat(),
                entry.actor_label,
                entry.action,
                entry.activity,
                entry.purpose,
                entry.initiative_reference,
                entry.data_subject,
                ", ".join(entry.fields),
            ]
        )
    return response
