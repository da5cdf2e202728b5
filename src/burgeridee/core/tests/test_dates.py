from datetime import date

import pytest

from burgeridee.core.dates import WorkingDayCounter, add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 11, 23), 5, date(2026, 11, 30)),  # Monday + 5 = next Monday
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday + 1 skips the weekend
        (date(2026, 11, 28), 1, date(2026, 11, 30)),  # submitted on Saturday
        (date(2026, 4, 24), 1, date(2026, 4, 28)),  # Koningsdag, Monday 27 April 2026
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # Good Friday 3 April and Easter Monday 6 April
        (date(2026, 12, 24), 1, date(2026, 12, 28)),  # Christmas Day and Boxing Day
        (date(2026, 12, 31), 1, date(2027, 1, 4)),  # New Year's Day, then the weekend
        (date(2026, 5, 13), 1, date(2026, 5, 15)),  # Ascension Day, Thursday 14 May 2026
        (date(2025, 5, 2), 1, date(2025, 5, 6)),  # Liberation Day 2025 (a lustrum year)
        (date(2026, 5, 4), 1, date(2026, 5, 6)),  # 5 May counts every year for deadlines
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
    ],
)
def test_add_working_days_skips_weekends_and_dutch_holidays(start, days, expected):
    assert add_working_days(start, days) == expected


def test_holidays_are_not_working_days():
    assert not is_working_day(date(2026, 12, 25))
    assert not is_working_day(date(2026, 11, 29))  # Sunday
    assert is_working_day(date(2026, 11, 26))


def test_working_days_between_counts_both_ways():
    assert working_days_between(date(2026, 11, 23), date(2026, 11, 30)) == 5
    assert working_days_between(date(2026, 11, 30), date(2026, 11, 23)) == -5


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 5), -1)


def test_working_day_counter_agrees_with_the_day_by_day_count():
    counter = WorkingDayCounter(date(2025, 12, 1), date(2026, 6, 30))
    pairs = [
        (date(2025, 12, 20), date(2026, 1, 5)),
        (date(2026, 4, 1), date(2026, 4, 30)),
        (date(2026, 5, 1), date(2026, 5, 1)),
        (date(2026, 6, 30), date(2026, 6, 1)),
    ]
    for start, end in pairs:
        assert counter.between(start, end) == working_days_between(start, end)
