import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from burgeridee.records.models import ProcessingLogEntry
from burgeridee.workshops import services
from burgeridee.workshops.constants import Module
from burgeridee.workshops.models import Participant, WorkshopRequest, WorkshopSession
from burgeridee.workshops.tests.helpers import go_to

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
    assert (
        ProcessingLogEntry.objects.filter(
            activity="workshop_names_remove", action="delete", data_subject_type="workshop_participants"
        ).count()
        == 1
    )
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


def workshop_request(municipality, organisation, *, received_days_ago, handled_days_ago=None, trainer=None):
    request = services.workshop_request_submit(
        municipality=municipality,
        kind="workshop",
        organisation=organisation,
        contact_name="Sanne Vermeer",
        email="sanne@voorbeeld.example",
        phone="14 020",
        wishes="Veel nieuwe collega's.",
    )
    now = timezone.now()
    WorkshopRequest.objects.filter(pk=request.pk).update(created_at=now - datetime.timedelta(days=received_days_ago))
    if handled_days_ago is not None:
        services.workshop_request_handle(workshop_request=request, actor=trainer)
        handled_at = now - datetime.timedelta(days=handled_days_ago)
        WorkshopRequest.objects.filter(pk=request.pk).update(handled_at=handled_at)
    return request


@override_settings(WORKSHOP_REQUEST_RETENTION_MONTHS=12)
def test_handled_workshop_requests_go_after_the_retention_period(municipality, trainer):
    old = workshop_request(municipality, "Team Wijken", received_days_ago=420, handled_days_ago=400, trainer=trainer)
    recent = workshop_request(municipality, "Team Zorg", received_days_ago=60, handled_days_ago=30, trainer=trainer)
    still_open = workshop_request(municipality, "Team Groen", received_days_ago=800)

    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert "workshop requests:" in out.getvalue()
    assert "Would remove: Gemeente Voorbeeld: 1 afgehandelde workshopaanvraag: naam, e-mail" in out.getvalue()
    assert WorkshopRequest.objects.count() == 3  # a dry run changes nothing

    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "Removed: Gemeente Voorbeeld: 1 afgehandelde workshopaanvraag" in out.getvalue()
    remaining = set(WorkshopRequest.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, still_open.pk} and old.pk not in remaining
    entry = ProcessingLogEntry.objects.get(action="delete", data_subject_type="workshop_requester")
    assert not hasattr(entry, "staff_audit") and entry.municipality == municipality and "email" in entry.fields
    # Running again finds nothing more.
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "workshop requests" not in out.getvalue()


def test_workshop_request_period_is_a_setting_and_the_privacy_statement_says_it(client, municipality, trainer):
    workshop_request(municipality, "Team Zorg", received_days_ago=60, handled_days_ago=45, trainer=trainer)
    with override_settings(WORKSHOP_REQUEST_RETENTION_MONTHS=1, WORKSHOP_NAME_RETENTION_DAYS=14):
        statement = client.get(f"/{municipality.slug}/privacy/").content.decode()
        call_command("apply_retention", stdout=StringIO())
    assert not WorkshopRequest.objects.exists()
    assert "tot 1 maand nadat wij uw aanvraag hebben afgehandeld" in statement
    assert "halen wij 14 dagen na de workshop weg" in statement
    form = client.get(f"/{municipality.slug}/workshop-aanvragen/").content.decode()
    assert f'href="/{municipality.slug}/privacy/">privacyverklaring</a>' in form
