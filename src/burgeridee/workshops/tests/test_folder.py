"""The workshop folder: a PDF from the product's own workshop content, per municipality and per trainer, also as an
A4 leaflet; linked from the public workshop page. Its text is read back with pdftotext."""

import subprocess
from io import BytesIO

import pytest
from pypdf import PdfReader

from burgeridee.workshops.constants import STANDARD_AGENDA

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "folder.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    return " ".join(text.split())


def test_the_public_folder_says_what_for_whom_what_to_take_home_duration_place_options_and_how_to_request(
    client, municipality, tmp_path
):
    municipality.contact_address = "Markt 1\n1234 AB Voorbeeld"
    municipality.save()
    page = client.get("/voorbeeld/workshop-aanvragen/").content.decode()
    assert 'href="/voorbeeld/workshop-folder.pdf"' in page
    response = client.get("/voorbeeld/workshop-folder.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = squash(pdf_text(response.content, tmp_path))
    for expected in (
        "GEMEENTE VOORBEELD",  # printed in capitals
        "Wat is de workshop?",
        "Voor wie?",
        "Wat neemt u mee naar huis?",
        "26 punten",  # the checklist of the built-in conversation model
        "Kennismaken",  # its phases
        "Duur en plaats",
        f"({sum(m for _mod, m, _c in STANDARD_AGENDA)} minuten programma)",
        "Gemeentehuis, Markt 1, 1234 AB Voorbeeld",
        "Training en coaching",
        "intervisie",
        "individuele coaching",
        "Zo vraagt u aan",
        "/voorbeeld/workshop-aanvragen/",
        "initiatieven@voorbeeld.example",
    ):
        assert expected in text, expected
    reader = PdfReader(BytesIO(response.content))
    assert reader.metadata.title.startswith("Workshop „Oké, een burger-idee”")
    assert reader.trailer["/Root"].get("/Lang") == "nl"
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert height > width  # A4 portrait


def test_the_leaflet_is_a4_landscape_and_the_trainers_folder_names_the_trainer(
    client, trainer_client, municipality, tmp_path
):
    leaflet = client.get("/voorbeeld/workshop-folder.pdf?opmaak=folder")
    page = PdfReader(BytesIO(leaflet.content)).pages[0]
    assert round(float(page.mediabox.width)) == 842 and round(float(page.mediabox.height)) == 595  # A4 landscape
    assert "Zo vraagt u aan" in squash(pdf_text(leaflet.content, tmp_path))
    own = trainer_client.get("/werkplek/voorbeeld/workshops/folder.pdf")
    text = squash(pdf_text(own.content, tmp_path))
    assert "Trainer: Tineke Trainer" in text
    assert "Tineke" not in squash(pdf_text(client.get("/voorbeeld/workshop-folder.pdf").content, tmp_path))
