"""What the resident sees and does through their personal link: when and where, the report, and per
agreement 'klopt' or a comment. No login; the link is the key, so nothing here is indexed or referred."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from burgeridee.documents.rendering import pdf_response, render_pdf
from burgeridee.knowledge.selectors import participation_ladder
from burgeridee.municipalities.decorators import public_municipality

from .. import selectors, services
from ..constants import ConversationStatus, ReportStatus
from ..forms import ResidentResponseForm
from .shared import report_pdf_context


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
    # A closed initiative's report is no longer answered: its agreements were closed with it.
    can_respond = report is not None and report.status == ReportStatus.SENT and not access.initiative.is_closed
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
                "rungs": participation_ladder(municipality=municipality),
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
        "conversations/pdf/report.html",
        report_pdf_context(access.initiative, access.conversation, report, list(report.agreements.all())),
    )
    return _resident_response(pdf_response(pdf, filename=f"gespreksverslag-v{report.version}.pdf"))
