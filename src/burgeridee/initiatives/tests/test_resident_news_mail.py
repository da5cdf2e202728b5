"""A message from the resident reaches a person: the contact person, or, while there is none, the coordinators."""

import pytest
from django.core import mail

from burgeridee.initiatives import services
from burgeridee.initiatives.models import Initiative

pytestmark = pytest.mark.django_db


def test_a_resident_message_is_mailed_to_the_contact_person_without_its_words(
    municipality, submit_idea, contact, coordinator, django_capture_on_commit_callbacks
):
    initiative, _ = submit_idea(municipality)
    Initiative.objects.filter(pk=initiative.pk).update(contact_person=contact)
    initiative.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.message_from_resident(initiative=initiative, body="Mijn nummer is 0612345678")
    (message,) = mail.outbox
    assert message.to == [contact.email]
    assert "Nieuw bericht van de bewoner" in message.subject and initiative.reference in message.subject
    assert f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/#berichten" in message.body
    assert "0612345678" not in message.body


def test_without_a_contact_person_the_coordinators_are_told(
    municipality, submit_idea, contact, coordinator, django_capture_on_commit_callbacks
):
    initiative, _ = submit_idea(municipality)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.message_from_resident(initiative=initiative, body="Hallo?")
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
