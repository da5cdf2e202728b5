"""A showcase photo carries no metadata (GPS!) and goes offline the moment consent is withdrawn
(issue #19, finding 6)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.initiatives.models import Initiative
from burgeridee.showcase.models import ShowcaseEntry

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def jpeg_with_gps() -> bytes:
    picture = Image.new("RGB", (60, 40), "orange")
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° to be upright
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (4.0, 53.0, 10.0)})
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif, comment=b"Kastanjelaan 7")
    return buffer.getvalue()


@pytest.fixture
def published(municipality, submit_idea, client):
    initiative, token = submit_idea(municipality, title="Geveltuinen")
    Initiative.objects.filter(pk=initiative.pk).update(phase="afgerond")
    staff = login_with_second_factor(StaffFactory(municipality=municipality, roles=[Role.CONTACT]))
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test photo really has GPS
    response = staff.post(
        f"/werkplek/voorbeeld/initiatieven/{initiative.pk}/etalage/",
        {"achievement": "Twintig tuinen.", "photo": SimpleUploadedFile("tuin.jpg", original), "photo_alt": "Tuin"},
    )
    assert response.status_code == 302
    client.post(f"/voorbeeld/mijn-initiatief/{token}/etalage/", {"consent": "ja"})
    return ShowcaseEntry.objects.get(initiative=initiative), token


def test_the_served_photo_has_no_metadata_and_stands_upright(client, published):
    entry, _ = published
    response = client.get(f"/voorbeeld/initiatieven/{entry.pk}/foto")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    served = Image.open(io.BytesIO(response.content))
    assert not served.getexif()
    assert "comment" not in served.info and "exif" not in served.info
    assert b"Kastanjelaan" not in response.content and b"Telefoonmerk" not in response.content
    assert served.size == (40, 60)  # turned by its orientation tag before the tag was dropped


def test_no_cache_keeps_the_photo_after_consent_is_withdrawn(client, published):
    entry, token = published
    response = client.get(f"/voorbeeld/initiatieven/{entry.pk}/foto")
    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control and "max-age=0" in cache_control
    assert (
        client.get(f"/voorbeeld/initiatieven/{entry.pk}/foto", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    )
    client.post(f"/voorbeeld/mijn-initiatief/{token}/etalage/", {"consent": "nee"})
    assert (
        client.get(f"/voorbeeld/initiatieven/{entry.pk}/foto", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 404
    )


def test_a_far_too_big_upload_is_refused_before_it_is_read(municipality, submit_idea):
    """Issue #19: the size was checked only after the whole upload had been read."""
    initiative, _ = submit_idea(municipality)
    staff = login_with_second_factor(StaffFactory(municipality=municipality, roles=[Role.CONTACT]))
    url = f"/werkplek/voorbeeld/initiatieven/{initiative.pk}/etalage/"
    read = []

    class Body(io.BytesIO):
        def read(self, *args):
            read.append(args)
            return super().read(*args)

    response = staff.generic(
        "POST",
        url,
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
        **{"wsgi.input": Body(b"")},
    )
    assert response.status_code == 413
    assert "Het bestand is te groot" in response.content.decode()
    assert not read
