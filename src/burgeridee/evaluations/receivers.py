"""What this app does when another app announces something (connected in EvaluationsConfig.ready())."""

from django.dispatch import receiver

from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.signals import initiative_closed

from .services import evaluation_invite


@receiver(initiative_closed, dispatch_uid="evaluations.invite_when_closed")
def invite_when_closed(sender, *, initiative, actor=None, resident_told=False, **kwargs) -> None:
    """The evaluation moment: the resident is asked to look back, unless it was never an initiative. The
    invitation is a paragraph of the closing message (apps.py registers it); only when no closing message
    went out (a caller that told the resident in its own words) is it a mail of its own."""
    if initiative.phase != Phase.NOT_AN_INITIATIVE:
        evaluation_invite(initiative=initiative, actor=actor, in_closing_message=resident_told)
