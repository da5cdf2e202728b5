"""Workshop join codes cannot be guessed without limit (issue #19, finding 7).

Before: unknown codes were never throttled. Now wrong codes are counted per address; over the limit
even a right code waits, so guessing cannot find a workshop. A room that types the right code on one
Wi-Fi is never held up, because only wrong codes count.
"""

import datetime

import pytest
from django.test import override_settings

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.knowledge.defaults import defaults_load
from burgeridee.workshops import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(municipality):
    defaults_load()
    trainer = StaffFactory(municipality=municipality, roles=[Role.TRAINER])
    session = services.session_create(
        municipality=municipality, title="Oké", date=datetime.date(2026, 12, 3), created_by=trainer
    )
    services.session_open(session=session)
    return session


@override_settings(RATELIMIT_WORKSHOP_CODE_MISSES="5/h")
def test_wrong_codes_are_limited_per_address(client, session):
    guesses = [client.post("/doe-mee/", {"code": f"ZZZZZ{letter}"}).status_code for letter in "ABCDE"]
    assert guesses == [404] * 5
    blocked = client.post("/doe-mee/", {"code": session.code})
    assert blocked.status_code == 429
    assert "te veel verkeerde codes" in blocked.content.decode()
    assert session.code in blocked.content.decode()  # what was typed stays in the field
    assert client.get(f"/doe-mee/{session.code}/").status_code == 429  # the short link waits too
    assert client.get("/doe-mee/?code=ZZZZZF").status_code == 429


@override_settings(RATELIMIT_WORKSHOP_CODE_MISSES="5/h")
def test_a_room_typing_the_right_code_is_never_held_up(client, session):
    for _ in range(30):  # forty people behind one address, each typing the right code
        assert client.post("/doe-mee/", {"code": session.code}).status_code == 302
