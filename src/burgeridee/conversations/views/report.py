"""The report for staff: a draft from the notes, sent to the resident, frozen; a new version after comments.

A GET writes nothing. Marking the conversation held makes the first draft; until there is one (a conversation
not held yet), the page and the PDF show the draft as it would be made from the notes, and the first post
saves it.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from burgeridee.accounts.decorators import staff_view
from burgeridee.core.dates import local_date
from burgeridee.documents.rendering import pdf_response, render_pdf
from burgeridee.knowledge.selectors import participation_ladder
from burgeridee.records.vocabulary import Activity

from .. import selectors, services
from ..constants import ReportStatus
from ..forms import ReportForm
from .shared import STAFF, _log, agreement_count, conversation_or_redirect, report_pdf_context, to_plan


def _report_and_agreements(conversation):
    """The latest report with its agreements; when there is none yet, the unsaved first draft from the notes."""
    report = selectors.report_latest(conversation=conversation)
    if report is None:
        return selectors.report_draft_from_notes(conversation=conversation)
    return report, list(report.agreements.all())


def _ask_held_on(form, conversation) -> None:
    if conversation.held_at is None:
        form.add_held_on(
            suggestion=selectors.held_on_suggestion(conversation=conversation),
            earliest=local_date(conversation.initiative.submitted_at),
        )


def _render_report(request, initiative, conversation, report, form, ladder, status=200):
    return render(
        request,
        "conversations/report.html",
        {
            "initiative": initiative,
            "conversation": conversation,
            "report": report,
            "form": form,
            "history": selectors.reports_history(conversation=conversation),
            "rungs": ladder,
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF)
def report(request, municipality, pk):
    initiative, conversation = conversation_or_redirect(municipality, pk)
    if conversation is None:
        return to_plan(municipality, initiative)
    if request.method == "POST" and ("new_version" in request.POST or "seen" in request.POST):
        latest = selectors.report_latest(conversation=conversation)
        if latest is not None and latest.status == ReportStatus.COMMENTED:
            services.report_comments_seen(report=latest, actor=request.user)
        if "new_version" in request.POST:
            services.report_draft_get_or_create(conversation=conversation, actor=request.user)
            messages.success(request, _("U werkt nu in een nieuwe versie. De bewoner bevestigt die opnieuw."))
        else:
            messages.success(request, _("Gelezen. De inbox meldt deze opmerkingen niet meer."))
        return redirect("conversations:report", municipality_slug=municipality.slug, pk=initiative.pk)
    ladder = participation_ladder(municipality=municipality)
    if request.method == "POST" and selectors.report_latest(conversation=conversation) is None:
        services.report_draft_get_or_create(conversation=conversation, actor=request.user)
    report, agreements = _report_and_agreements(conversation)
    count = len(agreements)
    if report.is_frozen or request.method == "GET":
        form = ReportForm(initial=ReportForm.initial_from(report, agreements), ladder=ladder, agreement_count=count)
        _ask_held_on(form, conversation)
        _log(request, initiative, Activity.CONVERSATION_REPORT_READ)
        return _render_report(request, initiative, conversation, report, form, ladder)
    form = ReportForm(request.POST, ladder=ladder, agreement_count=agreement_count(count, request.POST.keys()))
    _ask_held_on(form, conversation)
    # Sending marks a conversation not marked held yet as held: on the day the civil servant confirms.
    held_on = form.require_held_on() if form.is_valid() and "send" in request.POST else None
    if not form.is_valid():
        return _render_report(request, initiative, conversation, report, form, ladder, status=400)
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
        services.report_send(report=report, actor=request.user, held_on=held_on)
        _log(request, initiative, Activity.CONVERSATION_REPORT_SEND)
        if services.resident_wants_email(initiative):
            messages.success(request, _("Het verslag is verstuurd. De bewoner krijgt een e-mail met een link."))
        else:
            messages.success(request, _("Het verslag is klaar. Print het en stuur het per post."))
    else:
        messages.success(request, _("Het concept is opgeslagen."))
    return redirect("conversations:report", municipality_slug=municipality.slug, pk=initiative.pk)


@staff_view(roles=STAFF)
def report_pdf(request, municipality, pk):
    initiative, conversation = conversation_or_redirect(municipality, pk)
    if conversation is None:
        raise Http404
    report, agreements = _report_and_agreements(conversation)
    _log(request, initiative, Activity.CONVERSATION_REPORT_EXPORT)
    pdf = render_pdf("conversations/pdf/report.html", report_pdf_context(initiative, conversation, report, agreements))
    return pdf_response(pdf, filename=f"gespreksverslag-{initiative.reference}-v{report.version}.pdf")
