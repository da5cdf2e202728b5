import csv
import io

import pytest

from burgeridee.accounts.constants import Role
from burgeridee.initiatives.models import Initiator
from burgeridee.privacy.models import DeletionRequest, ProcessingLogEntry
from burgeridee.privacy.services import deletion_request_create, processing_log_record

pytestmark = pytest.mark.django_db


def test_coordinator_carries_out_a_deletion_request(staff_client_factory, municipality, submit_idea):
    initiative, _token = submit_idea(municipality)
    request = deletion_request_create(initiative=initiative, note="Ik verhuis")
    client = staff_client_factory(municipality, Role.COORDINATOR)
    overview = client.get("/werkplek/voorbeeld/privacy/").content.decode()
    assert initiative.reference in overview
    url = f"/werkplek/voorbeeld/privacy/verwijderverzoeken/{request.pk}/"
    assert "Ik verhuis" in client.get(url).content.decode()
    response = client.post(url, {"decision": "weigeren", "note": ""})
    assert response.status_code == 400
    assert "Schrijf op waarom het verzoek wordt geweigerd." in response.content.decode()
    response = client.post(url, {"decision": "uitvoeren", "note": ""})
    assert response.status_code == 302
    assert DeletionRequest.objects.get().status == "uitgevoerd"
    assert Initiator.objects.get(initiative=initiative).name == "[verwijderd]"


def test_deletion_requests_of_another_municipality_are_404(
    staff_client_factory, municipality, other_municipality, submit_idea
):
    foreign, _ = submit_idea(other_municipality)
    request = deletion_request_create(initiative=foreign)
    client = staff_client_factory(municipality, Role.COORDINATOR)
    assert client.get(f"/werkplek/voorbeeld/privacy/verwijderverzoeken/{request.pk}/").status_code == 404
    assert foreign.reference not in client.get("/werkplek/voorbeeld/privacy/").content.decode()


def test_contact_person_cannot_decide(staff_client_factory, municipality, submit_idea):
    initiative, _ = submit_idea(municipality)
    request = deletion_request_create(initiative=initiative)
    client = staff_client_factory(municipality, Role.CONTACT)
    assert client.get(f"/werkplek/voorbeeld/privacy/verwijderverzoeken/{request.pk}/").status_code == 403


def test_administrator_exports_the_processing_log_for_one_person(
    staff_client_factory, municipality, submit_idea, other_municipality
):
    mine, _ = submit_idea(municipality)
    other, _ = submit_idea(
        municipality,
        initiator=__import__("burgeridee.initiatives.services", fromlist=["InitiatorData"]).InitiatorData(
            name="Piet", email="p@x.nl"
        ),
    )
    client = staff_client_factory(municipality, Role.ADMINISTRATOR)
    for initiative in (mine, other):
        processing_log_record(
            actor=client.user,
            municipality=municipality,
            action="read",
            activity="initiatief inzien",
            purpose="begeleiden",
            initiative=initiative,
        )
    response = client.get("/werkplek/voorbeeld/privacy/logboek-betrokkene.csv?person=FATIMA@example.org")
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert rows[0][0] == "trace_id"
    assert [row[6] for row in rows[1:]] == [mine.reference]
    assert ProcessingLogEntry.objects.filter(action="export", data_subject="FATIMA@example.org").count() == 1
    empty = client.get("/werkplek/voorbeeld/privacy/logboek-betrokkene.csv?person=")
    assert empty.status_code == 400
    assert "Vul een naam of e-mailadres in." in empty.content.decode()
