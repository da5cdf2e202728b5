"""The three PDFs: blank checklist (hand-out), preparation sheet, report. Text is extracted and checked."""

import io
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.conversations import services
from burgeridee.initiatives.constants import SupportType
from burgeridee.municipalities.tests.factories import DepartmentFactory
from burgeridee.records.models import ProcessingLogEntry

from .helpers import base

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def timed(client, url):
    start = time.perf_counter()
    response = client.get(url)
    seconds = time.perf_counter() - start
    print(f"PDF {url.rsplit('/', 1)[-1]}: {seconds * 1000:.0f} ms, {len(response.content) // 1024} KiB")
    return response


def test_blank_checklist_handout(contact_client, municipality):
    text = text_of(timed(contact_client, f"/werkplek/{municipality.slug}/gespreksmodel/checklist.pdf"))
    assert "Checklist voor het eerste gesprek" in text
    assert "Voor het gesprek" in text and "Tijdens het gesprek" in text and "Na het gesprek" in text
    assert "Begin met kennismaken en de motivatie, niet met regels." in text
    assert "Samenvatten en vervolg" in text
    assert "Gemeente Voorbeeld" in text


def test_preparation_sheet(contact_client, municipality, submit_idea):
    initiative, _ = submit_idea(municipality, support_types=[SupportType.PERMIT])
    text = text_of(timed(contact_client, base(municipality, initiative) + "voorbereiden.pdf"))
    assert "Voorbereiding eerste gesprek" in text
    assert initiative.reference in text and "Moestuin aan de Kastanjelaan" in text
    assert "melding klein evenement" in text  # the rule check for a permit
    assert "Hoe bent u op dit idee gekomen?" in text


def test_report_pdf_for_staff_and_resident(contact_client, client, municipality, planned):
    initiative, token, conversation = planned
    report = services.report_draft_get_or_create(conversation=conversation)
    services.report_update(
        report=report,
        summary="Een moestuin voor de straat, met de buren.",
        next_step="Kabels nagaan.",
        callback_date=timezone.localdate() + timedelta(days=10),
        municipal_roles=["faciliteren", "reguleren"],
        initiator_role="De kopgroep onderhoudt de tuin.",
        agreements=[services.AgreementData(what="Kabels en leidingen nagaan", who="Karim")],
    )
    text = text_of(timed(contact_client, base(municipality, initiative) + "verslag.pdf"))
    assert "Verslag van ons gesprek" in text
    assert "Een moestuin voor de straat, met de buren." in text
    assert "Kabels en leidingen nagaan" in text and "Karim" in text
    assert "Faciliteren" in text and "Reguleren" in text
    # The resident sees a report only once it is sent.
    client.logout()
    assert client.get(f"/{municipality.slug}/mijn-initiatief/{token}/gesprek/verslag.pdf").status_code == 404
    services.report_send(report=report)
    resident_text = text_of(client.get(f"/{municipality.slug}/mijn-initiatief/{token}/gesprek/verslag.pdf"))
    assert "Kabels en leidingen nagaan" in resident_text


def checklist_url(municipality, initiative) -> str:
    return base(municipality, initiative) + "checklist.pdf"


def test_the_conversations_own_checklist_says_what_was_covered_and_what_is_open(
    contact_client, municipality, planned, coordinator_client
):
    """Issue #11: the filled checklist of this conversation is on paper too, not only the blank hand-out."""
    initiative, _token, conversation = planned
    services.conversation_save(
        conversation=conversation,
        checked_items=["tijdens-1", "tijdens-2", "tijdens-9"],
        captures={"motivation": "Fatima woont er twintig jaar en mist groen.", "showstoppers": "Kabels onder de stoep"},
        phase_notes={"kennismaken": "Open gesprek, koffie bij Fatima thuis."},
        callback_date=timezone.localdate() + timedelta(days=14),
    )
    services.conversation_mark_held(conversation=conversation, actor=contact_client.user)
    task = conversation.tasks.get(checklist_key="na-4")
    services.task_complete(task=task)

    # Linked from the conversation's pages.
    for page in ("", "verslag/", "opvolging/"):
        html = contact_client.get(base(municipality, initiative) + page).content.decode()
        assert f'href="{checklist_url(municipality, initiative)}"' in html, page

    text = " ".join(text_of(contact_client.get(checklist_url(municipality, initiative))).split())
    assert "Checklist van het eerste gesprek" in text
    assert initiative.reference in text and "Moestuin aan de Kastanjelaan" in text
    assert "Buurthuis De Kastanje" in text
    assert "3 van de 11 punten gedaan" in text
    assert "Begin met kennismaken en de motivatie, niet met regels. Gedaan" in text
    assert "Spreek één vast aanspreekpunt af. Nog open" in text
    assert "Leg het initiatief vast: status, rol en afspraken. Gedaan op" in text
    assert "1 van de 6 taken gedaan" in text
    # The call-back item is no task with a guessed date: it points at the callback appointment.
    callback = date_format(timezone.localdate() + timedelta(days=14), "j F Y")
    assert f"Bel terug op de afgesproken datum, ook als er nog geen nieuws is. Terugbeldatum: {callback}" in text
    assert "Plan een evaluatie. Vier en laat successen zien. Open, uiterlijk" in text
    # The notes, per phase.
    assert "Fatima woont er twintig jaar en mist groen." in text
    assert "Open gesprek, koffie bij Fatima thuis." in text
    assert "Kabels onder de stoep" in text
    # Not the blank hand-out.
    assert "Naam initiatief" not in text
    # Personal data read: recorded in the processing log.
    assert ProcessingLogEntry.objects.filter(
        initiative=initiative, activity="conversation_checklist_export", action="export"
    ).exists()
    assert coordinator_client.get(checklist_url(municipality, initiative)).status_code == 200


def test_the_conversations_checklist_before_it_was_held_and_for_other_people(
    contact_client, municipality, planned, submit_idea, staff_client, other_municipality
):
    initiative, _token, _conversation = planned
    text = " ".join(text_of(contact_client.get(checklist_url(municipality, initiative))).split())
    assert "0 van de 11 punten gedaan" in text
    assert "Het gesprek is nog niet gehouden" in text  # no tasks yet, and it says why
    unplanned, _ = submit_idea(municipality, title="Nog geen gesprek")
    assert contact_client.get(checklist_url(municipality, unplanned)).status_code == 404
    department = DepartmentFactory(municipality=municipality, name="Vergunningen")
    colleague = StaffFactory(municipality=municipality, roles=[Role.DEPARTMENT], department=department)
    assert staff_client(colleague).get(checklist_url(municipality, initiative)).status_code == 403
    foreign = StaffFactory(municipality=other_municipality, roles=[Role.CONTACT], username="otto")
    url = f"/werkplek/{other_municipality.slug}/initiatieven/{initiative.pk}/gesprek/checklist.pdf"
    assert staff_client(foreign).get(url).status_code == 404
