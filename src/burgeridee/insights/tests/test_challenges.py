"""The dashboard counts challenges by task and decision, and the time to a decision against the bylaw's term."""

from datetime import timedelta

from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.challenges import services
from burgeridee.challenges.models import Challenge
from burgeridee.challenges.selectors import insight
from burgeridee.challenges.tests.factories import challenge_setup, idea_kwargs


def _noon():
    """Today at noon, local time: "50 days ago" is then 50 calendar days ago, also across a change to or from
    summer time (timezone.now() minus 50 x 24 hours falls on the day before when it is between 23:00 and 24:00)."""
    return timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)


def test_dashboard_and_csv_show_the_challenges(municipality, staff_client_factory):
    setup = challenge_setup(municipality, weeks=6)
    granted = services.challenge_submit(municipality=municipality, task=setup["square"], **idea_kwargs(municipality))
    services.challenge_submit(municipality=municipality, task=setup["playground"], **idea_kwargs(municipality))
    now = _noon()
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


def _four_challenges(municipality):
    """Hand-made figures (term 6 weeks = 42 days):
    A square,     Centrum,    leefbaar: granted 30 days after a complete plan (within the term)
    B playground, Centrum,    veilig:   refused 50 days after (over)
    C square,     Oosterpark, leefbaar: granted 60 days after (over)
    D playground, Oosterpark, leefbaar: no decision, due 3 days ago (waiting over the term)"""
    setup = challenge_setup(municipality, weeks=6)
    centrum, oosterpark = municipality.neighbourhoods.order_by("name")
    now = _noon()
    rows = [
        ("square", centrum, "leefbaar", 30, "toegekend"),
        ("playground", centrum, "veilig", 50, "afgewezen"),
        ("square", oosterpark, "leefbaar", 60, "toegekend"),
        ("playground", oosterpark, "leefbaar", None, ""),
    ]
    for task, neighbourhood, theme, days, decision in rows:
        submitted = services.challenge_submit(
            municipality=municipality,
            task=setup[task],
            **idea_kwargs(municipality, neighbourhood=neighbourhood, theme=theme),
        )
        if days is None:
            Challenge.objects.filter(initiative=submitted.initiative).update(
                plan_completed_at=now - timedelta(days=45), decision_due=timezone.localdate() - timedelta(days=3)
            )
        else:
            Challenge.objects.filter(initiative=submitted.initiative).update(
                plan_completed_at=now - timedelta(days=days), decided_at=now, decision=decision
            )
    return centrum, oosterpark


def _figures(result):
    return (
        result.total,
        dict(result.by_task),
        dict(result.by_decision),
        result.median_days,
        result.within_term,
        result.over_term,
        result.waiting_over_term,
    )


def test_challenge_figures_follow_the_neighbourhood_and_theme_filters(municipality):
    centrum, oosterpark = _four_challenges(municipality)
    square, playground = "Groenonderhoud van een plein", "Onderhoud van een speeltuin"
    decisions = {"Toegekend": 0, "Deels toegekend": 0, "Afgewezen": 0, "Nog geen besluit": 0}
    assert _figures(insight(municipality=municipality)) == (
        4, {square: 2, playground: 2}, decisions | {"Toegekend": 2, "Afgewezen": 1, "Nog geen besluit": 1}, 50, 1, 2, 1
    )  # fmt: skip
    assert _figures(insight(municipality=municipality, neighbourhood_id=centrum.pk)) == (
        2, {square: 1, playground: 1}, decisions | {"Toegekend": 1, "Afgewezen": 1}, 40, 1, 1, 0
    )  # fmt: skip
    assert _figures(insight(municipality=municipality, neighbourhood_id=oosterpark.pk, theme="leefbaar")) == (
        2, {square: 1, playground: 1}, decisions | {"Toegekend": 1, "Nog geen besluit": 1}, 60, 0, 1, 1
    )  # fmt: skip
    assert _figures(insight(municipality=municipality, theme="veilig")) == (
        1, {playground: 1}, decisions | {"Afgewezen": 1}, 50, 0, 1, 0
    )  # fmt: skip


def test_dashboard_page_and_csv_use_the_filters_for_challenges(municipality, staff_client_factory):
    centrum, _oosterpark = _four_challenges(municipality)
    client = staff_client_factory(municipality, Role.COORDINATOR)
    today = timezone.localdate()
    query = f"date_from={today - timedelta(days=30)}&date_to={today}&neighbourhood={centrum.pk}&theme=veilig"
    page = client.get(f"/werkplek/voorbeeld/inzicht/?{query}").content.decode()
    assert "50 dagen" in page  # only B: refused 50 days after its plan was complete
    assert "0 van 1" in page  # decided within the term: none of one
    csv = client.get(f"/werkplek/voorbeeld/inzicht/export.csv?{query}").content.decode("utf-8-sig")
    assert "uitdaagrecht per taak;Onderhoud van een speeltuin;1" in csv
    assert "Groenonderhoud van een plein" not in csv
    assert "uitdaagrecht per besluit;Afgewezen;1" in csv
    assert "uitdaagrecht per besluit;Toegekend;0" in csv
    assert "uitdaagrecht;besloten na de termijn;1" in csv
