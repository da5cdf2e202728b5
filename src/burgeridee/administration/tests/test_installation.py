"""The installation administrator creates a municipality in the product and invites its first
functional administrator; nobody else may."""

import pytest
from django.core import mail

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership, User
from burgeridee.administration.models import ConfigurationChange
from burgeridee.municipalities.models import Municipality
from burgeridee.records.models import StaffAuditEntry
from burgeridee.testing.helpers import database_refuses_writes

pytestmark = pytest.mark.django_db

NEW = {
    "slug": "zeestad",
    "name": "Gemeente Zeestad",
    "contact_email": "initiatieven@zeestad.example",
    "contact_phone": "14 0123",
    "contact_address": "Havenplein 1",
    "website": "https://www.zeestad.example",
    "privacy_officer_email": "privacy@zeestad.example",
    "first_contact_working_days": "3",
}


def test_only_an_installation_administrator_may_set_up_municipalities(staff_client, coordinator, functional_admin):
    for user in (coordinator, functional_admin):
        client = staff_client(user)
        assert client.get("/werkplek/installatie/").status_code == 403
        assert client.post("/werkplek/installatie/nieuw/", NEW).status_code == 403
    assert not Municipality.objects.filter(slug="zeestad").exists()


def test_the_chooser_sends_an_installation_administrator_to_the_installation(staff_client, installation_admin):
    response = staff_client(installation_admin).get("/werkplek/")
    assert response.status_code == 302 and response.url == "/werkplek/installatie/"


def test_creating_a_municipality_and_inviting_its_administrator(
    staff_client, installation_admin, django_capture_on_commit_callbacks
):
    client = staff_client(installation_admin)
    response = client.post("/werkplek/installatie/nieuw/", NEW)
    assert response.status_code == 302
    assert response.url == "/werkplek/installatie/zeestad/beheerder/"
    zeestad = Municipality.objects.get(slug="zeestad")
    assert (zeestad.name, zeestad.first_contact_working_days, zeestad.privacy_officer_email) == (
        "Gemeente Zeestad",
        3,
        "privacy@zeestad.example",
    )
    change = ConfigurationChange.objects.get(municipality=zeestad)
    assert StaffAuditEntry.objects.get(processing=change.processing).actor == installation_admin

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            response.url,
            {
                "first_name": "Femke",
                "last_name": "Beheer",
                "email": "femke@zeestad.example",
                "username": "femke",
                "password": "een-lang-wachtwoord-456",
            },
        )
    assert response.status_code == 200
    femke = User.objects.get(username="femke")
    assert Membership.objects.get(user=femke, municipality=zeestad).roles == [Role.ADMINISTRATOR]
    assert femke.check_password("een-lang-wachtwoord-456")
    link = response.context["url"]
    assert "/werkplek/inloggen/link/" in link and link in response.content.decode()
    assert mail.outbox[-1].to == ["femke@zeestad.example"] and link in mail.outbox[-1].body
    listing = client.get("/werkplek/installatie/").content.decode()
    assert "Gemeente Zeestad" in listing and "Femke Beheer" in listing


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("werkplek", "Deze korte naam is gereserveerd. Kies een andere."),
        ("installatie", "Deze korte naam is gereserveerd. Kies een andere."),
        ("voorbeeld", "Er is al een gemeente met deze korte naam. Kies een andere."),
        ("met spatie", "Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties."),
    ],
)
def test_a_bad_slug_says_why_and_keeps_everything_typed(staff_client, installation_admin, municipality, slug, message):
    response = staff_client(installation_admin).post("/werkplek/installatie/nieuw/", NEW | {"slug": slug})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "data-error-summary" in page
    assert 'value="Gemeente Zeestad"' in page and "Havenplein 1" in page


def test_a_database_that_refuses_the_save_says_so(staff_client, installation_admin):
    client = staff_client(installation_admin)
    with database_refuses_writes():
        response = client.post("/werkplek/installatie/nieuw/", NEW)
    assert response.status_code == 503
    page = response.content.decode()
    assert "Het opslaan is niet gelukt" in page and 'value="Gemeente Zeestad"' in page
    assert not Municipality.objects.filter(slug="zeestad").exists()
