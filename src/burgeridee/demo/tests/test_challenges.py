"""The demo shows the right to challenge: Gemeente Voorbeeld grants it, two tasks, one challenge underway."""

import pytest
from django.core.management import call_command

from burgeridee.challenges.models import Challenge, ChallengeSettings, ChallengeTask

pytestmark = pytest.mark.django_db


def test_demo_has_the_right_to_challenge_with_two_tasks_and_one_challenge_underway():
    call_command("seed_demo")
    assert ChallengeSettings.objects.get(municipality__slug="voorbeeld").is_enabled
    assert ChallengeTask.objects.filter(municipality__slug="voorbeeld", is_active=True).count() == 2
    (challenge,) = Challenge.objects.filter(municipality__slug="voorbeeld")
    assert challenge.plan_completed_at and not challenge.decision
    assert challenge.initiative.contact_person and challenge.initiative.handovers.exists()
