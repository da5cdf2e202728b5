"""The session key changes when the second factor is passed (issue #19, concern: django-otp's login
does not cycle it), so a session id seen before the code was typed is worth nothing afterwards."""

import pytest
from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor, totp_token
from burgeridee.accounts.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_the_session_key_is_new_after_the_code(client, municipality):
    user = StaffFactory(municipality=municipality, roles=[Role.CONTACT], username="karim")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    response = client.post("/werkplek/inloggen/", {"username": "karim", "password": "een-lang-wachtwoord-123"})
    assert response.status_code == 302
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post("/werkplek/inloggen/code/", {"token": totp_token(device), "next": "/werkplek/voorbeeld/"})
    assert response.status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert client.get("/werkplek/voorbeeld/").status_code == 200

    stale = client.__class__()
    stale.cookies[settings.SESSION_COOKIE_NAME] = before
    assert stale.get("/werkplek/voorbeeld/").status_code == 302  # the old key opens nothing


def test_logging_out_wipes_what_this_device_kept(municipality):
    """Issue #19: conversation notes kept in localStorage while offline were not cleared at logout."""
    client = login_with_second_factor(StaffFactory(municipality=municipality, roles=[Role.CONTACT]))
    response = client.post("/werkplek/uitloggen/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
