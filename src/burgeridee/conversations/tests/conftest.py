import pytest

from burgeridee.conversations import services
from burgeridee.knowledge.defaults import defaults_load

from .helpers import next_weekday_at


@pytest.fixture(autouse=True)
def library(db):
    """The knowledge library's default content: pitfalls and the participation ladder are read from it. The data
    migration loads it; a transactional test elsewhere may have flushed it."""
    defaults_load()


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
