"""The stored next deadline (Initiative.next_deadline) that the inbox's "Te laat" reads stays true.

After every service that changes a deadline, the stored column must give the same late initiatives as the
computed definition (initiatives.selectors.overdue_q) on any day, and nothing is left stale. A write past the
services (a queryset update) is repaired by the daily job."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from burgeridee.challenges.models import Challenge
from burgeridee.challenges.services import challenge_submit
from burgeridee.challenges.tests.factories import challenge_setup, idea_kwargs
from burgeridee.core.scheduling import SCHEDULED_JOBS
from burgeridee.deadlines.services import follow_up_complete, follow_up_create
from burgeridee.handovers.services import handover_answer, handover_ask
from burgeridee.initiatives import services
from burgeridee.initiatives.constants import Phase, StopReason
from burgeridee.initiatives.deadlines import deadlines_stale
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.selectors import overdue_q
from burgeridee.municipalities.tests.factories import DepartmentFactory
from burgeridee.workspace.selectors import late_q

pytestmark = pytest.mark.django_db


def assert_column_true(municipality):
    """Nothing stale, and on every day around the deadlines the stored and the computed late sets agree."""
    assert list(deadlines_stale().values_list("title", flat=True)) == []
    today = timezone.localdate()
    for offset in (-30, -1, 0, 1, 2, 10, 30, 60, 400):
        day = today + timedelta(days=offset)
        computed = set(Initiative.objects.filter(municipality=municipality).filter(overdue_q(today=day)))
        stored = set(Initiative.objects.filter(municipality=municipality).filter(late_q(today=day)))
        assert stored == computed, f"on {day}"


def test_every_deadline_service_keeps_the_column_true(municipality, submit_idea, coordinator_client):
    actor = coordinator_client.user
    today = timezone.localdate()
    initiative, _ = submit_idea(municipality, title="Bankje", now=timezone.now() - timedelta(days=20))
    initiative.refresh_from_db()
    assert initiative.next_deadline == initiative.first_contact_due < today
    assert_column_true(municipality)

    services.initiative_first_contact_made(initiative=initiative, actor=actor)
    initiative.refresh_from_db()
    assert initiative.next_deadline is None
    assert_column_true(municipality)

    callback = follow_up_create(initiative=initiative, due_date=today + timedelta(days=3), actor=actor)
    initiative.refresh_from_db()
    assert initiative.next_deadline == today + timedelta(days=3)
    handover = handover_ask(
        initiative=initiative,
        department=DepartmentFactory(municipality=municipality),
        question="Mag dit?",
        due_date=today - timedelta(days=2),
        actor=actor,
    )
    initiative.refresh_from_db()
    assert initiative.next_deadline == today - timedelta(days=2)  # the earliest of the two
    assert_column_true(municipality)

    handover_answer(handover=handover, answer="Ja.", actor=actor)
    initiative.refresh_from_db()
    assert initiative.next_deadline == today + timedelta(days=3)
    assert_column_true(municipality)

    follow_up_complete(follow_up=callback, actor=actor)
    initiative.refresh_from_db()
    assert initiative.next_deadline is None
    assert_column_true(municipality)

    follow_up_create(initiative=initiative, due_date=today - timedelta(days=1), actor=actor)
    assert_column_true(municipality)
    services.initiative_phase_change(
        initiative=initiative, to_phase=Phase.STOPPED, actor=actor, stop_reason=StopReason.WITHDRAWN, note="Verhuisd."
    )
    initiative.refresh_from_db()
    assert initiative.next_deadline is None  # closed: nothing is late any more
    assert_column_true(municipality)


def test_a_held_conversation_ends_the_first_contact_deadline(municipality, submit_idea, coordinator_client):
    """conversation_mark_held writes the initiative with a queryset update: it refreshes the column itself."""
    from burgeridee.conversations import services as conversation_services

    initiative, _ = submit_idea(municipality, title="Speelstraat", now=timezone.now() - timedelta(days=20))
    conversation = conversation_services.conversation_plan(
        initiative=initiative,
        starts_at=timezone.now() - timedelta(days=1),
        place="Buurthuis",
        actor=coordinator_client.user,
    )
    conversation_services.conversation_mark_held(
        conversation=conversation, actor=coordinator_client.user, held_on=timezone.localdate() - timedelta(days=1)
    )
    initiative.refresh_from_db()
    assert initiative.first_contact_at is not None and initiative.next_deadline is None
    assert_column_true(municipality)


def test_a_challenge_decision_deadline_counts(municipality, coordinator_client):
    tasks = challenge_setup(municipality)
    submitted = challenge_submit(municipality=municipality, task=tasks["square"], **idea_kwargs(municipality))
    challenge = Challenge.objects.get(initiative__municipality=municipality)
    services.initiative_first_contact_made(initiative=challenge.initiative, actor=coordinator_client.user)
    challenge.decision_due = timezone.localdate() - timedelta(days=1)
    challenge.save()
    assert challenge.initiative.__class__.objects.get(pk=challenge.initiative_id).next_deadline == (
        challenge.decision_due
    )
    assert_column_true(municipality)
    challenge.decision = "toegekend"
    challenge.save()
    assert Initiative.objects.get(pk=challenge.initiative_id).next_deadline is None
    assert_column_true(municipality)
    assert submitted


def test_a_write_past_the_services_is_repaired_by_the_daily_job(municipality, submit_idea):
    initiative, _ = submit_idea(municipality, title="Bankje")
    # A bulk correction of the promised day, past the model: the column is stale now...
    Initiative.objects.filter(pk=initiative.pk).update(first_contact_due=timezone.localdate() - timedelta(days=5))
    assert list(deadlines_stale()) == [initiative]
    assert "refresh_deadlines" in {job.command for job in SCHEDULED_JOBS}
    call_command("refresh_deadlines")  # ...until the daily job runs
    assert list(deadlines_stale()) == []
    assert_column_true(municipality)


def test_a_deadline_met_past_the_services_is_not_shown_late_even_before_the_repair(
    coordinator_client, municipality, submit_idea
):
    """The column finds the candidates; each row's own deadlines confirm them, so a stale "late" never shows."""
    initiative, _ = submit_idea(municipality, title="Bankje", now=timezone.now() - timedelta(days=20))
    Initiative.objects.filter(pk=initiative.pk).update(first_contact_at=timezone.now())
    assert list(deadlines_stale()) == [initiative]
    response = coordinator_client.get(f"/werkplek/{municipality.slug}/", {"tab": "te-laat"})
    assert list(response.context["page"].object_list) == []
    assert response.context["tabs"][2]["count"].value == 0
    row = coordinator_client.get(f"/werkplek/{municipality.slug}/", {"tab": "alle"}).context["page"].object_list[0]
    assert row.is_overdue is False
