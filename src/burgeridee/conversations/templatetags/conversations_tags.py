"""Small hooks other apps' templates use to show the first conversation without knowing its models."""

from django import template

from .. import selectors
from ..constants import ReportStatus

register = template.Library()


@register.simple_tag
def conversation_summary(initiative):
    """For the staff initiative page: the conversation, its latest report and the state of each step."""
    conversation = selectors.conversation_for_initiative(initiative=initiative)
    report = selectors.report_latest(conversation=conversation) if conversation else None
    # The agreements in force are those of the newest sent report: the latest one unless that is a draft.
    sent = report if report is not None and report.status != ReportStatus.DRAFT else None
    return {
        "conversation": conversation,
        "report": report,
        "agreements": selectors.agreements_current(conversation=conversation, report=sent) if conversation else [],
        "awaiting_resident": report is not None and report.status == ReportStatus.SENT,
    }


@register.inclusion_tag("conversations/_status_section_inner.html")
def conversation_status_section(initiative, token):
    """For the resident's status page: the planned conversation, the report and the agreements."""
    conversation = selectors.conversation_for_initiative(initiative=initiative)
    report = selectors.report_for_resident(conversation=conversation) if conversation else None
    return {
        "initiative": initiative,
        "conversation": conversation,
        "report": report,
        "token": token,
        "municipality": initiative.municipality,
        "agreements": selectors.agreements_current(conversation=conversation, report=report) if report else [],
        "awaiting_resident": report is not None and report.status == ReportStatus.SENT,
    }
