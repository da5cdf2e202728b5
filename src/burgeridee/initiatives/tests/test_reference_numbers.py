"""The readable reference (BI-<year>-<number>): unique, counted per year, and taken before the idea's own
transaction, so the year's counter row is not locked while an idea is saved (ideas sent at the same moment
do not wait for each other's saving)."""

import threading

import pytest
from django.db import DatabaseError, connection, connections
from django.utils import timezone

from burgeridee.initiatives import services
from burgeridee.initiatives.models import Initiative, ReferenceSequence

pytestmark = pytest.mark.django_db


def test_the_first_idea_of_a_year_starts_the_count_and_the_next_counts_on(db):
    assert services.reference_next(year=2031) == "BI-2031-000001"
    assert services.reference_next(year=2031) == "BI-2031-000002"
    assert services.reference_next(year=2032) == "BI-2032-000001"
    assert ReferenceSequence.objects.get(year=2031).last_number == 2


def test_the_count_continues_from_the_stored_number(db):
    ReferenceSequence.objects.create(year=2033, last_number=41_999)
    assert services.reference_next(year=2033) == "BI-2033-042000"


def test_a_failed_save_never_gives_its_number_to_another_idea(municipality, submit_idea, monkeypatch):
    """The number is taken before the idea's transaction: an idea that fails to save leaves a gap, never a
    reference given out twice, and saves nothing."""
    first, _ = submit_idea(municipality)
    original = services.event_record

    def refuse(**kwargs):
        raise DatabaseError("the database went away")

    monkeypatch.setattr(services, "event_record", refuse)
    with pytest.raises(DatabaseError):
        submit_idea(municipality, title="Gaat mis")
    monkeypatch.setattr(services, "event_record", original)
    assert not Initiative.objects.filter(title="Gaat mis").exists()
    second, _ = submit_idea(municipality)
    year = timezone.localdate().year
    assert first.reference == f"BI-{year}-000001"
    assert second.reference == f"BI-{year}-000003"  # 000002 went to the idea that was not saved
    assert Initiative.objects.filter(reference=second.reference).count() == 1


def test_a_reference_taken_by_the_caller_is_used(municipality, submit_idea):
    initiative, _ = submit_idea(municipality, reference="BI-2030-000777")
    assert initiative.reference == "BI-2030-000777"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lets one writer at a time anyway")
@pytest.mark.django_db(transaction=True)
def test_an_idea_being_saved_does_not_hold_up_the_next_ones_reference(municipality, monkeypatch):
    """While one idea's transaction is still open (its time line being written), another idea gets its number
    and is saved: the counter row is not locked until the first idea commits."""
    inside, release = threading.Event(), threading.Event()
    original = services.event_record

    def slow_event_record(**kwargs):
        if kwargs["initiative"].title == "Langzaam":
            inside.set()
            release.wait(20)
        return original(**kwargs)

    monkeypatch.setattr(services, "event_record", slow_event_record)
    outcome = {}

    def slow_idea():
        try:
            outcome["slow"] = services.initiative_submit(
                municipality=municipality,
                title="Langzaam",
                description="d",
                target_group="t",
                theme="leefbaar",
                initiator=services.InitiatorData(name="A", email="a@example.org"),
            ).initiative.reference
        finally:
            connections.close_all()

    thread = threading.Thread(target=slow_idea)
    thread.start()
    try:
        assert inside.wait(20)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")  # without the fix: waits for the slow idea, then fails
        try:
            quick = services.initiative_submit(
                municipality=municipality,
                title="Snel",
                description="d",
                target_group="t",
                theme="leefbaar",
                initiator=services.InitiatorData(name="B", email="b@example.org"),
            )
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")
    finally:
        release.set()
        thread.join(30)
    assert Initiative.objects.filter(title="Snel").exists()
    assert quick.initiative.reference != outcome["slow"]
    assert Initiative.objects.filter(reference=outcome["slow"]).count() == 1
