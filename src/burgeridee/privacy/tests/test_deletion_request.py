import pytest

from burgeridee.initiatives.models import Initiator, Message
from burgeridee.initiatives.services import message_from_resident
from burgeridee.privacy.models import DeletionRequest
from burgeridee.privacy.services import deletion_request_create, deletion_request_decide
from burgeridee.records.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def test_resident_asks_and_a_coordinator_carries_it_out(client, municipality, submit_idea, coordinator):
    initiative, token = submit_idea(municipality)
    message_from_resident(initiative=initiative, body="Bel me op 0612345678")
    base = f"/voorbeeld/mijn-initiatief/{token}/"
    assert "Vraag ons uw gegevens te verwijderen" in client.get(base).content.decode()
    response = client.post(base + "gegevens-verwijderen/", {"note": "Ik verhuis"}, follow=True)
    assert "Wij hebben uw verzoek ontvangen" in response.content.decode()
    assert "Wij zijn daarmee bezig" in response.content.decode()
    request = DeletionRequest.objects.get()
    assert (request.status, request.note) == ("open", "Ik verhuis")
    # Asking twice keeps one open request.
    client.post(base + "gegevens-verwijderen/", {"note": ""})
    assert DeletionRequest.objects.count() == 1

    deletion_request_decide(deletion_request=request, actor=coordinator, confirm=True)
    request.refresh_from_db()
    assert request.status == "uitgevoerd" and request.decided_by == coordinator
    assert Initiator.objects.get(initiative=initiative).email == ""
    assert Message.objects.get(initiative=initiative).body == "[verwijderd]"
    assert ProcessingLogEntry.objects.filter(
        initiative=initiative, activity="deletion_request_carry_out", action="delete", staff_audit__actor=coordinator
    ).exists()
    assert "Uw naam, contactgegevens en berichten zijn verwijderd." in client.get(base).content.decode()


def test_a_refused_request_keeps_the_data(municipality, submit_idea, coordinator):
    initiative, _token = submit_idea(municipality)

    request = deletion_request_create(initiative=initiative)
    deletion_request_decide(deletion_request=request, actor=coordinator, confirm=False, note="Subsidie loopt nog")
    assert Initiator.objects.get(initiative=initiative).email == "fatima@example.org"
    assert initiative.events.filter(kind="verwijderverzoek_geweigerd").exists()
