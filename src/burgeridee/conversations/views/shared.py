"""What the staff pages of one initiative's conversation share."""

import re

from django.shortcuts import redirect

from burgeridee.accounts.constants import Role
from burgeridee.initiatives.selectors import initiative_get_for_staff
from burgeridee.knowledge.selectors import participation_ladder
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .. import selectors

STAFF = (Role.CONTACT, Role.COORDINATOR)


def _log(request, initiative, activity: Activity):
    processing_record(
        municipality=initiative.municipality,
        actor=request.user,
        activity=activity,
        initiative=initiative,
        data_subject=initiative.primary_initiator,
    )


def conversation_or_redirect(municipality, pk):
    """The initiative (404 when it is not this municipality's) and its conversation, or None when not planned."""
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    return initiative, selectors.conversation_for_initiative(initiative=initiative)


def to_plan(municipality, initiative):
    return redirect("conversations:plan", municipality_slug=municipality.slug, pk=initiative.pk)


AGREEMENT_FIELD = re.compile(r"^agreement_(\d{1,2})_(?:what|who|due)$")
MAX_AGREEMENTS = 40


def agreement_count(existing: int, names) -> int:
    """Enough agreement rows for what exists and for every row the page showed (and may post)."""
    posted = [int(m.group(1)) + 1 for name in names if (m := AGREEMENT_FIELD.match(name))]
    return min(max([existing, *posted]), MAX_AGREEMENTS)


def report_pdf_context(initiative, conversation, report, agreements) -> dict:
    """The report PDF's context, for staff and for the resident alike (agreements apart: a draft may be unsaved)."""
    return {
        "municipality": initiative.municipality,
        "initiative": initiative,
        "conversation": conversation,
        "report": report,
        "agreements": agreements,
        "rungs": participation_ladder(municipality=initiative.municipality),
    }
