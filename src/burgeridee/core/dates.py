"""Working days: "within 5 working days" skips weekends and Dutch public holidays.

The days follow the Algemene termijnenwet, the Dutch law for deadlines: the `holidays` library's list
for the Netherlands (which includes Good Friday) plus 5 May in every year, not only in lustrum years.
"""

from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays
from django.utils import timezone


@lru_cache(maxsize=64)
def _dutch_holidays(year: int) -> frozenset[date]:
    days = set(holidays.country_holidays("NL", years=year).keys())
    days.add(date(year, 5, 5))  # Bevrijdingsdag counts every year under the Algemene termijnenwet
    return frozenset(days)


def is_working_day(day: date) -> bool:
    """A working day is Monday to Friday and not a Dutch public holiday."""
    return day.weekday() < 5 and day not in _dutch_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (the start day itself does not count)."""
    if days < 0:
        raise ValueError("days must be zero or more")
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """How many working days lie after `start` up to and including `end` (negative if end < start)."""
    if end < start:
        return -working_days_between(end, start)
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count


def local_date(moment: datetime | None = None) -> date:
    """The calendar date in Europe/Amsterdam of a moment (default: now)."""
    return timezone.localdate(moment or timezone.now())


class WorkingDayCounter:
    """Counts working days between many pairs of dates quickly (one prefix sum over the range)."""

    def __init__(self, first: date, last: date):
        self.first = first
        self.prefix = [0]
        current = first
        while current <= last:
            self.prefix.append(self.prefix[-1] + (1 if is_working_day(current) else 0))
            current += timedelta(days=1)

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (same as working_days_between)."""
        if end < start:
            return -self.between(end, start)
        return self.prefix[(end - self.first).days + 1] - self.prefix[(start - self.first).days + 1]
