from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from burgeridee.conversations import services
from burgeridee.knowledge.defaults import defaults_load

from .staff import make_staff, staff_login


@pytest.fixture(autouse=True)
def library(db):
    """The knowledge library's default content: pitfalls and the participation ladder are read from it. The data
    migration loads it; a transactional test elsewhere may have flushed it."""
    defaults_load()


@pytest.fixture
def staff(municipality):
    return make_staff(municipality)


@pytest.fixture
def staff_client(client, staff):
    return staff_login(client, staff)


def next_weekday_at(hour: int, days: int = 7) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


@pytest.fixture
def planned(municipality, submit_idea, staff, django_capture_on_commit_callbacks):
    """An initiative with a planned conversation (the invitation mail already sent)."""
    initiative, token = submit_idea(municipality)
    with django_capture_on_commit_callbacks(execute=True):
        conversation = services.conversation_plan(
            initiative=initiative,
            starts_at=next_weekday_at(14),
            place="Buurthuis De Kastanje, Centrum",
            participants="Fatima en buurman Joost",
            actor=staff,
        )
    return initiative, token, conversation


def base(municipality, initiative) -> str:
    return f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/gesprek/"
