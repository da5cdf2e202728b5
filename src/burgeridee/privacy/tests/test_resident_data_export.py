"""The resident's privacy rights from their status page: download their data (JSON, PDF)."""

import io

import pytest
from pypdf import PdfReader

from burgeridee.initiatives.services import message_from_resident
from burgeridee.records.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def status_url(municipality, token, suffix=""):
    return f"/{municipality.slug}/mijn-initiatief/{token}/{suffix}"


def test_resident_downloads_all_their_data(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    message_from_resident(initiative=initiative, body="Hallo gemeente")
    page = client.get(status_url(municipality, token)).content.decode()
    assert f"/voorbeeld/mijn-initiatief/{token}/mijn-gegevens.json" in page
    response = client.get(status_url(municipality, token, "mijn-gegevens.json"))
    assert response.status_code == 200
    assert f"{initiative.reference}-gegevens.json" in response["Content-Disposition"]
    data = response.json()
    assert data["initiative"]["reference"] == initiative.reference
    assert data["initiators"][0]["email"] == "fatima@example.org"
    assert data["messages"][0]["text"] == "Hallo gemeente"
    assert data["support_requested"] == ["materialen"]
    assert ProcessingLogEntry.objects.filter(initiative=initiative, action="export").count() == 1
    assert client.get(status_url(municipality, "verkeerd", "mijn-gegevens.json")).status_code == 404


def test_resident_downloads_all_their_data_as_a_readable_pdf(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    message_from_resident(initiative=initiative, body="Hallo gemeente")
    response = client.get(status_url(municipality, token, "mijn-gegevens.pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in (
        initiative.reference,
        "Moestuin aan de Kastanjelaan",
        "Fatima Bakker",
        "fatima@example.org",
        "Hallo gemeente",
        "Spullen lenen",
        "Idee ontvangen",
    ):
        assert expected in text
    assert ProcessingLogEntry.objects.filter(initiative=initiative, action="export").count() == 1
    assert client.get(status_url(municipality, "verkeerd", "mijn-gegevens.pdf")).status_code == 404
