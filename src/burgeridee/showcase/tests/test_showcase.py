import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from burgeridee.accounts.constants import Role
from burgeridee.initiatives.models import Initiative

pytestmark = pytest.mark.django_db


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def completed(municipality, submit_idea):
    initiative, token = submit_idea(municipality, title="Geveltuinen in de Kerkstraat")
    Initiative.objects.filter(pk=initiative.pk).update(phase="afgerond")
    initiative.refresh_from_db()
    return initiative, token


@pytest.fixture
def staff(staff_client_factory, municipality):
    return staff_client_factory(municipality, Role.CONTACT)


def edit_url(initiative):
    return f"/werkplek/voorbeeld/initiatieven/{initiative.pk}/etalage/"


def test_showcase_only_with_consent_and_withdrawable(staff, client, completed, django_capture_on_commit_callbacks):
    initiative, token = completed
    photo = SimpleUploadedFile("tuin.png", png_bytes(), content_type="image/png")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            edit_url(initiative),
            {"achievement": "Twintig geveltuinen en een buurtfeest.", "photo": photo, "photo_alt": "Bloeiende tuin"},
        )
    assert response.status_code == 302
    assert f"/voorbeeld/mijn-initiatief/{token}/" in mail.outbox[-1].body
    # Not public before the resident says yes.
    assert "Geveltuinen in de Kerkstraat" not in client.get("/voorbeeld/initiatieven/").content.decode()
    status = client.get(f"/voorbeeld/mijn-initiatief/{token}/").content.decode()
    assert "Twintig geveltuinen en een buurtfeest." in status
    client.post(f"/voorbeeld/mijn-initiatief/{token}/etalage/", {"consent": "ja"})
    public = client.get("/voorbeeld/initiatieven/").content.decode()
    assert "Geveltuinen in de Kerkstraat" in public and 'alt="Bloeiende tuin"' in public
    entry = initiative.showcase
    photo_response = client.get(f"/voorbeeld/initiatieven/{entry.pk}/foto")
    assert photo_response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(photo_response.content)).size == (40, 30)
    # Withdrawn: gone from the public page and the photo is no longer served.
    client.post(f"/voorbeeld/mijn-initiatief/{token}/etalage/", {"consent": "nee"})
    assert "Geveltuinen in de Kerkstraat" not in client.get("/voorbeeld/initiatieven/").content.decode()
    assert client.get(f"/voorbeeld/initiatieven/{entry.pk}/foto").status_code == 404


def test_photo_needs_a_description_and_must_be_an_image(staff, completed):
    initiative, _token = completed
    photo = SimpleUploadedFile("tuin.png", png_bytes(), content_type="image/png")
    response = staff.post(edit_url(initiative), {"achievement": "Mooi", "photo": photo, "photo_alt": ""})
    assert response.status_code == 400
    assert "Beschrijf wat er op de foto te zien is." in response.content.decode()
    fake = SimpleUploadedFile("tuin.png", b"not an image", content_type="image/png")
    response = staff.post(edit_url(initiative), {"achievement": "Mooi", "photo": fake, "photo_alt": "x"})
    assert "Dit bestand is geen foto" in response.content.decode()


def test_running_initiatives_cannot_be_showcased(staff, client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    staff.post(edit_url(initiative), {"achievement": "Nog bezig"})
    assert not hasattr(Initiative.objects.get(pk=initiative.pk), "showcase")
    assert client.post(f"/voorbeeld/mijn-initiatief/{token}/etalage/", {"consent": "ja"}).status_code == 404


def test_other_municipality_cannot_edit(staff, other_municipality, submit_idea):
    foreign, _ = submit_idea(other_municipality)
    assert staff.get(edit_url(foreign)).status_code == 404
