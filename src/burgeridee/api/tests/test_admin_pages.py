"""The functional administrator manages API clients: the token is shown once, revoking works at once,
and every change is audited."""

import re

import pytest

from burgeridee.accounts.constants import Role
from burgeridee.administration.models import ConfigurationChange
from burgeridee.api.models import ApiClient

from .factories import bearer

URL = "/werkplek/voorbeeld/beheer/api/"


@pytest.fixture
def api_admin_client(municipality, staff_client_factory):
    return staff_client_factory(municipality, Role.ADMINISTRATOR)


def test_only_the_administrator(municipality, staff_client_factory):
    assert staff_client_factory(municipality, Role.COORDINATOR).get(URL).status_code == 403


def test_create_shows_token_once_then_revoke(api_admin_client, client, municipality):
    page = api_admin_client.post(URL, {"name": "Dashboard wijkteams", "scopes": ["initiatieven", "cijfers"]})
    assert page.status_code == 200
    token = re.search(r'data-testid="api-token">(bi_[^<]+)<', page.content.decode()).group(1)
    api_client = ApiClient.objects.get()
    assert api_client.scopes == ["cijfers", "initiatieven"]
    assert token not in api_admin_client.get(URL).content.decode()  # shown once
    assert client.get("/api/v1/gemeenten/voorbeeld/initiatieven", **bearer(token)).status_code == 200
    change = ConfigurationChange.objects.get(activity="api_client_change")
    assert change.actor_label and "Dashboard wijkteams" in change.summary

    api_admin_client.post(f"{URL}{api_client.pk}/intrekken/")
    assert client.get("/api/v1/gemeenten/voorbeeld/initiatieven", **bearer(token)).status_code == 401
    assert ConfigurationChange.objects.filter(activity="api_client_change").count() == 2


def test_bad_input_keeps_what_was_typed(api_admin_client):
    page = api_admin_client.post(URL, {"name": "Dashboard"})
    assert page.status_code == 400
    assert "Kies minstens één recht." in page.content.decode() and 'value="Dashboard"' in page.content.decode()
    assert not ApiClient.objects.exists()


def test_menu_entry_for_the_administrator(api_admin_client):
    assert URL in api_admin_client.get("/werkplek/voorbeeld/beheer/").content.decode()


def test_other_municipality_client_cannot_be_revoked(api_admin_client, other_municipality):
    from .factories import api_client_make

    theirs, _token = api_client_make(other_municipality)
    assert api_admin_client.post(f"{URL}{theirs.pk}/intrekken/").status_code == 404
    assert ApiClient.objects.get(pk=theirs.pk).revoked_at is None


def test_sending_the_form_again_makes_no_second_key_and_shows_none(api_admin_client):
    """The browser's reload of the page that shows the new key sends the same form (same one-time value)."""
    form = api_admin_client.get(URL).content.decode()
    once = re.search(r'name="eenmalig" value="([^"]+)"', form).group(1)
    data = {"name": "Dashboard", "scopes": ["cijfers"], "eenmalig": once}
    assert 'data-testid="api-token"' in api_admin_client.post(URL, data).content.decode()
    again = api_admin_client.post(URL, data)
    assert again.status_code == 302 and again["Location"] == URL
    assert ApiClient.objects.count() == 1
    assert 'data-testid="api-token"' not in api_admin_client.get(URL).content.decode()
