"""Small hooks other apps' templates use to show the first conversation without knowing its models."""

from django import template
from django.utils.translation import gettext as _

from .. import selectors
from ..constants import AgreementStatus, ReportStatus

register = template.Library()


@register.simple_tag
def conversation_summary(initiative):
    """For the staff initiative page: the conversation, its latest report and the state of each step."""
    conversation = selectors.conversation_for_initiative(initiative=initiative)
    report = selectors.report_latest_brief(conversation=conversation) if conversation else None
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
        "awaiting_resident": report is not None and report.status == ReportStatus.SENT and not initiative.is_closed,
    }


@register.simple_tag
def agreement_step_line(step, resident=False, reason=True):
    """One step of an agreement as a line of its history: what happened and who did it (the date apart).

    `resident`: worded for the resident ("u zei: klopt"), else for staff ("de bewoner zei: klopt").
    `reason=False` leaves out the reason (where the page shows it on its own line).
    """
    name = step.actor.display_name if step.actor_id and step.actor else ""
    if step.status == AgreementStatus.CONFIRMED and step.by_resident:
        return _("u zei: klopt") if resident else _("de bewoner zei: klopt")
    if step.status == AgreementStatus.DISPUTED and step.by_resident:
        return _("u zei: klopt niet") if resident else _("de bewoner zei: klopt niet")
    text = {
        AgreementStatus.PROPOSED: _("voorgesteld"),
        AgreementStatus.CONFIRMED: _("bevestigd"),
        AgreementStatus.DISPUTED: _("betwist"),
        AgreementStatus.RUNNING: _("gestart"),
        AgreementStatus.DONE: _("gedaan"),
        AgreementStatus.DROPPED: _("gestopt") if resident else _("vervallen"),
    }[step.status]
    if step.by_resident:
        text = _("%(step)s door u") % {"step": text} if resident else _("%(step)s door de bewoner") % {"step": text}
    elif name:
        text = _("%(step)s door %(name)s") % {"step": text, "name": name}
    if reason and step.reason:
        text = f"{text}: {step.reason}"
    return text
