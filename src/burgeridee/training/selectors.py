"""Reads for training, meetings, coaching and the opt-in. Always scoped to one municipality; coaching also to the
two people in it."""

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from burgeridee.accounts.selectors import colleague_list
from burgeridee.conversations.selectors import phases_active
from burgeridee.conversations.services import conversation_model_ensure_default
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.models import Initiative
from burgeridee.knowledge.constants import Kind
from burgeridee.knowledge.selectors import item_list
from burgeridee.workshops.models import WorkshopRequest, WorkshopSession

from .models import CoachingTrajectory, Meeting, MeetingSignup, Proposal, WorkshopParticipation
from .tokens import token_hash


def requests_for_trainer(*, municipality):
    """Open requests and requests with a proposal that is not accepted yet: what the trainer still handles."""
    return (
        WorkshopRequest.objects.filter(municipality=municipality)
        .filter(Q(handled_at__isnull=True) | Q(proposals__status__in=["concept", "verstuurd", "wijzigen"]))
        .distinct()
        .select_related("intake")
    )


def request_get(*, municipality, pk) -> WorkshopRequest:
    found = WorkshopRequest.objects.filter(municipality=municipality, pk=pk).select_related("intake").first()
    if found is None:
        raise Http404
    return found


def proposal_list(*, municipality):
    return Proposal.objects.filter(municipality=municipality).select_related("request", "trainer")


def proposal_get(*, municipality, pk) -> Proposal:
    proposal = proposal_list(municipality=municipality).filter(pk=pk).first()
    if proposal is None:
        raise Http404
    return proposal


def proposal_by_token(*, municipality, token: str) -> Proposal | None:
    if not token or len(token) > 100:
        return None
    return (
        Proposal.objects.filter(municipality=municipality, token_hash=token_hash(token))
        .select_related("request", "trainer", "municipality")
        .first()
    )


def meeting_list(*, municipality):
    return Meeting.objects.filter(municipality=municipality).annotate(
        signup_count=Count("signups", filter=Q(signups__cancelled_at__isnull=True))
    )


def meeting_get(*, municipality, pk) -> Meeting:
    meeting = Meeting.objects.filter(municipality=municipality, pk=pk).select_related("municipality").first()
    if meeting is None:
        raise Http404
    return meeting


def meeting_by_invite_token(*, municipality, token: str) -> Meeting | None:
    if not token or len(token) > 100:
        return None
    return Meeting.objects.filter(municipality=municipality, invite_hash=token_hash(token)).first()


def signup_by_token(*, municipality, token: str) -> MeetingSignup | None:
    if not token or len(token) > 100:
        return None
    return (
        MeetingSignup.objects.filter(meeting__municipality=municipality, token_hash=token_hash(token))
        .select_related("meeting", "meeting__municipality")
        .first()
    )


# --- Coaching: only the coach and the coachee ---------------------------------------------------------------


def trajectories_of(*, municipality, user):
    return (
        CoachingTrajectory.objects.filter(municipality=municipality)
        .filter(Q(coach=user) | Q(coachee=user))
        .select_related("coach", "coachee")
    )


def trajectory_get(*, municipality, user, pk) -> CoachingTrajectory:
    """A trajectory the user is coach or coachee of; for anyone else (a coordinator, another trainer) a 404: we do
    not even confirm it exists."""
    trajectory = trajectories_of(municipality=municipality, user=user).filter(pk=pk).first()
    if trajectory is None:
        raise Http404
    return trajectory


def coaching_sources(*, municipality) -> dict:
    """The conversation model's phases and the library's pitfalls and success factors: choices and titles."""
    model = conversation_model_ensure_default(municipality=municipality)
    phases = {phase.key: phase.title for phase in phases_active(model=model)}
    items = item_list(municipality=municipality).filter(kind__in=[Kind.PITFALL, Kind.SUCCESS_FACTOR])
    pitfalls = {item.key: item.title for item in items if item.kind == Kind.PITFALL}
    factors = {item.key: item.title for item in items if item.kind == Kind.SUCCESS_FACTOR}
    return {"phases": phases, "pitfalls": pitfalls, "factors": factors}


def coachee_initiatives(*, municipality, user):
    """The coachee's own initiatives (they are the contact person): what they may choose to share."""
    return (
        Initiative.objects.filter(municipality=municipality, contact_person=user)
        .exclude(phase=Phase.NOT_AN_INITIATIVE)
        .only("pk", "reference", "title")
        .order_by("-submitted_at")
    )


def coachee_candidates(*, municipality, exclude=None) -> list:
    return [membership.user for membership in colleague_list(municipality=municipality) if membership.user != exclude]


# --- Opt-in ----------------------------------------------------------------------------------------------------


def participations_of(*, municipality, user):
    return (
        WorkshopParticipation.objects.filter(municipality=municipality, user=user)
        .select_related("session", "self_assessment")
        .order_by("-session__date")
    )


def sessions_to_link(*, municipality, user):
    """Workshops of this municipality that took place, which the user did not link yet."""
    linked = WorkshopParticipation.objects.filter(user=user).values("session_id")
    return (
        WorkshopSession.objects.filter(municipality=municipality, date__lte=timezone.localdate())
        .exclude(pk__in=linked)
        .order_by("-date")
    )
