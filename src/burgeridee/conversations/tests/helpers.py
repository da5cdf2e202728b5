"""Helpers for the conversation tests."""

from datetime import datetime, timedelta

from django.utils import timezone


def next_weekday_at(hour: int, days: int = 7) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


def base(municipality, initiative) -> str:
    """The staff address of the initiative's first conversation."""
    return f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/gesprek/"
