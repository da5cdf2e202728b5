import pytest

from burgeridee.conversations import services

from .helpers import next_weekday_at


@pytest.fixture(autouse=True)
def _with_library(library):
    """Every conversation page reads the pitfalls and the participation ladder from the knowledge library."""


@pytest.fixture
def planned(municipality, submit_idea, contact, django_capture_on_commit_callbacks):
    """An initiative with a planned conversation (the invitation mail already sent)."""
    initiative, token = submit_idea(municipality)
    with django_capture_on_commit_callbacks(execute=True):
        conversation = services.conversation_plan(
            initiative=initiative,
            starts_at=next_weekday_at(14),
            place="Buurthuis De Kastanje, Centrum",
            participants="Fatima en buurman Joost",
            actor=contact,
        )
    return initiative, token, conversation
