"""The dashboard aggregated in the database (working-day calendar, one pass over the initiatives) gives exactly
the figures of the computation before it (legacy_dashboard), on a data set built to hit the edges: holidays,
weekends, late evenings (UTC versus Dutch dates), summer time, back-dated and missing first contacts, dates
outside the calendar, open and closed initiatives, and every filter."""

import random
import statistics
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from burgeridee.core.dates import working_days_between
from burgeridee.deadlines import services as deadline_services
from burgeridee.evaluations.services import evaluation_submit
from burgeridee.handovers import services as handover_services
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.constants import Phase, StopReason, Theme
from burgeridee.initiatives.models import Initiative
from burgeridee.insights import selectors
from burgeridee.insights.calendar import CALENDAR_EPOCH, working_day_calendar_refresh
from burgeridee.insights.models import WorkingDay
from burgeridee.municipalities.tests.factories import DepartmentFactory

from . import legacy_dashboard

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 5, 20)

# Moments around holidays and weekends of 2025-2026 (Dutch dates), late in the evening and just after midnight.
MOMENTS = [
    datetime(2025, 12, 24, 23, 30),  # Christmas Eve, late: 22:30 UTC
    datetime(2025, 12, 31, 0, 15),  # New Year's Eve just after midnight (still 30 Dec in UTC)
    datetime(2026, 1, 2, 9, 0),
    datetime(2026, 3, 28, 23, 59),  # Saturday before summer time
    datetime(2026, 3, 29, 3, 30),  # the Sunday summer time starts
    datetime(2026, 4, 2, 17, 0),  # Thursday before Good Friday
    datetime(2026, 4, 3, 10, 0),  # Good Friday (a holiday under the Algemene termijnenwet)
    datetime(2026, 4, 24, 16, 0),
    datetime(2026, 4, 26, 12, 0),  # Sunday before King's Day
    datetime(2026, 5, 4, 23, 45),  # the evening before Liberation Day (a holiday every year)
    datetime(2026, 5, 8, 11, 0),
    datetime(2026, 5, 13, 0, 0),  # midnight exactly
    datetime(2026, 5, 19, 22, 0),
]
FIRST_CONTACT_AFTER = [None, 0, 1, 2, 3, 5, 8, 13, 40, -3, "far"]


@pytest.fixture
def built(municipality, submit_idea, contact):
    rng = random.Random(18)
    hoods = [*municipality.neighbourhoods.order_by("name"), None]
    departments = [DepartmentFactory(municipality=municipality, name=name) for name in ("Groen", "Vergunningen")]
    phases = [*Phase.values, Phase.STOPPED, Phase.STOPPED]
    for index in range(60):
        submitted = MOMENTS[index % len(MOMENTS)].replace(tzinfo=AMS) + timedelta(days=7 * (index // len(MOMENTS)))
        if index == 59:  # before the calendar begins (only a wide filter includes it)
            submitted = datetime(1999, 12, 30, 10, 0, tzinfo=AMS)
        initiative, _token = submit_idea(
            municipality,
            now=submitted,
            neighbourhood=hoods[index % len(hoods)],
            theme=rng.choice(Theme.values),
            support_types=rng.sample(["geld", "materialen", "vergunning", "ruimte"], k=rng.randint(0, 2)),
        )
        after = FIRST_CONTACT_AFTER[index % len(FIRST_CONTACT_AFTER)]
        if after == "far":  # a first contact dated after the calendar ends (mistyped year)
            contact_at = submitted.replace(year=2099)
        elif after is not None:
            contact_at = submitted + timedelta(days=after, hours=rng.choice([-11, 0, 5]))
        phase = rng.choice(phases)
        Initiative.objects.filter(pk=initiative.pk).update(
            first_contact_at=None if after is None else contact_at,
            first_contact_due=(submitted + timedelta(days=rng.randint(1, 20))).date(),
            phase=phase,
            stop_reason=rng.choice(StopReason.values) if phase == Phase.STOPPED else "",
        )
        if index % 4 == 0:
            handover = handover_services.handover_ask(
                initiative=initiative,
                department=departments[index % 2],
                question="Kan dit?",
                actor=contact,
                now=submitted,
            )
            if index % 8 == 0:
                handover_services.handover_answer(
                    handover=handover, answer="Ja.", actor=None, now=submitted + timedelta(days=index % 9 + 1)
                )
        if index % 5 == 0:
            deadline_services.follow_up_create(
                initiative=initiative,
                due_date=submitted.date() + timedelta(days=3),
                assigned_to=contact,
                note="Bellen",
                actor=contact,
                now=submitted,
            )
        if index % 6 == 0:
            answers = {name: rng.randint(1, 5) for name in ("reachability", "speed", "clarity", "personal_contact")}
            evaluation_submit(initiative=initiative, answers={**answers, "result": rng.randint(1, 5)})
    return municipality


def both(municipality, **filters):
    base = {"date_from": date(2025, 12, 1), "date_to": TODAY}
    new = selectors.dashboard(municipality=municipality, filters=selectors.Filters(**{**base, **filters}), today=TODAY)
    old = legacy_dashboard.dashboard(
        municipality=municipality, filters=legacy_dashboard.Filters(**{**base, **filters}), today=TODAY
    )
    return repr(old), repr(new)


def filter_sets(municipality):
    centrum = municipality.neighbourhoods.order_by("name").first()
    return [
        {},
        {"date_from": date(1999, 1, 1)},  # includes the submission before the calendar
        {"neighbourhood_id": centrum.pk},
        {"theme": Theme.SAFE},
        {"theme": Theme.LIVEABLE, "neighbourhood_id": centrum.pk},
        {"date_from": date(2025, 12, 25), "date_to": date(2025, 12, 31)},  # 23:30 on the 24th is outside
        {"date_from": date(2026, 3, 29), "date_to": date(2026, 3, 29)},  # the day summer time starts
        {"date_from": date(2026, 5, 13), "date_to": date(2026, 5, 13)},  # midnight exactly is inside
        {"date_from": date(2030, 1, 1), "date_to": date(2030, 12, 31)},  # nothing
    ]


def test_every_figure_is_the_same_as_before(built):
    for filters in filter_sets(built):
        old, new = both(built, **filters)
        assert new == old, filters


def test_the_same_figures_without_a_calendar(built):
    """An empty calendar (a table flushed, a restore without it) only makes the work slower, never different."""
    WorkingDay.objects.all().delete()
    for filters in filter_sets(built):
        old, new = both(built, **filters)
        assert new == old, filters


def test_the_built_set_reaches_the_edges(built):
    """Guard for the test above: the data set has what it is meant to have."""
    board = selectors.dashboard(
        municipality=built, filters=selectors.Filters(date_from=date(1999, 1, 1), date_to=TODAY), today=TODAY
    )
    assert board.first_contact.count >= 40 and board.overdue_first_contacts >= 1
    assert board.stop_reasons and board.handovers and board.evaluation_count
    assert board.first_contact.p90 > board.first_contact.promise  # the far first contacts count


def test_calendar_numbers_count_working_days_as_core_dates():
    working_day_calendar_refresh(today=TODAY)
    numbers = dict(WorkingDay.objects.values_list("day", "number"))
    assert min(numbers) == CALENDAR_EPOCH and max(numbers) == date(TODAY.year + 5, 12, 31)
    pairs = [
        (date(2026, 4, 2), date(2026, 4, 7)),  # Good Friday and Easter Monday: 1 working day (Tue 7)
        (date(2026, 5, 4), date(2026, 5, 6)),  # Liberation Day: Wed 6 only
        (date(2025, 12, 24), date(2026, 1, 2)),  # Christmas and New Year
        (date(2026, 1, 9), date(2026, 1, 12)),  # a weekend: Friday to Monday is 1
        (date(2026, 4, 27), date(2026, 4, 27)),  # the same day: 0
        (date(2026, 4, 28), date(2026, 4, 24)),  # backwards: negative
    ]
    for start, end in pairs:
        assert numbers[end] - numbers[start] == working_days_between(start, end), (start, end)
    assert numbers[date(2026, 4, 7)] - numbers[date(2026, 4, 2)] == 1


def test_calendar_refresh_is_idempotent_and_repairs_a_wrong_row():
    working_day_calendar_refresh(today=TODAY)
    assert working_day_calendar_refresh(today=TODAY) == 0
    WorkingDay.objects.filter(day=date(2026, 4, 3)).update(number=0)
    WorkingDay.objects.filter(day=date(2031, 12, 31)).delete()
    assert working_day_calendar_refresh(today=TODAY) > 0
    day_after = WorkingDay.objects.get(day=date(2026, 4, 7)).number
    assert day_after - WorkingDay.objects.get(day=date(2026, 4, 3)).number == 1


@pytest.mark.parametrize("seed", range(6))
def test_median_and_percentile_from_counts_equal_statistics(seed):
    rng = random.Random(seed)
    days = [rng.randint(-3, 30) for _ in range(rng.choice([1, 2, 3, 10, 11, 257]))]
    counts = {}
    for d in days:
        counts[d] = counts.get(d, 0) + 1
    durations = selectors.durations_from_histogram(counts, promise=5)
    reference = legacy_dashboard.Durations(
        count=len(days),
        median=statistics.median(days),
        p90=legacy_dashboard._percentile(days, 0.9),
        within_promise=sum(1 for d in days if d <= 5),
        promise=5,
    )
    assert repr(durations) == repr(reference)
    assert selectors.durations_from_histogram({}, promise=5) == selectors.Durations(promise=5)


@pytest.fixture
def built_with_handovers(built, contact):
    """`built` with a hand-over per initiative to five departments: answered the same day, after days or weeks,
    late in the evening (UTC versus Dutch dates), after the calendar ends (a mistyped year), before the
    question (a mistyped date), open before and past the due date; two departments with the same median (the
    slowest-first order then follows the names, also lower case) and one asked before the calendar begins."""
    departments = [DepartmentFactory(municipality=built, name=name) for name in ("Wegen", "Afval", "beheer", "Markt")]
    departments.append(Handover.objects.filter(initiative__municipality=built).first().department)  # "Groen"
    rng = random.Random(20)
    for index, initiative in enumerate(Initiative.objects.filter(municipality=built).order_by("pk")):
        asked = initiative.submitted_at + timedelta(days=rng.randint(0, 10), hours=rng.choice([-11, 0, 7]))
        handover = handover_services.handover_ask(
            initiative=initiative,
            department=departments[index % len(departments)],
            question="Kan dit?",
            actor=contact,
            now=asked,
            due_date=asked.date() + timedelta(days=rng.choice([5, 30, 200])),
        )
        kind = index % 7
        if kind < 4:
            answered = asked + timedelta(days=rng.choice([0, 1, 3, 8, 15]), hours=rng.choice([0, 5, 13]))
            handover_services.handover_answer(handover=handover, answer="Ja.", actor=None, now=answered)
        elif kind == 4:
            Handover.objects.filter(pk=handover.pk).update(answered_at=asked.replace(year=2099))
        elif kind == 5:
            Handover.objects.filter(pk=handover.pk).update(answered_at=asked - timedelta(days=4))
    # Two departments whose median is the same, so only their names order them.
    first, second = Initiative.objects.filter(municipality=built).order_by("pk")[:2]
    for name, initiative in (("Zwembad", first), ("Markthal", second)):
        department = DepartmentFactory(municipality=built, name=name)
        asked = datetime(2026, 2, 2, 9, 0, tzinfo=AMS)  # a Monday: answered on Wednesday = 2 working days
        handover = handover_services.handover_ask(
            initiative=initiative, department=department, question="Mag dit?", actor=contact, now=asked
        )
        handover_services.handover_answer(
            handover=handover, answer="Ja.", actor=None, now=asked + timedelta(days=2, hours=13)
        )
    return built


def test_handovers_per_department_are_the_same_as_before(built_with_handovers):
    for filters in filter_sets(built_with_handovers):
        old, new = both(built_with_handovers, **filters)
        assert new == old, filters
    board = selectors.dashboard(
        municipality=built_with_handovers,
        filters=selectors.Filters(date_from=date(1999, 1, 1), date_to=TODAY),
        today=TODAY,
    )
    rows = {row.department: row for row in board.handovers}
    assert len(rows) == 7 and rows["Zwembad"].median_days == rows["Markthal"].median_days == 2
    assert any(row.open_overdue for row in board.handovers)
    assert any(row.answered < row.asked - row.open_overdue for row in board.handovers)  # open, not yet due


def test_handovers_the_same_without_a_calendar(built_with_handovers):
    WorkingDay.objects.all().delete()
    for filters in filter_sets(built_with_handovers):
        old, new = both(built_with_handovers, **filters)
        assert new == old, filters


def test_neighbourhoods_with_equal_counts_keep_the_order_of_names(built):
    """Guard for the oracle: the built set has neighbourhoods (and "no neighbourhood") with equal counts, so the
    order among equal counts, which now comes from the database's order of names, is compared too."""
    board = selectors.dashboard(
        municipality=built, filters=selectors.Filters(date_from=date(1999, 1, 1), date_to=TODAY), today=TODAY
    )
    counts = [row.value for row in board.neighbourhoods]
    assert len(counts) == 3 and len(set(counts)) < len(counts)
