"""What the staff pages know about the letter with the resident's personal link."""

from dataclasses import dataclass
from datetime import datetime

from burgeridee.initiatives.constants import Channel, ContactPreference
from burgeridee.initiatives.models import Initiative

RENEWED = "statuslink_vernieuwd"  # initiatives.events: a new status link (and with it a new letter) was made


@dataclass(frozen=True)
class LetterState:
    """Whether the resident needs their status link on paper, and what they hold now."""

    by_post: bool  # the resident chose contact by post
    email: str  # where the confirmation (with the link) went, if anywhere
    last_letter_at: datetime | None  # when the link the resident holds was put in a letter
    last_letter_at_intake: bool  # that letter was made when a civil servant registered the idea
    from_form: bool  # the link the resident holds is the one shown on screen after sending the online form

    @property
    def needs_paper(self) -> bool:
        """A resident without internet: chose post, or left no email address."""
        return self.by_post or not self.email


def letter_state(*, initiative: Initiative) -> LetterState:
    """From the initiator and the time line (on the staff page both are prefetched: no extra query)."""
    initiator = initiative.primary_initiator
    renewed = [event.created_at for event in initiative.events.all() if event.kind == RENEWED]
    online = initiative.channel == Channel.ONLINE
    if renewed:
        last, at_intake = max(renewed), False
    elif not online:
        last, at_intake = initiative.submitted_at, True
    else:
        last, at_intake = None, False
    return LetterState(
        by_post=bool(initiator and initiator.preferred_contact == ContactPreference.POST),
        email=(initiator.email if initiator else "") or "",
        last_letter_at=last,
        last_letter_at_intake=at_intake,
        from_form=online and not renewed,
    )
