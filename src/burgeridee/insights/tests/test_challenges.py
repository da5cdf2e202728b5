"""The dashboard counts challenges by task and decision, and the time to a decision against the bylaw's term."""

from datetime import timedelta

from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.challenges import services
from burgeridee.challenges.models import Challenge
from burgeridee.challenges.tests.factories import challenge_setup, idea_kwargs


def test_dashboard_and_csv_show_the_challenges(municipality, staff_client_factory):
    setup = challenge_setup(municipality, weeks=6)
    granted = services.challenge_submit(municipality=municipality, task=setup["square"], **idea_kwargs(municipality))
    services.challenge_submit(municipality=municipality, task=setup["playground"], **idea_kwargs(municipality))
    now = timezone.now()
    Challenge.objects.filter(initiative=granted.initiative).update(
        plan_completed_at=now - timedelta(days=50), decided_at=now, decision="toegekend"
    )
    client = staff_client_factory(municipality, Role.COORDINATOR)
    page = client.get("/werkplek/voorbeeld/inzicht/").content.decode()
    assert "Uitdagingen per taak" in page and "Groenonderhoud van een plein" in page
    assert "Uitdagingen per besluit" in page and "Toegekend" in page
    assert "6 weken na een compleet plan" in page
    assert "50 dagen" in page  # median: one decided, 50 days after its plan was complete (over the term)
    csv = client.get("/werkplek/voorbeeld/inzicht/export.csv").content.decode("utf-8-sig")
    assert "uitdaagrecht per taak;Onderhoud van een speeltuin;1" in csv
    assert "uitdaagrecht;besloten na de termijn;1" in csv
