"""Contact person, messages to the resident, internal notes, first contact."""

import pytest
from django.core import mail

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.initiatives import services
from burgeridee.initiatives.constants import ContactPreference, Delivery, MessageDirection
from burgeridee.initiatives.models import Message
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.records.processing import data_subject_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def karim(municipality):
    return StaffFactory(
        municipality=municipality,
        roles=[Role.CONTACT],
        first_name="Karim",
        last_name="Contact",
        phone="14 020",
        job_title="Makelaar",
    )


def test_assigning_tells_the_resident_who_and_how_to_reach_them(
    municipality, submit_idea, coordinator, karim, django_capture_on_commit_callbacks
):
    initiative, _token = submit_idea(municipality)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_assign_contact(initiative=initiative, contact=karim, actor=coordinator)
    initiative.refresh_from_db()
    assert initiative.contact_person == karim
    event = initiative.events.get(kind="contactpersoon")
    assert event.data["from"] is None and event.data["to"] == karim.pk
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["fatima@example.org"]
    assert "Uw vaste contactpersoon bij de gemeente is Karim Contact (Makelaar).\n" in email.body
    assert "14 020" in email.body and karim.email in email.body
    assert initiative.messages.get().direction == MessageDirection.OUTBOUND


def test_reassigning_is_logged_from_to_and_the_resident_is_told_again(
    municipality, submit_idea, coordinator, karim, django_capture_on_commit_callbacks
):
    sanne = StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Sanne", last_name="Vermeer")
    initiative, _token = submit_idea(municipality)
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_assign_contact(initiative=initiative, contact=karim, actor=coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_assign_contact(initiative=initiative, contact=sanne, actor=coordinator)
    last = initiative.events.filter(kind="contactpersoon").last()
    assert (last.data["from"], last.data["to"]) == (karim.pk, sanne.pk)
    assert (last.data["from_name"], last.data["to_name"]) == ("Karim Contact", "Sanne Vermeer")
    assert "nieuwe contactpersoon bij de gemeente: Sanne Vermeer.\n" in mail.outbox[0].body


def test_the_job_title_sits_inside_the_sentence(
    municipality, submit_idea, coordinator, karim, django_capture_on_commit_callbacks
):
    """Not "Karim Contact. (Makelaar)": the full stop comes after the job title, with or without one."""
    initiative, _token = submit_idea(municipality)
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_assign_contact(initiative=initiative, contact=karim, actor=coordinator)
    sanne = StaffFactory(
        municipality=municipality, roles=[Role.CONTACT], first_name="Sanne", last_name="Vermeer", job_title="Wijkcoach"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_assign_contact(initiative=initiative, contact=sanne, actor=coordinator)
    body = mail.outbox[0].body
    assert "nieuwe contactpersoon bij de gemeente: Sanne Vermeer (Wijkcoach).\n" in body
    assert ". (" not in body


def test_only_contact_people_of_this_municipality_can_be_assigned(
    municipality, other_municipality, submit_idea, coordinator, trainer
):
    initiative, _token = submit_idea(municipality)
    outsider = StaffFactory(municipality=other_municipality, roles=[Role.CONTACT])
    for person in (outsider, trainer):
        with pytest.raises(services.ActionRefused):
            services.initiative_assign_contact(initiative=initiative, contact=person, actor=coordinator)
    initiative.refresh_from_db()
    assert initiative.contact_person is None


def test_message_to_a_resident_without_email_becomes_a_letter(municipality, submit_idea, karim):
    initiative, _token = submit_idea(
        municipality,
        initiator=services.InitiatorData(
            name="Henk de Vries",
            street_address="Dorpsstraat 1",
            postal_code="1234 AB",
            city="Voorbeeld",
            preferred_contact=ContactPreference.POST,
        ),
    )
    mail.outbox.clear()
    message = services.message_to_resident(initiative=initiative, body="Ik bel u volgende week.", actor=karim)
    assert message.delivery == Delivery.LETTER
    assert mail.outbox == []


def test_message_to_a_resident_by_phone(municipality, submit_idea, karim):
    initiative, _token = submit_idea(
        municipality,
        initiator=services.InitiatorData(name="Ans", phone="06 12345678", preferred_contact=ContactPreference.PHONE),
    )
    assert services.message_to_resident(initiative=initiative, body="Hallo", actor=karim).delivery == Delivery.PHONE


def test_email_message_is_sent_after_commit_and_logged(
    municipality, submit_idea, karim, django_capture_on_commit_callbacks
):
    initiative, _token = submit_idea(municipality)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.message_to_resident(initiative=initiative, body="Zullen we bellen?", actor=karim)
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert "Zullen we bellen?" in mail.outbox[0].body
    assert mail.outbox[0].reply_to == [karim.email]
    entry = ProcessingLogEntry.objects.get(action="send")
    assert entry.staff_audit.actor == karim and entry.initiative == initiative and "email" in entry.fields


def test_first_contact_is_recorded_once(municipality, submit_idea, karim):
    initiative, _token = submit_idea(municipality)
    services.initiative_first_contact_made(initiative=initiative, actor=karim)
    services.initiative_first_contact_made(initiative=initiative, actor=karim)
    initiative.refresh_from_db()
    assert initiative.first_contact_at is not None
    assert initiative.events.filter(kind="eerste_contact").count() == 1


def test_mark_read(municipality, submit_idea, karim):
    initiative, _token = submit_idea(municipality)
    message = services.message_from_resident(initiative=initiative, body="Hoi")
    services.message_mark_read(message=message, actor=karim)
    assert Message.objects.get(pk=message.pk).read_at is not None
    assert not initiative.events.get(kind="bericht_gelezen").visible_to_resident


def test_internal_note_never_reaches_the_status_page(client, municipality, submit_idea, karim):
    initiative, token = submit_idea(municipality)
    services.note_add(initiative=initiative, body="Bewoner klinkt overbelast, voorzichtig aan", actor=karim)
    content = client.get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()
    assert "overbelast" not in content
    assert "Interne notitie" not in content
    assert initiative.events.get(kind="notitie").visible_to_resident is False


def test_status_page_shows_contact_person_and_staff_message(
    client, municipality, submit_idea, coordinator, karim, django_capture_on_commit_callbacks
):
    initiative, token = submit_idea(municipality)
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_assign_contact(initiative=initiative, contact=karim, actor=coordinator)
        services.message_to_resident(initiative=initiative, body="Ik bel u donderdag.", actor=karim)
    content = client.get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()
    assert "Karim Contact" in content
    assert "Ik bel u donderdag." in content


def test_adding_a_core_group_member_is_logged(municipality, submit_idea, karim):
    initiative, _token = submit_idea(municipality)
    services.initiator_add(
        initiative=initiative, actor=karim, name="Piet Jansen", email="piet@example.org", role="Penningmeester"
    )
    assert initiative.initiators.count() == 2
    entry = ProcessingLogEntry.objects.get(action="create")
    piet = initiative.initiators.get(name="Piet Jansen")
    assert entry.data_subject_id == data_subject_of(piet)[1] and entry.fields == ["name", "email"]
