"""What the resident does reaches the contact person, and what the report promised lands in the deadlines.

Lives here, above both conversations and deadlines (siblings that never import each other), because it
follows one journey through both, the initiative page and the inbox.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from burgeridee.conversations import selectors, services
from burgeridee.conversations.constants import TaskKind
from burgeridee.conversations.models import Report
from burgeridee.conversations.tests.helpers import base, next_weekday_at
from burgeridee.deadlines.constants import FollowUpKind
from burgeridee.deadlines.models import FollowUp
from burgeridee.initiatives.models import Initiative

# The conversation pages read the participation ladder from the knowledge library.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("library")]


@pytest.fixture
def karims_report(municipality, submit_idea, contact, django_capture_on_commit_callbacks):
    """Karim's initiative: the conversation held, the report (callback in ten days) sent to the resident."""
    initiative, token = submit_idea(municipality)
    Initiative.objects.filter(pk=initiative.pk).update(contact_person=contact)
    conversation = services.conversation_plan(
        initiative=initiative, starts_at=next_weekday_at(10, days=-3), place="Buurthuis", actor=contact
    )
    services.conversation_mark_held(conversation=conversation, actor=contact, held_on=timezone.localdate())
    report = selectors.report_latest(conversation=conversation)
    services.report_update(
        report=report,
        summary="Een moestuin.",
        next_step="Kabels nagaan.",
        callback_date=timezone.localdate() + timedelta(days=10),
        municipal_roles=["faciliteren"],
        initiator_role="",
        agreements=[services.AgreementData(what="Kabels nagaan", who="Gemeente")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.report_send(report=report, actor=contact)
    return initiative, token, Report.objects.get(pk=report.pk)


def inbox_row(client, municipality, initiative) -> str:
    page = client.get(f"/werkplek/{municipality.slug}/", {"tab": "alle"}).content.decode()
    start = page.index(f'data-initiative="{initiative.pk}"')
    return page[start : page.index("</tr>", start)]


def test_the_callback_promised_in_the_report_is_a_callback_on_the_initiative_page(
    contact_client, municipality, karims_report, contact, django_capture_on_commit_callbacks
):
    initiative, _, report = karims_report
    (callback,) = FollowUp.objects.filter(initiative=initiative)
    assert (callback.kind, callback.due_date, callback.assigned_to) == (
        FollowUpKind.CALLBACK,
        report.callback_date,
        contact,
    )
    assert "verslag" in callback.note.lower()
    page = contact_client.get(f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/").content.decode()
    assert "Er zijn nog geen terugbelafspraken" not in page
    assert "Terugbellen" in page

    # A new version with another date moves the same callback; it does not add a second one.
    services.report_draft_get_or_create(conversation=report.conversation, actor=contact)
    draft = selectors.report_latest(conversation=report.conversation)
    later = report.callback_date + timedelta(days=7)
    services.report_update(
        report=draft,
        summary=draft.summary,
        next_step=draft.next_step,
        callback_date=later,
        municipal_roles=draft.municipal_roles,
        initiator_role="",
        agreements=[services.AgreementData(what="Kabels nagaan", who="Gemeente")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.report_send(report=draft, actor=contact)
    (callback,) = FollowUp.objects.filter(initiative=initiative)
    assert callback.due_date == later


def test_the_promised_callback_is_one_appointment_not_also_a_checklist_task(
    contact_client, municipality, karims_report, contact
):
    """The checklist's "Bel terug" item and the report's callback date were two open items for one promise;
    now the report's date is the one callback appointment, and the item is no task of its own."""
    initiative, _, report = karims_report
    conversation = report.conversation
    assert FollowUp.objects.filter(initiative=initiative, done_at__isnull=True).count() == 1
    assert not conversation.tasks.filter(kind=TaskKind.CALL_BACK).exists()
    assert not [task for task in conversation.tasks.all() if "Bel terug" in task.title]
    follow_up = contact_client.get(f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/gesprek/opvolging/")
    page = follow_up.content.decode()
    assert "Bel terug op de afgesproken datum" not in page
    assert "Terugbellen op de afgesproken datum:" in page  # points to the appointment on the initiative page
    assert f'/initiatieven/{initiative.pk}/#deadlines-title">Termijnen en afspraken</a>' in page


def test_a_disputed_report_tells_the_contact_person_until_they_open_it(
    contact_client, municipality, karims_report, contact, django_capture_on_commit_callbacks
):
    initiative, token, report = karims_report
    (agreement,) = report.agreements.all()
    assert "Verslag betwist" not in inbox_row(contact_client, municipality, initiative)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            f"/{municipality.slug}/mijn-initiatief/{token}/gesprek/",
            {f"response_{agreement.pk}": "opmerking", f"note_{agreement.pk}": "Dat doe ik zelf."},
        )
    (message,) = mail.outbox
    assert message.to == [contact.email]
    assert "Verslag betwist" in message.subject and initiative.reference in message.subject
    assert f"{base(municipality, initiative)}verslag/" in message.body
    assert "Dat doe ik zelf." not in message.body  # the mail points to the page; the words stay inside

    assert "Verslag betwist" in inbox_row(contact_client, municipality, initiative)
    # Reading the report page writes nothing (a GET never does); saying it was read clears the marker.
    page = contact_client.get(base(municipality, initiative) + "verslag/").content.decode()
    assert "Dat doe ik zelf." in page
    assert "Verslag betwist" in inbox_row(contact_client, municipality, initiative)
    contact_client.post(base(municipality, initiative) + "verslag/", {"seen": "1"})
    assert "Verslag betwist" not in inbox_row(contact_client, municipality, initiative)
    report.refresh_from_db()
    assert report.comments_seen_by == contact and report.comments_seen_at is not None


def test_making_a_new_version_also_clears_the_marker(contact_client, municipality, karims_report):
    initiative, token, report = karims_report
    (agreement,) = report.agreements.all()
    Client().post(
        f"/{municipality.slug}/mijn-initiatief/{token}/gesprek/",
        {f"response_{agreement.pk}": "opmerking", f"note_{agreement.pk}": "Anders."},
    )
    assert "Verslag betwist" in inbox_row(contact_client, municipality, initiative)
    contact_client.post(base(municipality, initiative) + "verslag/", {"new_version": "1"})
    assert "Verslag betwist" not in inbox_row(contact_client, municipality, initiative)


def test_a_message_from_the_resident_is_mailed_to_the_contact_person_and_marked_in_the_inbox(
    contact_client, municipality, karims_report, contact, django_capture_on_commit_callbacks
):
    initiative, token, _ = karims_report
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(f"/{municipality.slug}/mijn-initiatief/{token}/bericht/", {"body": "Kunnen we bellen?"})
    (message,) = mail.outbox
    assert message.to == [contact.email]
    assert "Nieuw bericht van de bewoner" in message.subject and initiative.reference in message.subject
    assert f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/" in message.body
    assert "Kunnen we bellen?" not in message.body
    assert "nieuw bericht" in inbox_row(contact_client, municipality, initiative)
