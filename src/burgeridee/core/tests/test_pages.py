import pytest
from django.db import OperationalError, connection

from burgeridee.core.views import server_error

pytestmark = pytest.mark.django_db


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_check_is_503_when_the_database_is_unreachable(client):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("could not connect to server")

    with connection.execute_wrapper(refuse):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_database_outage_on_a_page_is_a_plain_503(client, municipality):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("could not connect to server")

    with connection.execute_wrapper(refuse):
        response = client.get("/voorbeeld/privacy/")
    assert response.status_code == 503
    assert "Even niet beschikbaar" in response.content.decode()
    assert "Traceback" not in response.content.decode()


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/voorbeeld/", "Heeft u een idee voor uw buurt?"),
        ("/voorbeeld/privacy/", "24 maanden"),
        ("/voorbeeld/cookies/", "alleen cookies die nodig zijn"),
        ("/voorbeeld/toegankelijkheid/", "WCAG 2.1"),
        ("/", "Gemeente Voorbeeld"),
    ],
)
def test_public_pages(client, municipality, path, text):
    response = client.get(path)
    content = response.content.decode()
    assert response.status_code == 200
    assert text in content
    assert 'href="#main"' in content  # skip link
    assert '<html lang="nl"' in content


def test_header_and_footer_carry_the_municipality(client, municipality):
    content = client.get("/voorbeeld/idee/").content.decode()
    assert "Gemeente Voorbeeld" in content
    for link in ("/voorbeeld/privacy/", "/voorbeeld/cookies/", "/voorbeeld/toegankelijkheid/"):
        assert f'href="{link}"' in content


def test_theme_tokens_become_css_custom_properties(client, municipality):
    municipality.theme = {"--utrecht-button-primary-action-background-color": "#0b5394"}
    municipality.save()
    response = client.get("/voorbeeld/thema.css")
    assert response["Content-Type"].startswith("text/css")
    assert response.content.decode() == ".utrecht-theme{--utrecht-button-primary-action-background-color:#0b5394;}"
    assert "/voorbeeld/thema.css" in client.get("/voorbeeld/").content.decode()


def test_dutch_is_the_default_even_for_an_english_browser(client, municipality):
    response = client.get("/voorbeeld/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl"' in response.content.decode()


def test_language_switch_to_english_and_back(client, municipality):
    response = client.post("/taal/", {"language": "en", "next": "/voorbeeld/"}, follow=True)
    content = response.content.decode()
    assert '<html lang="en"' in content
    assert "Skip to content" in content
    assert "Share your idea" in content
    response = client.post("/taal/", {"language": "nl", "next": "/voorbeeld/"}, follow=True)
    assert "Naar de inhoud" in response.content.decode()


def test_security_headers(client, municipality):
    response = client.get("/voorbeeld/idee/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_database_error_outside_a_view_is_the_503_page_not_a_500(rf, municipality):
    """E.g. the database going away while a middleware writes: the plain 503 page, never a stack trace."""
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(rf.get("/voorbeeld/idee/"))
    assert response.status_code == 503
    assert "Even niet beschikbaar" in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(rf.get("/")).status_code == 500


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/icoon.svg"
    icon = client.get("/icoon.svg")
    assert icon.status_code == 200
    assert icon["Content-Type"] == "image/svg+xml"
    assert icon.content.startswith(b"<svg ")
