"""The public request form for a workshop, training or coaching, and the trainers' list."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import DatabaseError

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.privacy.models import ProcessingLogEntry
from burgeridee.workshop_requests import services
from burgeridee.workshop_requests.models import WorkshopRequest

pytestmark = pytest.mark.django_db

URL = "/workshop-aanvragen/"
VALID = {
    "municipality": "voorbeeld",
    "contact_name": "Joke Jansen",
    "email": "joke@voorbeeld.example",
    "phone": "030 123 45 67",
    "kind": "workshop",
    "preferred_dates": "Dinsdagochtend 3 of 10 maart",
    "participants": "18",
    "wishes": "Extra aandacht voor de warme overdracht.",
}


def staff(municipality, *roles, username, email=""):
    user = get_user_model().objects.create_user(username=username, email=email)
    Membership.objects.create(user=user, municipality=municipality, roles=list(roles))
    return user


def test_form_is_public_and_not_taken_for_a_municipality_slug(client, municipality):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Oké, een burger-idee" in body
    assert "Gemeente Voorbeeld" in body


def test_request_lands_with_the_trainers_and_the_requester_gets_a_confirmation(
    client, municipality, other_municipality, django_capture_on_commit_callbacks
):
    trainer = staff(municipality, Role.TRAINER, username="tineke", email="tineke@voorbeeld.example")
    staff(municipality, Role.CONTACT, username="karim", email="karim@voorbeeld.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, VALID)
    assert response.status_code == 302
    assert response["Location"] == "/workshop-aanvragen/verstuurd/"
    assert "joke@voorbeeld.example" in client.get(response["Location"]).content.decode()

    sent = WorkshopRequest.objects.get()
    assert (sent.municipality, sent.municipality_name, sent.participants) == (municipality, "Gemeente Voorbeeld", 18)
    assert [m.to for m in mail.outbox] == [["joke@voorbeeld.example"], ["tineke@voorbeeld.example"]]
    assert "Dinsdagochtend 3 of 10 maart" in mail.outbox[0].body
    assert "Joke" not in mail.outbox[1].body  # the notice carries no personal data

    client.force_login(trainer)
    listing = client.get("/werkplek/voorbeeld/workshop-aanvragen/")
    assert listing.status_code == 200
    assert "Joke Jansen" in listing.content.decode()
    assert ProcessingLogEntry.objects.filter(actor=trainer, action="read").exists()

    response = client.post(f"/werkplek/voorbeeld/workshop-aanvragen/{sent.pk}/status/", {"status": "ingepland"})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert (sent.status, sent.handled_by) == ("ingepland", trainer)


def test_only_trainers_of_that_municipality_see_requests(client, municipality, other_municipality):
    client.post(URL, VALID)
    sent = WorkshopRequest.objects.get()
    client.force_login(staff(municipality, Role.COORDINATOR, Role.CONTACT, username="carla"))
    assert client.get("/werkplek/voorbeeld/workshop-aanvragen/").status_code == 403
    client.force_login(staff(other_municipality, Role.TRAINER, username="ander"))
    listing = client.get("/werkplek/anders/workshop-aanvragen/")
    assert listing.status_code == 200 and "Joke" not in listing.content.decode()
    assert (
        client.post(f"/werkplek/anders/workshop-aanvragen/{sent.pk}/status/", {"status": "afgehandeld"}).status_code
        == 404
    )
    assert client.get("/werkplek/voorbeeld/workshop-aanvragen/").status_code == 404


def test_invalid_input_is_400_with_summary_and_kept_values(client, municipality):
    response = client.post(URL, {**VALID, "participants": "veel", "email": "", "kind": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "data-error-summary" in body
    for message in ("Vul een getal in", "Vul uw e-mailadres in.", "Kies wat u wilt aanvragen."):
        assert message in body
    assert "Dinsdagochtend 3 of 10 maart" in body and "Joke Jansen" in body
    assert not WorkshopRequest.objects.exists()


def test_unknown_municipality_is_rejected(client, municipality):
    assert client.post(URL, {**VALID, "municipality": "bestaat-niet"}).status_code == 400


def test_other_municipality_goes_to_the_configured_one(client, municipality, settings):
    assert "Een andere gemeente" not in client.get(URL).content.decode()
    settings.WORKSHOP_REQUEST_MUNICIPALITY = "voorbeeld"
    response = client.post(URL, {**VALID, "municipality": "anders"})
    assert response.status_code == 400
    assert "Vul de naam van uw gemeente of organisatie in." in response.content.decode()
    response = client.post(URL, {**VALID, "municipality": "anders", "municipality_name": "Gemeente Elders"})
    assert response.status_code == 302
    assert WorkshopRequest.objects.get().municipality_name == "Gemeente Elders"


def test_honeypot_and_rate_limit(client, municipality, settings):
    assert client.post(URL, {**VALID, "website": "http://spam.example"}).status_code == 400
    assert not WorkshopRequest.objects.exists()
    settings.RATELIMIT_WORKSHOP_REQUEST = "2/h"
    assert [client.post(URL, VALID).status_code for _ in range(3)] == [302, 302, 429]
    assert WorkshopRequest.objects.count() == 2


def test_database_error_is_503_and_keeps_input(client, municipality, monkeypatch):
    def broken(**kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(services, "workshop_request_submit", broken)
    response = client.post(URL, VALID)
    assert response.status_code == 503
    assert "Joke Jansen" in response.content.decode()
