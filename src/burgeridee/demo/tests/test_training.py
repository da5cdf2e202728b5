"""The demo shows training on measure: an accepted proposal with what it planned, a meeting, a coaching trajectory."""

import pytest
from django.core.management import call_command

from burgeridee.training.constants import ProposalStatus
from burgeridee.training.models import CoachingTrajectory, Meeting, Proposal
from burgeridee.workshops.models import WorkshopSession

pytestmark = pytest.mark.django_db


def test_demo_has_a_proposal_a_meeting_and_a_coaching_trajectory():
    call_command("seed_demo")
    proposal = Proposal.objects.get(municipality__slug="voorbeeld")
    assert proposal.status == ProposalStatus.ACCEPTED and proposal.request.intake.note
    assert proposal.items.filter(planned_session__isnull=False).count() == 1
    assert WorkshopSession.objects.filter(municipality__slug="voorbeeld").count() == 2
    assert Meeting.objects.filter(proposal=proposal).count() == 1
    residents = Meeting.objects.get(kind="bewoners")
    assert residents.signups.count() == 2 and len(residents.agenda_points) == 4
    trajectory = CoachingTrajectory.objects.get()
    assert trajectory.coachee.username == "contact2" and trajectory.coach.username == "trainer"
    assert trajectory.goals.get().pitfall_keys == ["V5", "V8"]
    assert trajectory.sessions.count() == 4 and trajectory.sessions.filter(notes__isnull=False).distinct().count() == 1
