"""The time line in words: what staff read on the initiative page and the resident on the status page.

Each kind's text comes from the template its app registers (records.events); these tests pin the
sentences that used to come from one long template in the workspace.
"""

import pytest

from burgeridee.initiatives import services
from burgeridee.initiatives.constants import ContactPreference, Phase, StopReason
from burgeridee.records.models import TimelineEvent

pytestmark = pytest.mark.django_db


def staff_page(client, initiative) -> str:
    return client.get(f"/werkplek/{initiative.municipality.slug}/initiatieven/{initiative.pk}/").content.decode()


def status_page(client, initiative, token) -> str:
    response = client.get(f"/{initiative.municipality.slug}/mijn-initiatief/{token}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_phase_change_reads_from_to_and_who_for_staff_and_only_the_new_phase_for_the_resident(
    client, contact_client, municipality, submit_idea
):
    initiative, token = submit_idea(municipality)
    services.initiative_phase_change(
        initiative=initiative, to_phase=Phase.EXPLORING, actor=contact_client.user, note="Intern: eerst bellen"
    )
    staff = staff_page(contact_client, initiative)
    assert "Fase gewijzigd: Idee → Verkennen en kopgroep. Intern: eerst bellen · Karim Contact" in staff
    resident = status_page(client, initiative, token)
    assert ": Nieuwe fase: Verkennen en kopgroep</li>" in resident
    assert "Idee → " not in resident and "Intern: eerst bellen" not in resident
    assert "Verkennen en kopgroep ·" not in resident


def test_a_stop_reads_with_its_reason_and_note_for_staff(client, contact_client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    services.initiative_phase_change(
        initiative=initiative,
        to_phase=Phase.STOPPED,
        stop_reason=StopReason.NATURAL_END,
        note="Het feest is geweest",
        actor=contact_client.user,
    )
    assert "Fase gewijzigd: Idee → Gestopt (Natuurlijk einde). Het feest is geweest · Karim Contact" in staff_page(
        contact_client, initiative
    )
    assert "Het feest is geweest" not in status_page(client, initiative, token)


def test_a_letter_and_a_withdrawal_read_with_their_details_for_staff(client, contact_client, municipality, submit_idea):
    initiative, token = submit_idea(
        municipality,
        initiator=services.InitiatorData(
            name="Henk de Vries",
            street_address="Dorpsstraat 1",
            postal_code="1234 AB",
            preferred_contact=ContactPreference.POST,
        ),
    )
    services.message_to_resident(initiative=initiative, body="Wij bellen u.", actor=contact_client.user)
    services.initiative_withdraw(initiative=initiative, note="Geen tijd meer")
    page = staff_page(contact_client, initiative)
    assert "Bericht van de gemeente (per brief) · Karim Contact" in page
    assert "Idee ingetrokken: Geen tijd meer" in page
    resident = status_page(client, initiative, token)
    assert ": Bericht van de gemeente</li>" in resident
    assert ": Idee ingetrokken</li>" in resident


def test_an_internal_event_is_on_the_staff_time_line_and_never_on_the_status_page(
    client, contact_client, municipality, submit_idea
):
    initiative, token = submit_idea(municipality)
    services.note_add(initiative=initiative, body="Eerst het wijkteam bellen", actor=contact_client.user)
    event = initiative.events.get(kind="notitie")
    assert event.visible_to_resident is False
    page = staff_page(contact_client, initiative)
    assert ">Intern</span>" in page
    assert "Interne notitie · Karim Contact" in page
    assert "Interne notitie" not in status_page(client, initiative, token)
    # Even an internal event that slipped through a query has no resident text.
    assert event.render("resident") == ""


def test_an_event_of_a_kind_no_longer_registered_shows_its_stored_key(
    client, contact_client, municipality, submit_idea
):
    initiative, token = submit_idea(municipality)
    # An old row: written before its kind was removed, so it bypasses event_record's check.
    TimelineEvent.objects.create(
        initiative=initiative, kind="oude_soort", created_at=initiative.submitted_at, visible_to_resident=True
    )
    assert "oude_soort" in staff_page(contact_client, initiative)
    assert ": oude_soort</li>" in status_page(client, initiative, token)
