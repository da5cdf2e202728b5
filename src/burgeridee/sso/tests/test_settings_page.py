"""The functional administrator's page for the municipality's identity provider: role-checked, audited,
the secret write-only, a bad discovery URL refused with everything typed kept."""

import pytest

from burgeridee.accounts.constants import Role
from burgeridee.records.models import ProcessingLogEntry, StaffAuditEntry
from burgeridee.records.vocabulary import Activity
from burgeridee.sso.models import IdentityProvider

pytestmark = pytest.mark.django_db


def url(municipality):
    return f"/werkplek/{municipality.slug}/beheer/inloggen-met-werkaccount/"


def form_data(provider_url, **overrides):
    return {
        "enabled": "on",
        "label": "Werkaccount",
        "discovery_url": f"{provider_url}/.well-known/openid-configuration",
        "client_id": "burgeridee",
        "client_secret": "heel-geheim-123",
        "scopes": "openid email profile",
        "username_claim": "preferred_username",
        "email_claim": "email",
        "groups_claim": "groups",
        "groups_coordinator": "Burgeridee coördinatoren\nbi-coord",
        "groups_contactpersoon": "bi-contact",
        "mfa_amr_values": "mfa otp hwk",
        "mfa_acr_values": "",
        **overrides,
    }


def test_only_the_functional_administrator_opens_it(staff_client_factory, municipality):
    assert staff_client_factory(municipality, Role.COORDINATOR).get(url(municipality)).status_code == 403
    assert staff_client_factory(municipality, Role.ADMINISTRATOR).get(url(municipality)).status_code == 200


def test_another_municipalitys_administrator_gets_a_404(staff_client_factory, municipality, other_municipality):
    client = staff_client_factory(other_municipality, Role.ADMINISTRATOR)
    assert client.get(url(municipality)).status_code == 404


def test_saving_discovers_the_endpoints_audits_and_never_shows_the_secret(
    staff_client_factory, municipality, provider_url
):
    client = staff_client_factory(municipality, Role.ADMINISTRATOR)
    response = client.post(url(municipality), form_data(provider_url))
    assert response.status_code == 302
    provider = IdentityProvider.objects.get(municipality=municipality)
    assert provider.enabled and provider.client_secret == "heel-geheim-123"
    assert provider.token_endpoint == f"{provider_url}/oauth2/token"
    assert provider.end_session_endpoint == f"{provider_url}/oauth2/end_session"
    assert provider.role_groups == {
        "coordinator": ["Burgeridee coördinatoren", "bi-coord"],
        "contactpersoon": ["bi-contact"],
    }
    line = ProcessingLogEntry.objects.get(activity=Activity.SSO_SETTINGS_UPDATE)
    assert line.municipality == municipality
    assert StaffAuditEntry.objects.get(processing=line).actor == client.user
    page = client.get(url(municipality)).content.decode()
    assert "heel-geheim-123" not in page
    assert "Er is een client-secret opgeslagen." in page
    assert "http://testserver/werkplek/inloggen/sso/terug/" in page  # the redirect URI for IT
    # Left empty, the stored secret stays.
    client.post(url(municipality), form_data(provider_url, client_secret="", label="Nieuw"))
    provider.refresh_from_db()
    assert (provider.label, provider.client_secret) == ("Nieuw", "heel-geheim-123")
    assert ProcessingLogEntry.objects.filter(activity=Activity.SSO_SETTINGS_UPDATE).count() == 2


def test_the_secret_is_not_in_the_log_lines(staff_client_factory, municipality, provider_url, caplog):
    client = staff_client_factory(municipality, Role.ADMINISTRATOR)
    with caplog.at_level("DEBUG"):
        client.post(url(municipality), form_data(provider_url))
    assert "heel-geheim-123" not in caplog.text


def test_a_discovery_url_without_a_document_is_refused_and_keeps_the_input(
    staff_client_factory, municipality, provider_url
):
    client = staff_client_factory(municipality, Role.ADMINISTRATOR)
    data = form_data(provider_url, discovery_url=f"{provider_url}/bestaat-niet", client_id="mijn-client")
    response = client.post(url(municipality), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "geen bruikbaar OpenID Connect-configuratiedocument" in page
    assert 'value="mijn-client"' in page
    assert "heel-geheim-123" not in page  # not even the typed secret comes back
    assert not IdentityProvider.objects.exists()
    assert not ProcessingLogEntry.objects.filter(activity=Activity.SSO_SETTINGS_UPDATE).exists()


def test_switching_on_without_a_group_or_secret_says_what_is_missing(staff_client_factory, municipality, provider_url):
    client = staff_client_factory(municipality, Role.ADMINISTRATOR)
    data = form_data(provider_url, client_secret="", groups_coordinator="", groups_contactpersoon="", scopes="email")
    page = client.post(url(municipality), data).content.decode()
    assert "Vul het client-secret in." in page
    assert "Noem ten minste één groep" in page
    assert "De scopes moeten" in page


def test_the_menu_shows_the_page_to_the_administrator(staff_client_factory, municipality):
    client = staff_client_factory(municipality, Role.ADMINISTRATOR)
    assert (
        url(municipality) in client.get(f"/werkplek/{municipality.slug}/").content.decode()
        or url(municipality) in client.get(f"/werkplek/{municipality.slug}/inbox/").content.decode()
    )
