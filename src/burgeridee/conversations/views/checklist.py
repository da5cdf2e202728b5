"""The conversation's own checklist on paper: which items were covered, which remain open, and the notes.

Apart from the blank hand-out (`model_editor.checklist_pdf`) and from the report: the report goes to the
resident; this sheet is the civil servant's own record of the conversation.
"""

from django.http import Http404
from django.utils import timezone

from burgeridee.accounts.decorators import staff_view
from burgeridee.documents.rendering import pdf_response, render_pdf
from burgeridee.records.vocabulary import Activity

from .. import selectors
from .shared import STAFF, _log, conversation_or_redirect


def conversation_checklist_context(initiative, conversation) -> dict:
    """The sheet's context (also used by the `pdf_timings` command)."""
    return {
        "municipality": initiative.municipality,
        "initiative": initiative,
        "conversation": conversation,
        "checklist": selectors.checklist_filled(conversation=conversation),
        "today": timezone.localdate(),
    }


@staff_view(roles=STAFF)
def conversation_checklist_pdf(request, municipality, pk):
    initiative, conversation = conversation_or_redirect(municipality, pk)
    if conversation is None:
        raise Http404
    _log(request, initiative, Activity.CONVERSATION_CHECKLIST_EXPORT)
    pdf = render_pdf(
        "conversations/pdf/conversation_checklist.html", conversation_checklist_context(initiative, conversation)
    )
    return pdf_response(pdf, filename=f"checklist-gesprek-{initiative.reference}.pdf")
