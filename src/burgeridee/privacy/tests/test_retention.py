from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from burgeridee.initiatives import services
from burgeridee.initiatives.models import Initiative, Initiator, Message
from burgeridee.privacy.retention import retention_apply
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.records.processing import processing_record

pytestmark = pytest.mark.django_db


def close(initiative, *, days_ago):
    Initiative.objects.filter(pk=initiative.pk).update(closed_at=timezone.now() - timedelta(days=days_ago))
    initiative.refresh_from_db()
    return initiative


@pytest.fixture
def old_and_recent(municipality, submit_idea):
    old, _ = submit_idea(municipality, title="Oud idee", involved="Jan en Piet van nummer 4")
    services.message_from_resident(initiative=old, body="Mijn telefoonnummer is 0612345678")
    services.initiative_withdraw(initiative=old, note="Ik verhuis naar Utrecht")
    close(old, days_ago=25 * 31)  # past the default 24 months
    recent, _ = submit_idea(municipality, title="Recent idee")
    services.message_from_resident(initiative=recent, body="Nog even geduld")
    close(recent, days_ago=40)
    open_one, _ = submit_idea(municipality, title="Loopt nog")
    return old, recent, open_one


def test_dry_run_lists_what_would_go_and_changes_nothing(old_and_recent):
    old, _recent, _open = old_and_recent
    results = retention_apply(dry_run=True)
    assert [r.reference for r in results] == [old.reference]
    assert any("initiatiefnemer" in line for line in results[0].removed)
    assert any("bericht" in line for line in results[0].removed)
    assert Initiator.objects.get(initiative=old).email == "fatima@example.org"
    old.refresh_from_db()
    assert old.personal_data_removed_at is None


def test_run_removes_personal_data_and_keeps_the_initiative(old_and_recent):
    old, recent, open_one = old_and_recent
    retention_apply(dry_run=False)
    old.refresh_from_db()
    initiator = Initiator.objects.get(initiative=old)
    assert (initiator.name, initiator.email, initiator.phone) == ("[verwijderd]", "", "")
    # The resident's message and the confirmation of the withdrawal alike.
    assert set(Message.objects.filter(initiative=old).values_list("body", flat=True)) == {"[verwijderd]"}
    assert old.involved == "" and old.stop_note == ""
    assert not old.events.filter(data__has_key="note").exists()
    assert old.title == "Oud idee" and old.personal_data_removed_at is not None  # kept for statistics
    # What is still within its period, or still running, is untouched.
    assert Initiator.objects.get(initiative=recent).email == "fatima@example.org"
    assert Message.objects.get(initiative=recent).body == "Nog even geduld"
    assert Initiator.objects.get(initiative=open_one).name == "Fatima Bakker"
    # Running again finds nothing more to do.
    assert retention_apply(dry_run=False) == []


def test_retention_period_is_per_municipality(old_and_recent, municipality):
    municipality.retention_months = 1
    municipality.save()
    assert len(retention_apply(dry_run=True)) == 2


def test_command_prints_the_dry_run(old_and_recent, capsys, municipality):
    entry = processing_record(municipality=municipality, actor=None, activity="initiative_read")
    ProcessingLogEntry.objects.filter(pk=entry.pk).update(started_at=timezone.now() - timedelta(days=61 * 31))
    before = ProcessingLogEntry.objects.count()
    call_command("apply_retention", "--dry-run")
    out = capsys.readouterr().out
    assert old_and_recent[0].reference in out
    assert "Would remove" in out
    assert "Would remove 1 processing-log line(s)" in out
    assert ProcessingLogEntry.objects.count() == before
    call_command("apply_retention")
    assert ProcessingLogEntry.objects.count() == before - 1
    assert not ProcessingLogEntry.objects.filter(pk=entry.pk).exists()
