import pytest
from django.test import override_settings
from django.urls import reverse

from burgeridee.records.models import ProcessingLogEntry
from burgeridee.workshops.models import WorkshopRequest

pytestmark = pytest.mark.django_db


def valid(**overrides):
    data = {
        "kind": "workshop",
        "organisation": "Team Wijken",
        "contact_name": "Sanne Vermeer",
        "email": "sanne@voorbeeld.example",
        "phone": "14 020",
        "preferred_dates": "Een dinsdagochtend in maart",
        "participants": "15",
        "wishes": "Veel nieuwe collega's.",
        "website": "",
    }
    data.update(overrides)
    return data


def test_request_lands_in_the_trainers_list_and_can_be_handled(client, trainer_client, municipality):
    url = reverse("workshops:request", args=[municipality.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, valid())
    assert response.status_code == 200 and "Bedankt voor uw aanvraag" in response.content.decode()
    request = WorkshopRequest.objects.get()
    assert (request.municipality, request.participants, request.kind) == (municipality, 15, "workshop")
    listing = trainer_client.get(reverse("workshops:list", args=[municipality.slug])).content.decode()
    assert "Team Wijken" in listing and "sanne@voorbeeld.example" in listing and "dinsdagochtend" in listing
    assert ProcessingLogEntry.objects.filter(action="read", data_subject_type="workshop_requester").exists()
    trainer_client.post(reverse("workshops:request_handled", args=[municipality.slug, request.pk]))
    request.refresh_from_db()
    assert request.handled_at is not None
    assert "Team Wijken" not in trainer_client.get(reverse("workshops:list", args=[municipality.slug])).content.decode()


def test_invalid_request_keeps_the_typed_values(client, municipality):
    url = reverse("workshops:request", args=[municipality.slug])
    response = client.post(url, valid(email="geen-adres", phone="bel mij"))
    body = response.content.decode()
    assert response.status_code == 400 and "Team Wijken" in body and "data-error-summary" in body
    assert not WorkshopRequest.objects.exists()
    spam = client.post(url, valid(website="http://spam.example"))
    assert spam.status_code == 400 and not WorkshopRequest.objects.exists()


@override_settings(RATELIMIT_WORKSHOP_REQUEST="2/h")
def test_request_form_is_rate_limited(client, municipality):
    url = reverse("workshops:request", args=[municipality.slug])
    assert [client.post(url, valid()).status_code for _ in range(3)] == [200, 200, 429]
    assert WorkshopRequest.objects.count() == 2
