"""The municipality's public pages: the site icon in its theme colour and a description for search engines."""

import re

import pytest

pytestmark = pytest.mark.django_db


def meta_description(content: str) -> str:
    match = re.search(r'<meta name="description" content="([^"]*)">', content)
    assert match, "no meta description"
    return match.group(1)


def test_the_icon_has_the_theme_colour(client, municipality):
    municipality.theme = {"--utrecht-color-red-40": "#1a5e9a"}
    municipality.save()
    response = client.get("/voorbeeld/icoon.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert 'fill="#1a5e9a"' in response.content.decode()


@pytest.mark.parametrize("theme", [{}, {"--utrecht-color-red-40": "rgb(1, 2, 3)"}])
def test_the_icon_falls_back_to_the_header_colour(client, municipality, theme):
    municipality.theme = theme
    municipality.save()
    assert 'fill="#cc0000"' in client.get("/voorbeeld/icoon.svg").content.decode()


@pytest.mark.parametrize("path", ["/voorbeeld/", "/voorbeeld/privacy/", "/voorbeeld/toegankelijkheid/"])
def test_public_pages_link_the_municipality_icon(client, municipality, path):
    assert '<link rel="icon" type="image/svg+xml" href="/voorbeeld/icoon.svg">' in client.get(path).content.decode()


def test_the_home_page_describes_itself(client, municipality):
    description = meta_description(client.get("/voorbeeld/").content.decode())
    assert description.startswith("Heeft u een idee voor uw straat of wijk? Deel het met Gemeente Voorbeeld.")


def test_other_public_pages_have_the_municipality_default(client, municipality):
    description = meta_description(client.get("/voorbeeld/privacy/").content.decode())
    assert description == (
        "Gemeente Voorbeeld: ideeën van bewoners voor hun straat of wijk, van eerste idee tot initiatief."
    )


def test_the_chooser_describes_itself(client, municipality):
    content = client.get("/").content.decode()
    assert meta_description(content) == "Kies uw gemeente en deel uw idee voor de buurt."
    assert '<link rel="icon" type="image/svg+xml" href="/icoon.svg">' in content
