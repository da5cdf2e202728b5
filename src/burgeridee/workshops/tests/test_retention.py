import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from burgeridee.privacy.models import ProcessingLogEntry
from burgeridee.workshops import services
from burgeridee.workshops.constants import Module
from burgeridee.workshops.models import Participant, WorkshopSession

from .conftest import go_to

pytestmark = pytest.mark.django_db


def finish_days_ago(session, days):
    services.session_finish(session=session)
    WorkshopSession.objects.filter(pk=session.pk).update(finished_at=timezone.now() - datetime.timedelta(days=days))


@override_settings(WORKSHOP_NAME_RETENTION_DAYS=30)
def test_prune_removes_names_after_the_period_and_keeps_the_contributions(municipality, workshop, join):
    anna, bas = join("Anna", "Bas")
    go_to(workshop, Module.LADDER)
    services.ladder_place(participant=anna, rung="faciliteren", explanation="Tafels lenen")
    recent = services.session_create(municipality=municipality, title="Recent", date=datetime.date.today())
    services.session_open(session=recent)
    services.participant_join(session=recent, display_name="Cor")
    finish_days_ago(workshop, 31)
    finish_days_ago(recent, 29)

    out = StringIO()
    call_command("prune_workshop_names", "--dry-run", stdout=out)
    assert "Would remove names of 2 participant(s): Oké, een burger-idee" in out.getvalue()
    assert "1 session(s) due" in out.getvalue()
    assert Participant.objects.filter(display_name="Anna").exists()  # dry run changes nothing

    out = StringIO()
    call_command("prune_workshop_names", stdout=out)
    assert "1 session(s) pruned" in out.getvalue()
    assert list(Participant.objects.filter(session=workshop).values_list("display_name", flat=True)) == ["", ""]
    assert Participant.objects.get(session=recent).display_name == "Cor"
    anna.refresh_from_db()
    assert anna.label.startswith("Deelnemer ") and anna.name_removed_at
    assert anna.contributions.get().text == "Tafels lenen"
    assert ProcessingLogEntry.objects.filter(action="delete", data_subject="workshopdeelnemers").count() == 1
    # Running again does nothing more.
    out = StringIO()
    call_command("prune_workshop_names", stdout=out)
    assert "0 session(s) pruned" in out.getvalue()


def test_a_session_never_finished_counts_from_its_date(municipality):
    old = services.session_create(municipality=municipality, title="Vergeten", date=datetime.date(2020, 1, 1))
    services.session_open(session=old)
    services.participant_join(session=old, display_name="Dirk")
    out = StringIO()
    call_command("prune_workshop_names", "--days", "30", stdout=out)
    assert Participant.objects.get(session=old).display_name == ""
