"""The life cycle of BRIEF §8: which phase changes are allowed, and what the service records."""

import pytest

from burgeridee.initiatives import services
from burgeridee.initiatives.constants import Phase, StopReason, phase_transitions
from burgeridee.initiatives.models import Initiative

P = Phase


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (P.IDEA, P.EXPLORING),
        (P.EXPLORING, P.PLANNING),
        (P.PLANNING, P.AGREEMENTS),
        (P.AGREEMENTS, P.EXECUTION),
        (P.EXECUTION, P.SUSTAINING),
        (P.SUSTAINING, P.EVALUATING),
        (P.EVALUATING, P.COMPLETED),
        (P.EVALUATING, P.EXECUTION),  # doorgaan
        (P.PLANNING, P.EXPLORING),  # one step back to correct
        (P.IDEA, P.NOT_AN_INITIATIVE),
        (P.EXPLORING, P.NOT_AN_INITIATIVE),
        (P.IDEA, P.STOPPED),
        (P.EXECUTION, P.STOPPED),
        (P.EXECUTION, P.PAUSED),
        (P.IDEA, P.PAUSED),
    ],
)
def test_allowed(start, to):
    assert to in phase_transitions(start)


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (P.IDEA, P.PLANNING),  # no skipping
        (P.IDEA, P.COMPLETED),
        (P.EXPLORING, P.EXECUTION),
        (P.EXECUTION, P.COMPLETED),  # evaluate first
        (P.PLANNING, P.NOT_AN_INITIATIVE),  # only early on
        (P.EXECUTION, P.IDEA),
        (P.COMPLETED, P.EXECUTION),  # closed phases are final
        (P.STOPPED, P.IDEA),
        (P.NOT_AN_INITIATIVE, P.EXPLORING),
        (P.EXECUTION, P.EXECUTION),
        (P.PAUSED, P.COMPLETED),
    ],
)
def test_refused(start, to):
    assert to not in phase_transitions(start, paused_phase=P.EXECUTION)


def test_paused_resumes_only_to_the_phase_it_was_paused_in():
    assert phase_transitions(P.PAUSED, paused_phase=P.PLANNING) == [P.PLANNING, P.STOPPED]


def test_every_open_phase_can_pause_and_stop_and_closed_phases_go_nowhere():
    for phase in P.values:
        allowed = phase_transitions(phase, paused_phase=P.IDEA)
        if phase in {P.COMPLETED, P.STOPPED, P.NOT_AN_INITIATIVE}:
            assert allowed == []
        else:
            assert P.STOPPED in allowed


@pytest.mark.django_db
class TestService:
    def test_step_forward_writes_a_time_line_event(self, municipality, submit_idea, contact):
        actor = contact
        initiative, _token = submit_idea(municipality)
        services.initiative_phase_change(initiative=initiative, to_phase=P.EXPLORING, actor=actor)
        initiative.refresh_from_db()
        assert initiative.phase == P.EXPLORING
        event = initiative.events.get(kind="fase")
        assert event.data == {"from": P.IDEA, "to": P.EXPLORING}
        assert event.actor == actor

    def test_refused_step_changes_nothing(self, municipality, submit_idea):
        initiative, _token = submit_idea(municipality)
        with pytest.raises(services.ActionRefused, match="Van fase Idee naar Uitvoering kan niet"):
            services.initiative_phase_change(initiative=initiative, to_phase=P.EXECUTION, actor=None)
        initiative.refresh_from_db()
        assert initiative.phase == P.IDEA
        assert not initiative.events.filter(kind="fase").exists()

    def test_stop_needs_a_reason(self, municipality, submit_idea):
        initiative, _token = submit_idea(municipality)
        with pytest.raises(services.ActionRefused, match="Kies waarom"):
            services.initiative_phase_change(initiative=initiative, to_phase=P.STOPPED, actor=None)
        services.initiative_phase_change(
            initiative=initiative, to_phase=P.STOPPED, actor=None, stop_reason=StopReason.LEAD_DROPPED_OUT, note="Druk"
        )
        initiative.refresh_from_db()
        assert (initiative.phase, initiative.stop_reason, initiative.stop_note) == (
            P.STOPPED,
            StopReason.LEAD_DROPPED_OUT,
            "Druk",
        )
        assert initiative.closed_at is not None

    def test_not_an_initiative_needs_where_it_went(self, municipality, submit_idea):
        initiative, _token = submit_idea(municipality)
        with pytest.raises(services.ActionRefused, match="doorverwezen"):
            services.initiative_phase_change(initiative=initiative, to_phase=P.NOT_AN_INITIATIVE, actor=None)
        services.initiative_phase_change(
            initiative=initiative, to_phase=P.NOT_AN_INITIATIVE, actor=None, note="Wijkteam Oost, Anja"
        )
        initiative.refresh_from_db()
        assert initiative.stop_note == "Wijkteam Oost, Anja"
        assert initiative.is_closed

    def test_pause_and_resume_returns_to_the_same_phase(self, municipality, submit_idea):
        initiative, _token = submit_idea(municipality)
        services.initiative_phase_change(initiative=initiative, to_phase=P.EXPLORING, actor=None)
        services.initiative_phase_change(initiative=initiative, to_phase=P.PAUSED, actor=None)
        initiative.refresh_from_db()
        assert initiative.paused_phase == P.EXPLORING
        with pytest.raises(services.ActionRefused):
            services.initiative_phase_change(initiative=initiative, to_phase=P.IDEA, actor=None)
        services.initiative_phase_change(initiative=initiative, to_phase=P.EXPLORING, actor=None)
        initiative = Initiative.objects.get(pk=initiative.pk)
        assert (initiative.phase, initiative.paused_phase) == (P.EXPLORING, "")
