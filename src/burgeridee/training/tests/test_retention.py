"""Retention: sign-ups for past meetings and ended coaching go after their period; what is within it stays. A handled
request goes with its intake note and proposals (the workshops app's rule)."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.workshops.models import WorkshopRequest

from .. import services
from ..models import (
    CoachingGoal,
    CoachingNote,
    CoachingSession,
    CoachingTrajectory,
    Intake,
    Meeting,
    MeetingSignup,
    Proposal,
    ProposalItem,
    SharedInitiative,
)
from .factories import WorkshopRequestFactory

pytestmark = pytest.mark.django_db


def ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def meeting_with_signups(municipality, trainer, title, *, days_ago, names):
    meeting = services.meeting_create(
        municipality=municipality, organiser=trainer, title=title, starts_at=ago(-30), place="Gemeentehuis"
    )
    for name in names:
        services.meeting_sign_up(meeting=meeting, name=name, email=f"{name.lower()}@voorbeeld.example")
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=ago(days_ago))
    return meeting


def run(*args) -> str:
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


@override_settings(TRAINING_MEETING_SIGNUP_RETENTION_MONTHS=6)
def test_signups_go_six_months_after_the_meeting_and_the_meeting_stays(municipality, trainer):
    old = meeting_with_signups(municipality, trainer, "Intervisie voorjaar", days_ago=200, names=["Anna", "Bas"])
    recent = meeting_with_signups(municipality, trainer, "Intervisie zomer", days_ago=150, names=["Cor"])
    Meeting.objects.filter(pk=old.pk).update(outcomes="Eerst luisteren.")

    out = run("--dry-run")
    assert "meeting sign-ups:" in out
    assert "Gemeente Voorbeeld: 2 aanmeldingen voor voorbije bijeenkomsten" in out
    assert MeetingSignup.objects.count() == 3  # a dry run changes nothing

    run()
    assert list(MeetingSignup.objects.values_list("name", flat=True)) == ["Cor"]
    assert Meeting.objects.get(pk=old.pk).outcomes == "Eerst luisteren."  # the meeting itself stays
    assert Meeting.objects.filter(pk=recent.pk).exists()
    entry = ProcessingLogEntry.objects.get(activity="meeting_signups_delete")
    assert (entry.action, entry.purpose, entry.data_subject_type) == ("delete", "retention", "meeting_participants")
    assert "meeting sign-ups" not in run()  # nothing more the next time


@pytest.fixture
def omar(municipality):
    return StaffFactory(municipality=municipality, roles=[Role.CONTACT], username="omar")


def trajectory_with_data(municipality, trainer, coachee, title, *, session_days_ago, finished_days_ago=None):
    trajectory = services.trajectory_create(municipality=municipality, coach=trainer, coachee=coachee, title=title)
    services.goal_add(trajectory=trajectory, actor=coachee, text="Eerst luisteren")
    session = services.coaching_session_add(trajectory=trajectory, starts_at=ago(session_days_ago), place="Kamer 3")
    services.coaching_note_add(session=session, author=trainer, text="Privé")
    SharedInitiative.objects.create(trajectory=trajectory, summary="Een moestuin, zonder namen")
    if finished_days_ago is not None:
        CoachingTrajectory.objects.filter(pk=trajectory.pk).update(finished_at=ago(finished_days_ago))
    return trajectory


@override_settings(TRAINING_COACHING_RETENTION_MONTHS=12)
def test_coaching_goes_whole_a_year_after_it_ended(municipality, trainer, omar):
    coachee = omar
    finished = trajectory_with_data(
        municipality, trainer, coachee, "Klaar", session_days_ago=420, finished_days_ago=400
    )
    never_marked = trajectory_with_data(municipality, trainer, coachee, "Vergeten", session_days_ago=380)
    finished_recently = trajectory_with_data(
        municipality, trainer, coachee, "Net klaar", session_days_ago=400, finished_days_ago=300
    )
    running = trajectory_with_data(municipality, trainer, coachee, "Loopt", session_days_ago=500)
    services.coaching_session_add(trajectory=running, starts_at=ago(-7), place="Kamer 3")  # a session still to come

    out = run("--dry-run")
    assert "Gemeente Voorbeeld: 2 afgeronde coachingstrajecten" in out
    assert CoachingTrajectory.objects.count() == 4

    run()
    left = set(CoachingTrajectory.objects.values_list("pk", flat=True))
    assert left == {finished_recently.pk, running.pk}
    assert finished.pk not in left and never_marked.pk not in left
    for model in (CoachingGoal, SharedInitiative):
        assert set(model.objects.values_list("trajectory", flat=True)) == left
    assert set(CoachingSession.objects.values_list("trajectory", flat=True)) == left
    assert CoachingNote.objects.filter(session__trajectory__in=left).count() == CoachingNote.objects.count() == 2
    entries = ProcessingLogEntry.objects.filter(activity="coaching_delete")
    assert entries.count() == 2 and {e.data_subject_type for e in entries} == {"staff_member"}


def test_a_handled_request_goes_with_its_intake_and_accepted_proposal(municipality, trainer, settings):
    settings.WORKSHOP_REQUEST_RETENTION_MONTHS = 12
    request = WorkshopRequestFactory(municipality=municipality, kind="coaching")
    services.intake_save(workshop_request=request, held_on=date(2025, 1, 6), note="Wil coaching", actor=trainer)
    proposal = services.proposal_create(workshop_request=request, trainer=trainer)
    for item in proposal.items.all():
        services.proposal_item_update(item=item, date=date.today() + timedelta(days=7))
    services.proposal_send(proposal=proposal, actor=trainer)
    services.proposal_accept(proposal=proposal, name="Sanne Vermeer")
    WorkshopRequest.objects.filter(pk=request.pk).update(handled_at=ago(400))
    run()
    assert not WorkshopRequest.objects.exists()
    assert not Intake.objects.exists() and not Proposal.objects.exists() and not ProposalItem.objects.exists()
    # What was planned stays (until its own period): the coaching trajectory, no longer tied to a proposal.
    assert CoachingTrajectory.objects.get().proposal is None


def test_the_periods_are_shown_to_the_administrator_and_in_the_privacy_statement(
    client, staff_client_factory, municipality
):
    admin_client = staff_client_factory(municipality, Role.ADMINISTRATOR)
    with override_settings(TRAINING_MEETING_SIGNUP_RETENTION_MONTHS=3, TRAINING_COACHING_RETENTION_MONTHS=18):
        statement = client.get(f"/{municipality.slug}/privacy/").content.decode()
        beheer = admin_client.get(f"/werkplek/{municipality.slug}/beheer/bewaartermijnen/").content.decode()
    assert "organisatie tot 3 maanden na de bijeenkomst" in statement
    assert "<code>TRAINING_MEETING_SIGNUP_RETENTION_MONTHS</code></dt><dd>3</dd>" in beheer
    assert "<code>TRAINING_COACHING_RETENTION_MONTHS</code></dt><dd>18</dd>" in beheer
