import csv
import io

import pytest

from burgeridee.accounts.constants import Role
from burgeridee.initiatives.models import Initiator
from burgeridee.privacy.models import DeletionRequest
from burgeridee.privacy.services import deletion_request_create
from burgeridee.privacy.views import PERSON_EXPORT_COLUMNS
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.records.processing import data_subject_of, processing_record
from burgeridee.records.vocabulary import Activity

pytestmark = pytest.mark.django_db


def test_coordinator_carries_out_a_deletion_request(staff_client_factory, municipality, submit_idea):
    initiative, _token = submit_idea(municipality)
    request = deletion_request_create(initiative=initiative, note="Ik verhuis")
    client = staff_client_factory(municipality, Role.COORDINATOR)
    overview = client.get("/werkplek/voorbeeld/privacy/").content.decode("utf-8-sig")
    assert initiative.reference in overview
    url = f"/werkplek/voorbeeld/privacy/verwijderverzoeken/{request.pk}/"
    assert "Ik verhuis" in client.get(url).content.decode("utf-8-sig")
    response = client.post(url, {"decision": "weigeren", "note": ""})
    assert response.status_code == 400
    assert "Schrijf op waarom het verzoek wordt geweigerd." in response.content.decode("utf-8-sig")
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
    assert foreign.reference not in client.get("/werkplek/voorbeeld/privacy/").content.decode("utf-8-sig")


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
        processing_record(
            municipality=municipality,
            actor=client.user,
            activity=Activity.INITIATIVE_READ,
            initiative=initiative,
            data_subject=initiative.primary_initiator,
        )
    response = client.post("/werkplek/voorbeeld/privacy/logboek-betrokkene.csv", {"person": "FATIMA@example.org"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response.content.decode("utf-8-sig").startswith("trace_id;span_id;")
    assert [row["initiative_reference"] for row in rows] == [mine.reference]
    assert (rows[0]["activity"], rows[0]["activity_label"]) == ("initiative_read", "Initiatief inzien")
    assert (rows[0]["data_subject"], rows[0]["staff_member"]) == ("Fatima Bakker", client.user.display_name)
    # The export is logged about the person it was for, so it turns up in their next export.
    fatima = data_subject_of(mine.primary_initiator)[1]
    assert ProcessingLogEntry.objects.filter(activity="processing_log_export", data_subject_id=fatima).count() == 1
    again = client.post("/werkplek/voorbeeld/privacy/logboek-betrokkene.csv", {"person": "Fatima Bakker"})
    activities = [
        row["activity"] for row in csv.DictReader(io.StringIO(again.content.decode("utf-8-sig")), delimiter=";")
    ]
    assert activities == ["initiative_read", "processing_log_export"]
    empty = client.post("/werkplek/voorbeeld/privacy/logboek-betrokkene.csv", {"person": ""})
    assert empty.status_code == 400
    assert "Vul een naam of e-mailadres in." in empty.content.decode("utf-8-sig")


def test_the_person_export_finds_a_staff_member_by_name(staff_client_factory, municipality, newcomer):
    nina = newcomer
    processing_record(municipality=municipality, actor=None, activity=Activity.SECOND_FACTOR_RESET, data_subject=nina)
    client = staff_client_factory(municipality, Role.ADMINISTRATOR)
    response = client.post("/werkplek/voorbeeld/privacy/logboek-betrokkene.csv", {"person": "nina nieuw"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [(row["activity"], row["data_subject_type"], row["data_subject"]) for row in rows] == [
        ("second_factor_reset", "staff_member", "Nina Nieuw")
    ]
    assert rows[0]["staff_member"] == "" and rows[0]["fields"] == "second_factor"
    nobody = client.post("/werkplek/voorbeeld/privacy/logboek-betrokkene.csv", {"person": "niemand@example.org"})
    assert nobody.content.decode("utf-8-sig").strip() == "trace_id;" + ";".join(PERSON_EXPORT_COLUMNS[1:])
