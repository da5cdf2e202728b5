"""The challenge route through the services: submitted, plan, advice by hand-over, assessment per criterion,
decision, agreement with monitoring moments that become deadlines, evaluation; and a refusal."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from burgeridee.conversations.models import ConversationModel
from burgeridee.conversations.services import conversation_plan
from burgeridee.deadlines.models import FollowUp
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.services import ActionRefused, initiative_assign_contact
from burgeridee.records.models import TimelineEvent

from .. import selectors, services
from ..constants import CONVERSATION_VARIANT, CriterionVerdict, Decision
from ..models import Challenge
from .factories import idea_kwargs


def _submit(municipality, task):
    submitted = services.challenge_submit(municipality=municipality, task=task, **idea_kwargs(municipality))
    return submitted.initiative.challenge


def _plan(challenge, actor):
    return services.challenge_plan_save(
        challenge=challenge,
        actor=actor,
        plan_what="Maaien en snoeien",
        plan_where="Lindeplein",
        plan_budget=Decimal("3500"),
        plan_quality="Zoals de gemeente vraagt",
        plan_insurance="Vrijwilligersverzekering van de gemeente",
        plan_support_evidence="handtekeningen",
        plan_support_count=42,
        complete=True,
    )


def _assess(challenge, actor, verdict=CriterionVerdict.MET):
    criteria = selectors.criteria_for_assessment(municipality=challenge.municipality)
    scores = [services.CriterionScore(criterion=c, verdict=verdict, reasoning=f"Reden bij {c.title}") for c in criteria]
    return services.challenge_assess(challenge=challenge, actor=actor, scores=scores)


def test_a_closed_municipality_takes_no_challenge(municipality):
    with pytest.raises(services.ChallengeNotOpen):
        services.challenge_submit(municipality=municipality, task=None, other_task="Iets", **idea_kwargs(municipality))


def test_granted_route_with_agreement_and_deadlines(municipality, challenge_tasks, contact):
    challenge = _submit(municipality, challenge_tasks["square"])
    initiative = challenge.initiative
    assert TimelineEvent.objects.filter(initiative=initiative, kind="uitdaging_ontvangen").exists()
    initiative_assign_contact(initiative=initiative, contact=contact, actor=contact)

    # The first conversation uses the challenge's variant of the conversation model.
    conversation = conversation_plan(
        initiative=initiative, starts_at=initiative.submitted_at + timedelta(days=3), place="Buurthuis", actor=contact
    )
    assert conversation.model.variant == CONVERSATION_VARIANT
    assert conversation.model.phases.filter(key="plan-kosten-kwaliteit").exists()

    with pytest.raises(ActionRefused):
        services.challenge_plan_save(
            challenge=challenge,
            actor=contact,
            plan_what="x",
            plan_where="",
            plan_budget=None,
            plan_quality="",
            plan_insurance="",
            plan_support_evidence="",
            complete=True,
        )
    challenge = _plan(challenge, contact)
    assert challenge.decision_due == timezone.localdate(challenge.plan_completed_at) + timedelta(weeks=8)

    handover = services.challenge_advice_ask(challenge=challenge, actor=contact, question="Niet duurder?")
    assert handover.department == challenge_tasks["department"]
    assert "Lindeplein" in handover.context and "Fatima" not in handover.context

    with pytest.raises(ActionRefused):  # not every criterion
        services.challenge_assess(challenge=challenge, actor=contact, scores=[])
    _assess(challenge, contact)
    challenge = services.challenge_decide(
        challenge=challenge, actor=contact, decision=Decision.GRANTED, reasons="Het plan voldoet op elk punt."
    )
    initiative.refresh_from_db()
    assert initiative.phase == Phase.AGREEMENTS
    assert "mag de taak" in initiative.messages.last().body

    today = timezone.localdate()
    challenge = services.challenge_agreement_make(
        challenge=challenge,
        actor=contact,
        starts=today,
        ends=today + timedelta(days=365),
        budget=Decimal("3500"),
        quality="Maandelijks maaien",
        moments=[
            services.Moment(today + timedelta(days=90), "Eerste kwartaal"),
            services.Moment(today + timedelta(days=180), "Halfjaar"),
        ],
    )
    follow_ups = FollowUp.objects.filter(initiative=initiative).order_by("due_date")
    assert [f.due_date for f in follow_ups] == [today + timedelta(days=90), today + timedelta(days=180)]
    assert all(f.assigned_to == contact for f in follow_ups)
    initiative.refresh_from_db()
    assert initiative.phase == Phase.EXECUTION
    services.challenge_evaluate(challenge=challenge, actor=contact, note="Het gaat goed.")

    steps = selectors.resident_steps(
        challenge=Challenge.objects.get(pk=challenge.pk), first_conversation_at=conversation.starts_at
    )
    assert [s.state for s in steps] == ["done"] * 7
    assert all(s.day for s in steps)


def test_refusal_closes_the_initiative(municipality, challenge_tasks, contact):
    challenge = _submit(municipality, challenge_tasks["playground"])
    challenge = _plan(challenge, contact)
    with pytest.raises(ActionRefused):  # a decision needs the assessment first
        services.challenge_decide(challenge=challenge, actor=contact, decision=Decision.REFUSED, reasons="Nee")
    _assess(challenge, contact, verdict=CriterionVerdict.NOT_MET)
    services.challenge_decide(challenge=challenge, actor=contact, decision=Decision.REFUSED, reasons="Te duur.")
    challenge.initiative.refresh_from_db()
    assert challenge.initiative.phase == Phase.STOPPED
    with pytest.raises(ActionRefused):
        services.challenge_agreement_make(
            challenge=challenge,
            actor=contact,
            starts=timezone.localdate(),
            ends=timezone.localdate() + timedelta(days=1),
            budget=Decimal(1),
            quality="x",
            moments=[services.Moment(timezone.localdate(), "x")],
        )
    steps = selectors.resident_steps(challenge=Challenge.objects.get(pk=challenge.pk))
    # A refused route ends at the decision: no agreement or evaluation is shown or promised.
    assert [s.state for s in steps] == ["done"] * len(steps)
    assert len(steps) == 5


def test_convert_needs_the_contact_person_and_the_residents_agreement(
    municipality, challenge_tasks, contact, initiative, coordinator
):
    with pytest.raises(ActionRefused):
        services.challenge_convert(
            initiative=initiative, actor=contact, resident_agreement="Ja", task=challenge_tasks["square"]
        )
    initiative_assign_contact(initiative=initiative, contact=contact, actor=coordinator)
    initiative.refresh_from_db()
    with pytest.raises(ActionRefused):
        services.challenge_convert(
            initiative=initiative, actor=contact, resident_agreement=" ", task=challenge_tasks["square"]
        )
    challenge = services.challenge_convert(
        initiative=initiative,
        actor=contact,
        resident_agreement="Telefonisch op 3 maart",
        task=challenge_tasks["square"],
    )
    assert challenge.resident_agreement == "Telefonisch op 3 maart"
    assert TimelineEvent.objects.filter(initiative=initiative, kind="uitdaging_omgezet").exists()
    first = selectors.resident_steps(challenge=challenge)[0]
    assert first.title == "Uw idee volgt nu de route van het uitdaagrecht" and first.state == "done"
    told = initiative.messages.filter(body__contains="volgt uw idee nu de route van het uitdaagrecht").get()
    assert "Groenonderhoud van een plein" in told.body


def test_register_has_no_personal_data(municipality, challenge_tasks, contact):
    challenge = _plan(_submit(municipality, challenge_tasks["square"]), contact)
    _assess(challenge, contact)
    services.challenge_decide(challenge=challenge, actor=contact, decision=Decision.PARTLY, reasons="Deels")
    rows = selectors.register_rows(municipality=municipality)
    assert [(r.task, r.neighbourhood, r.decision) for r in rows] == [
        ("Groenonderhoud van een plein", "Centrum", "Deels toegekend")
    ]
    assert "Fatima" not in repr(rows)


def test_every_municipality_has_the_challenge_variant(municipality, other_municipality):
    assert ConversationModel.objects.filter(municipality=other_municipality, variant=CONVERSATION_VARIANT).count() == 1


def test_the_insight_counts_by_task_and_decision_and_the_term(municipality, challenge_tasks, contact):
    challenge = _plan(_submit(municipality, challenge_tasks["square"]), contact)
    _assess(challenge, contact)
    services.challenge_decide(challenge=challenge, actor=contact, decision=Decision.GRANTED, reasons="Ja")
    _submit(municipality, challenge_tasks["playground"])
    figures = selectors.insight(municipality=municipality)
    assert figures.total == 2
    assert dict(figures.by_task) == {"Groenonderhoud van een plein": 1, "Onderhoud van een speeltuin": 1}
    assert dict(figures.by_decision)["Toegekend"] == 1 and dict(figures.by_decision)["Nog geen besluit"] == 1
    assert figures.decided == 1 and figures.within_term == 1 and figures.median_days == 0
