from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.core.csvexport import csv_response
from burgeridee.initiatives.selectors import initiative_get_for_staff
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .forms import DeletionDecisionForm, PersonLogForm
from .selectors import (
    data_subject_names,
    data_subjects_find,
    deletion_request_get,
    deletion_requests_open,
    processing_log_for_data_subjects,
    processing_log_for_initiative,
)
from .services import deletion_request_decide

PRIVACY_ROLES = (Role.COORDINATOR, Role.ADMINISTRATOR)
PERSON_EXPORT_COLUMNS = [
    "trace_id",
    "span_id",
    "parent_span_id",
    "started_at_utc",
    "ended_at_utc",
    "status",
    "action",
    "activity",
    "activity_label",
    "purpose",
    "purpose_label",
    "processing_activity_id",
    "initiative_reference",
    "data_subject_type",
    "data_subject_id",
    "data_subject",
    "fields",
    "fields_label",
    "staff_member",
]


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


@require_POST
@staff_view(roles=(Role.ADMINISTRATOR,))
def processing_log_person_export(request, municipality):
    """CSV of every processing-log line about one person; the export itself is logged too.

    A POST, so the name or email address searched for stays out of URLs, browser history and logs.
    """
    form = PersonLogForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "privacy/overview.html",
            {"requests": deletion_requests_open(municipality=municipality), "person_form": form},
            status=400,
        )
    people = data_subjects_find(municipality=municipality, person=form.cleaned_data["person"])
    entries = list(processing_log_for_data_subjects(municipality=municipality, data_subjects=people))
    for person in people:
        processing_record(
            municipality=municipality,
            actor=request.user,
            activity=Activity.PROCESSING_LOG_EXPORT,
            initiative=getattr(person, "initiative", None),
            data_subject=person,
        )
    names = data_subject_names(people)
    response, writer = csv_response("verwerkingen-betrokkene.csv")
    # Stable column names and stored keys, with the labels in the reader's language next to them.
    writer.writerow(PERSON_EXPORT_COLUMNS)
    for entry in entries:
        audit = getattr(entry, "staff_audit", None)
        writer.writerow(
            [
                entry.trace_id,
                entry.span_id,
                entry.parent_span_id,
                entry.started_at.isoformat(),
                entry.ended_at.isoformat(),
                entry.status,
                entry.action,
                entry.activity,
                entry.activity_label,
                entry.purpose,
                entry.purpose_label,
                entry.processing_activity_id,
                entry.initiative_reference,
                entry.data_subject_type,
                entry.data_subject_id,
                names.get(entry.data_subject_id, ""),
                ",".join(entry.fields),
                ", ".join(str(label) for label in entry.field_labels),
                audit.actor_label if audit else "",
            ]
        )
    return response


@never_cache
@require_GET
@staff_view(roles=(Role.ADMINISTRATOR,))
def processing_log(request, municipality, pk: int):
    """Administrator only: who read or changed this initiative's personal data, when and why. Linked from the
    initiative page (the privacy panel, registered in apps.py)."""
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    entries = processing_log_for_initiative(municipality=municipality, initiative=initiative)
    page = Paginator(entries, 100).get_page(request.GET.get("pagina"))
    # The log holds pseudonyms; the administrator sees this initiative's initiators anyway.
    names = data_subject_names(initiative.initiators.all())
    rows = [(entry, names.get(entry.data_subject_id, "")) for entry in page.object_list]
    return render(request, "privacy/processing_log.html", {"initiative": initiative, "page": page, "rows": rows})
