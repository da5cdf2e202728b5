"""The staff initiative page and its actions (initiatives/views/staff.py)."""

from datetime import date, datetime

import pytest
from django.conf import settings
from django.core import mail
from django.db import DatabaseError
from django.utils import timezone

from burgeridee.initiatives import services
from burgeridee.initiatives.constants import ContactPreference, Phase, StopReason
from burgeridee.initiatives.models import Initiative, InternalNote
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.records.processing import data_subject_of

pytestmark = pytest.mark.django_db


def url(initiative, suffix=""):
    return f"/werkplek/{initiative.municipality.slug}/initiatieven/{initiative.pk}/{suffix}"


def test_page_shows_everything_about_the_initiative(coordinator_client, initiative):
    services.message_from_resident(initiative=initiative, body="Wanneer hoor ik iets?")
    services.note_add(initiative=initiative, body="Eerst met wijkteam bellen", actor=coordinator_client.user)
    response = coordinator_client.get(url(initiative))
    content = response.content.decode()
    assert response.status_code == 200
    for text in (
        initiative.reference,
        "Moestuin aan de Kastanjelaan",
        "Een moestuin voor de hele straat.",
        "Fatima Bakker",
        "fatima@example.org",
        "Spullen lenen",
        "Wanneer hoor ik iets?",
        "Ongelezen",
        "Eerst met wijkteam bellen",
        "Idee ontvangen",
        ">Intern</span>",
    ):
        assert text in content, text


def test_every_read_is_in_the_processing_log(coordinator_client, initiative):
    coordinator_client.get(url(initiative))
    entry = ProcessingLogEntry.objects.get(action="read")
    assert entry.staff_audit.actor == coordinator_client.user
    assert entry.initiative == initiative
    assert entry.data_subject_id == data_subject_of(initiative.primary_initiator)[1]
    assert (entry.activity, entry.purpose) == ("initiative_read", "initiative_support")


def test_coordinator_assigns_a_contact_person(
    coordinator_client, contact_client, initiative, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            url(initiative, "contactpersoon/"), {"contact-contact": contact_client.user.pk}
        )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.contact_person == contact_client.user
    assert "Karim Contact" in mail.outbox[0].body
    page = coordinator_client.get(url(initiative)).content.decode()
    assert "Karim Contact is het vaste aanspreekpunt van de bewoner" in page
    assert "Contactpersoon gekoppeld: Karim Contact" in page


def test_only_a_coordinator_assigns(contact_client, initiative):
    response = contact_client.post(url(initiative, "contactpersoon/"), {"contact-contact": contact_client.user.pk})
    assert response.status_code == 403
    assert "Contactpersoon koppelen" not in contact_client.get(url(initiative)).content.decode()


def test_assigning_someone_without_the_contact_role_is_refused_with_400(coordinator_client, initiative, trainer):
    response = coordinator_client.post(url(initiative, "contactpersoon/"), {"contact-contact": trainer.pk})
    assert response.status_code == 400
    assert "Kies een contactpersoon uit de lijst" in response.content.decode()


def test_contact_writes_the_resident(contact_client, initiative, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = contact_client.post(url(initiative, "berichten/"), {"bericht-body": "Ik bel u morgen."})
    assert response.status_code == 302
    assert "Ik bel u morgen." in mail.outbox[0].body
    assert initiative.messages.get().author == contact_client.user


def test_empty_message_keeps_the_page_with_an_error_summary(contact_client, initiative):
    response = contact_client.post(url(initiative, "berichten/"), {"bericht-body": "  "})
    content = response.content.decode()
    assert response.status_code == 400
    assert "Schrijf eerst het bericht." in content
    assert "data-error-summary" in content
    assert content.count("<h1") == 1


def test_letter_for_a_resident_who_wants_post(contact_client, municipality, submit_idea):
    initiative, _ = submit_idea(
        municipality,
        initiator=services.InitiatorData(
            name="Henk de Vries",
            street_address="Dorpsstraat 1",
            postal_code="1234 AB",
            city="Voorbeeld",
            preferred_contact=ContactPreference.POST,
        ),
    )
    contact_client.post(url(initiative, "berichten/"), {"bericht-body": "Wij komen graag langs."})
    message = initiative.messages.get()
    page = contact_client.get(url(initiative)).content.decode()
    assert "Brief om te printen" in page
    letter = contact_client.get(url(initiative, f"berichten/{message.pk}/brief/")).content.decode()
    assert "Dorpsstraat 1" in letter and "1234 AB Voorbeeld" in letter
    assert "Beste Henk de Vries," in letter and "Wij komen graag langs." in letter
    assert ProcessingLogEntry.objects.filter(activity="resident_letter_make").exists()


def test_mark_resident_message_read(contact_client, initiative):
    message = services.message_from_resident(initiative=initiative, body="Hoi")
    contact_client.post(url(initiative, f"berichten/{message.pk}/gelezen/"))
    message.refresh_from_db()
    assert message.read_at is not None
    assert "Ongelezen" not in contact_client.get(url(initiative)).content.decode()


def test_internal_note(contact_client, initiative):
    response = contact_client.post(url(initiative, "notities/"), {"notitie-body": "Let op: ook vraag over parkeren"})
    assert response.status_code == 302
    assert InternalNote.objects.get().body == "Let op: ook vraag over parkeren"


def test_add_core_group_member(contact_client, initiative):
    response = contact_client.post(
        url(initiative, "kopgroep/"), {"kopgroep-name": "Piet Jansen", "kopgroep-role": "Penningmeester"}
    )
    assert response.status_code == 302
    assert "Piet Jansen" in contact_client.get(url(initiative)).content.decode()


def test_first_contact_button(contact_client, initiative):
    contact_client.post(url(initiative, "eerste-contact/"))
    initiative.refresh_from_db()
    assert initiative.first_contact_at is not None


def test_phase_form_offers_only_allowed_steps_and_enforces_them(contact_client, initiative):
    content = contact_client.get(url(initiative)).content.decode()
    assert '<option value="verkennen">' in content
    assert '<option value="uitvoering">' not in content
    refused = contact_client.post(url(initiative, "fase/"), {"fase-to_phase": Phase.EXECUTION})
    assert refused.status_code == 400
    stop_without_reason = contact_client.post(url(initiative, "fase/"), {"fase-to_phase": Phase.STOPPED})
    assert stop_without_reason.status_code == 400
    assert "Kies waarom het initiatief stopt." in stop_without_reason.content.decode()
    ok = contact_client.post(
        url(initiative, "fase/"), {"fase-to_phase": Phase.STOPPED, "fase-stop_reason": StopReason.NATURAL_END}
    )
    assert ok.status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).phase == Phase.STOPPED
    assert initiative.events.filter(kind="fase").count() == 1


def test_warm_referral_needs_a_note(contact_client, initiative):
    response = contact_client.post(url(initiative, "fase/"), {"fase-to_phase": Phase.NOT_AN_INITIATIVE})
    assert response.status_code == 400
    contact_client.post(
        url(initiative, "fase/"),
        {"fase-to_phase": Phase.NOT_AN_INITIATIVE, "fase-note": "Doorgezet naar Wijkteam Oost"},
    )
    assert "Doorgezet naar Wijkteam Oost" in contact_client.get(url(initiative)).content.decode()


def test_a_database_failure_keeps_the_typed_message(contact_client, initiative, monkeypatch):
    def broken(**kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(services, "message_to_resident", broken)
    response = contact_client.post(url(initiative, "berichten/"), {"bericht-body": "Mijn lange bericht"})
    content = response.content.decode()
    assert response.status_code == 503
    assert "Opslaan is niet gelukt" in content
    assert "Mijn lange bericht</textarea>" in content


def test_the_time_line_dates_read_in_the_interface_language(coordinator_client, municipality, submit_idea):
    initiative, _token = submit_idea(municipality, now=timezone.make_aware(datetime(2026, 12, 7, 10, 0)))
    dutch = coordinator_client.get(url(initiative)).content.decode()
    assert "7 december 2026 10:00" in dutch
    assert "Dec 2026" not in dutch
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "7 December 2026 10:00" in coordinator_client.get(url(initiative)).content.decode()


@pytest.mark.parametrize(("language", "day"), [("nl", "maandag 7 december 2026"), ("en", "Monday 7 December 2026")])
def test_the_confirmation_mail_names_the_day_in_the_residents_language(
    municipality, initiative, language, day, django_capture_on_commit_callbacks
):
    Initiative.objects.filter(pk=initiative.pk).update(first_contact_due=date(2026, 12, 7))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        services.confirmation_send(initiative_id=initiative.pk, language=language)
    assert day in mail.outbox[0].body
