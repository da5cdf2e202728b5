"""Assisted intake: a civil servant registers an idea from the phone, a letter or the counter."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.formats import date_format

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.initiatives.constants import Channel
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.services import initiative_status_token_renew
from burgeridee.intake.forms import IntakeForm
from burgeridee.municipalities.tests.factories import DepartmentFactory
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.records.processing import data_subject_of
from burgeridee.testing.helpers import database_refuses_writes

pytestmark = pytest.mark.django_db

FORM_URL = "/werkplek/voorbeeld/intake/"


def intake_data(municipality, **overrides):
    data = {
        "channel": Channel.PHONE,
        "title": "Bankjes bij de vijver",
        "description": "Meneer belde: hij wil bankjes bij de vijver.",
        "target_group": "Ouderen die wandelen",
        "neighbourhood": str(municipality.neighbourhoods.get(name="Oosterpark").pk),
        "theme": "leefbaar",
        "name": "Henk de Boer",
        "preferred_contact": "post",
        "street_address": "Vijverlaan 3",
        "postal_code": "1234ab",
        "city": "Voorbeeld",
    }
    data.update(overrides)
    return data


def test_phone_intake_without_email_shows_a_printable_letter_with_a_working_link(
    municipality, contact, staff_client, client
):
    staff = staff_client(contact)
    assert staff.get(FORM_URL).status_code == 200
    response = staff.post(FORM_URL, intake_data(municipality))
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/werkplek/voorbeeld/intake/{initiative.pk}/brief/"
    assert initiative.channel == Channel.PHONE
    initiator = initiative.primary_initiator
    assert (initiator.name, initiator.postal_code, initiator.preferred_contact) == ("Henk de Boer", "1234 AB", "post")
    submitted = initiative.events.get(kind="ingediend")
    assert submitted.actor == contact and submitted.visible_to_resident
    assert mail.outbox == []  # no email address: no confirmation mail

    letter = staff.get(response["Location"])
    assert letter.status_code == 200
    page = letter.content.decode()
    assert initiative.reference in page
    assert "Henk de Boer" in page and "Vijverlaan 3" in page and "1234 AB" in page
    assert f"Uiterlijk op <strong>{date_format(initiative.first_contact_due, 'l j F Y')}</strong>" in page
    assert "Wat gebeurt er nu?" in page
    link = re.search(r"http://\S+/voorbeeld/mijn-initiatief/[\w-]+/", page).group(0)
    # The printed link opens the resident's own status page.
    status = client.get(link.split("127.0.0.1:8000", 1)[1])
    assert status.status_code == 200
    assert "Bankjes bij de vijver" in status.content.decode()

    log = ProcessingLogEntry.objects.filter(initiative=initiative).order_by("started_at", "id")
    assert [(e.activity, e.action, e.staff_audit.actor) for e in log] == [
        ("assisted_intake", "create", contact),
        ("intake_letter_make", "read", contact),
    ]
    assert log[0].data_subject_id == data_subject_of(initiative.primary_initiator)[1]
    assert set(log[0].fields) >= {"name", "address"}


def test_intake_with_email_sends_the_confirmation(
    municipality, contact, staff_client, django_capture_on_commit_callbacks
):
    staff = staff_client(contact)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            FORM_URL,
            intake_data(municipality, channel=Channel.COUNTER, preferred_contact="email", email="henk@example.org"),
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["henk@example.org"]]
    page = staff.get(response["Location"]).content.decode()
    assert "per e-mail op henk@example.org" in page
    assert Initiative.objects.get().channel == Channel.COUNTER


def test_invalid_intake_keeps_every_value_and_says_what_to_fix(municipality, contact, staff_client):
    response = staff_client(contact).post(
        FORM_URL, intake_data(municipality, channel="", name="", street_address="", description="Een lang verhaal")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies hoe het idee binnenkwam." in page
    assert "Vul de naam van de bewoner in." in page
    assert "Contact per post: vul de straat en het huisnummer van de bewoner in." in page
    assert "U wilt contact per post" not in page
    assert "Een lang verhaal" in page and "Bankjes bij de vijver" in page
    assert not Initiative.objects.exists()
    assert not ProcessingLogEntry.objects.exists()


def intake_errors(municipality, data) -> list[str]:
    form = IntakeForm(data, neighbourhoods=municipality.neighbourhoods.all())
    assert not form.is_valid()
    return [str(message) for messages in form.errors.values() for message in messages]


def test_errors_speak_to_the_civil_servant_about_the_resident(municipality, contact, staff_client):
    empty = intake_errors(municipality, {"channel": Channel.COUNTER})
    assert "Geef het idee een korte naam." in empty
    assert "Vul in voor wie het idee is." in empty
    assert "Kies een wijk. Weet de bewoner het niet? Kies dan 'Weet ik niet'." in empty
    assert "Kies hoe de bewoner contact wil." in empty
    by_email = intake_errors(municipality, intake_data(municipality, preferred_contact="email"))
    assert by_email == ["Contact per e-mail: vul het e-mailadres van de bewoner in."]
    by_phone = intake_errors(municipality, intake_data(municipality, preferred_contact="telefoon", email="h@e.nl"))
    assert by_phone == ["Contact per telefoon: vul het telefoonnummer van de bewoner in."]
    by_post = intake_errors(
        municipality, intake_data(municipality, street_address="", postal_code="", city="", email="h@e.nl")
    )
    assert by_post == [
        "Contact per post: vul de straat en het huisnummer van de bewoner in.",
        "Contact per post: vul de postcode van de bewoner in.",
        "Contact per post: vul de woonplaats van de bewoner in.",
    ]
    # Nothing on the staff form talks to the resident ("uw idee", "U wilt ...").
    for message in empty + by_email + by_phone + by_post:
        assert not re.search(r"\b(uw|U wilt)\b", message), message
    page = staff_client(contact).post(FORM_URL, {"channel": Channel.PHONE}).content.decode()
    assert "Kies waar het idee vooral over gaat." in page and "uw idee" not in page


def test_online_is_not_an_intake_channel(municipality, contact, staff_client):
    response = staff_client(contact).post(FORM_URL, intake_data(municipality, channel=Channel.ONLINE))
    assert response.status_code == 400


def test_reprinting_a_letter_renews_the_link_and_the_old_one_stops_working(
    municipality, contact, staff_client, submit_idea, client
):
    initiative, old_token = submit_idea(municipality)
    staff = staff_client(contact)
    letter_url = reverse("intake:letter", kwargs={"municipality_slug": "voorbeeld", "pk": initiative.pk})
    page = staff.get(letter_url)
    assert "Nieuwe link en brief maken" in page.content.decode()  # no token in this session: offer a new one
    assert old_token not in page.content.decode()

    response = staff.post(
        reverse("intake:letter_renew", kwargs={"municipality_slug": "voorbeeld", "pk": initiative.pk})
    )
    assert response.status_code == 302
    letter = staff.get(letter_url).content.decode()
    new_link = re.search(r"/voorbeeld/mijn-initiatief/([\w-]+)/", letter)
    assert new_link and new_link.group(1) != old_token
    assert client.get(f"/voorbeeld/mijn-initiatief/{old_token}/").status_code == 404
    assert client.get(new_link.group(0)).status_code == 200
    event = initiative.events.get(kind="statuslink_vernieuwd")
    assert event.actor == contact and event.visible_to_resident is False


def test_token_renew_service(municipality, contact, submit_idea, client):
    initiative, old_token = submit_idea(municipality)
    new_token = initiative_status_token_renew(initiative=initiative, actor=contact)
    assert new_token != old_token
    assert client.get(f"/voorbeeld/mijn-initiatief/{old_token}/").status_code == 404
    assert client.get(f"/voorbeeld/mijn-initiatief/{new_token}/").status_code == 200


def test_roles_and_tenancy(municipality, other_municipality, trainer, coordinator, staff_client, submit_idea, client):
    department = DepartmentFactory(municipality=municipality, name="Vergunningen")
    colleague = StaffFactory(municipality=municipality, roles=[Role.DEPARTMENT], department=department, username="dirk")
    foreign = StaffFactory(municipality=other_municipality, roles=[Role.CONTACT, Role.COORDINATOR], username="otto")
    initiative, _ = submit_idea(municipality)
    letter_url = reverse("intake:letter", kwargs={"municipality_slug": "voorbeeld", "pk": initiative.pk})
    renew_url = reverse("intake:letter_renew", kwargs={"municipality_slug": "voorbeeld", "pk": initiative.pk})

    assert staff_client(colleague).get(FORM_URL).status_code == 403
    assert staff_client(colleague).post(FORM_URL, intake_data(municipality)).status_code == 403
    assert staff_client(colleague).get(letter_url).status_code == 403
    assert staff_client(trainer).get(FORM_URL).status_code == 403
    assert staff_client(coordinator).get(FORM_URL).status_code == 200
    assert client.get(FORM_URL).status_code == 302  # anonymous: to the login page

    foreign_client = staff_client(foreign)
    assert foreign_client.get(FORM_URL).status_code == 404  # not a member of Voorbeeld
    for name in ("intake:letter", "intake:letter_renew"):
        url = reverse(name, kwargs={"municipality_slug": "anders", "pk": initiative.pk})
        assert (foreign_client.post(url) if name.endswith("renew") else foreign_client.get(url)).status_code == 404
    assert not initiative.events.filter(kind="statuslink_vernieuwd").exists()
    assert staff_client(colleague).post(renew_url).status_code == 403


def test_database_down_keeps_every_typed_value_and_saves_nothing(municipality, contact, staff_client):
    staff = staff_client(contact)
    with database_refuses_writes():
        response = staff.post(FORM_URL, intake_data(municipality, description="Meneer belde\nover bankjes"))
    assert response.status_code == 503
    page = response.content.decode()
    assert "Het opslaan is niet gelukt" in page
    assert "Meneer belde\nover bankjes" in page and 'value="Henk de Boer"' in page
    assert not Initiative.objects.exists()
    assert not ProcessingLogEntry.objects.exists()


def test_without_email_a_phone_intake_needs_an_address_for_the_letter(municipality, contact, staff_client):
    staff = staff_client(contact)
    by_phone = intake_data(
        municipality, preferred_contact="telefoon", phone="06 12345678", street_address="", postal_code="", city=""
    )
    response = staff.post(FORM_URL, by_phone)
    assert response.status_code == 400
    assert response.content.decode().count("Zonder e-mailadres gaat de brief per post.") == 6  # summary + 3 fields
    # At the counter the letter is handed over: no address needed.
    assert staff.post(FORM_URL, {**by_phone, "channel": Channel.COUNTER}).status_code == 302
    # With an email address the confirmation goes by email.
    assert staff.post(FORM_URL, {**by_phone, "email": "henk@example.org", "title": "Tweede idee"}).status_code == 302
    assert Initiative.objects.count() == 2
