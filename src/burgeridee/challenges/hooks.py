"""What this app plugs into the apps below it: the conversation model variant's test, the section on the
staff initiative page, and the resident's route on the status page."""

from burgeridee.conversations.models import Conversation

from . import selectors
from .models import Challenge


def is_challenge(initiative) -> bool:
    return Challenge.objects.filter(initiative=initiative).exists()


def challenge_panel_context(request, initiative) -> dict:
    challenge = selectors.challenge_for(initiative=initiative)
    return {
        "challenge": challenge,
        "challenge_open": challenge is None and selectors.is_open(municipality=initiative.municipality),
        "can_convert": initiative.contact_person_id == request.user.pk and not initiative.is_closed,
    }


def resident_route_steps(initiative):
    """The challenge route's steps for the status page, or None for an ordinary idea."""
    if type(initiative).challenge.is_cached(initiative):
        # Joined into the initiative's query (the route's `related`): no query to tell an ordinary idea.
        challenge = getattr(initiative, "challenge", None)
    else:
        challenge = selectors.challenge_for(initiative=initiative)
    if challenge is None:
        return None
    conversation = Conversation.objects.filter(initiative=initiative).only("held_at", "starts_at").first()
    first = (conversation.held_at or conversation.starts_at) if conversation else None
    return selectors.resident_steps(challenge=challenge, first_conversation_at=first)
