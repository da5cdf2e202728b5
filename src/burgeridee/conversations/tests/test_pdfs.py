"""The three PDFs: blank checklist (hand-out), preparation sheet, report. Text is extracted and checked."""

import io
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from burgeridee.conversations import services
from burgeridee.initiatives.constants import SupportType

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
