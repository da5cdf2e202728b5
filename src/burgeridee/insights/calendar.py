"""The working-day calendar table (insights.models.WorkingDay): filled from core.dates, the one definition of a
working day (weekends and Dutch public holidays under the Algemene termijnenwet)."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from burgeridee.core.dates import is_working_day

from .models import WorkingDay

CALENDAR_EPOCH = date(2000, 1, 1)
# How far ahead of today the calendar reaches (first contacts and answers lie in the past; a little margin).
CALENDAR_YEARS_AHEAD = 5


def working_day_numbers(*, last: date) -> dict[date, int]:
    """Every day from CALENDAR_EPOCH to `last` with the number of working days up to and including it."""
    numbers = {}
    number = 0
    day = CALENDAR_EPOCH
    while day <= last:
        number += is_working_day(day)
        numbers[day] = number
        day += timedelta(days=1)
    return numbers


def working_day_calendar_refresh(*, today: date | None = None, using: str = "default") -> int:
    """Make the calendar table match core.dates from CALENDAR_EPOCH to CALENDAR_YEARS_AHEAD years after today.

    Idempotent and cheap when nothing changed (one read); rewrites the rows that differ, so a new version of
    the holiday list (the `holidays` library) is picked up at the next migrate. Returns the rows written.
    """
    today = today or timezone.localdate()
    expected = working_day_numbers(last=date(today.year + CALENDAR_YEARS_AHEAD, 12, 31))
    present = dict(WorkingDay.objects.using(using).values_list("day", "number"))
    if present == expected:
        return 0
    # Numbers are cumulative: from the first day that differs (or is missing) every later day is rewritten.
    first_wrong = min(
        [day for day, number in expected.items() if present.get(day) != number]
        + [day for day in present if day not in expected]
    )
    rows = [WorkingDay(day=day, number=number) for day, number in expected.items() if day >= first_wrong]
    with transaction.atomic(using=using):
        WorkingDay.objects.using(using).filter(day__gte=first_wrong).delete()
        WorkingDay.objects.using(using).bulk_create(rows, batch_size=2000)
    return len(rows)


def calendar_after_migrate(sender, *, using="default", **kwargs) -> None:
    """post_migrate: keep the calendar complete and in line with core.dates (connected in InsightsConfig)."""
    from django.db import connections

    if WorkingDay._meta.db_table in connections[using].introspection.table_names():
        working_day_calendar_refresh(using=using)
