"""Staff login: password, second factor (TOTP), lockout after wrong passwords, session limits."""

import re
import time

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from burgeridee.accounts.constants import EnrolmentReason, Role
from burgeridee.accounts.middleware import SESSION_LAST_SEEN, SESSION_LOGIN_AT
from burgeridee.accounts.services import enrolment_link_issue
from burgeridee.accounts.testing import totp_token

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-123"
LOGIN = "/werkplek/inloggen/"


def inbox_url(municipality):
    return f"/werkplek/{municipality.slug}/"


def test_login_page_is_dutch_and_accessible_shape(client):
    response = client.get(LOGIN)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Inloggen op de werkplek" in content
    assert 'for="id_username"' in content and 'for="id_password"' in content


def test_wrong_password_says_so_in_dutch_and_keeps_the_username(client, contact):
    response = client.post(LOGIN, {"username": "karim", "password": "fout"})
    content = response.content.decode()
    assert response.status_code == 400
    assert "Deze combinatie van gebruikersnaam en wachtwoord klopt niet" in content
    assert 'value="karim"' in content
    assert "_auth_user_id" not in client.session


def test_first_login_through_the_link_sets_up_the_app_with_a_qr_code_then_lets_the_user_in(
    client, contact, municipality
):
    link = enrolment_link_issue(user=contact, reason=EnrolmentReason.NEW_ACCOUNT)
    opened = client.get(link.url.removeprefix(settings.SITE_URL))
    assert opened.status_code == 302 and opened["Location"].startswith(LOGIN)
    response = client.post(LOGIN, {"username": "karim", "password": PASSWORD, "next": inbox_url(municipality)})
    assert response.status_code == 302
    assert response["Location"].startswith("/werkplek/inloggen/app-instellen/")

    # Without the second factor, staff pages send the user back to it.
    blocked = client.get(inbox_url(municipality))
    assert blocked.status_code == 302 and "/werkplek/inloggen/app-instellen/" in blocked["Location"]

    setup = client.get(response["Location"])
    content = setup.content.decode()
    assert setup.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in content
    secret = re.search(r"data-totp-secret>([A-Z2-7 ]+)<", content).group(1)
    assert len(secret.replace(" ", "")) >= 32

    device = TOTPDevice.objects.get(user=contact)
    assert not device.confirmed
    wrong = client.post("/werkplek/inloggen/app-instellen/", {"token": "000000", "next": inbox_url(municipality)})
    assert wrong.status_code == 400
    assert "Deze code klopt niet" in wrong.content.decode()

    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # each wrong code makes the next try wait longer
    device.throttle_reset()  # as if the user waited
    ok = client.post(
        "/werkplek/inloggen/app-instellen/", {"token": totp_token(device), "next": inbox_url(municipality)}
    )
    assert ok.status_code == 302 and ok["Location"] == inbox_url(municipality)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(inbox_url(municipality)).status_code == 200


def test_login_with_a_device_asks_for_the_code(client, contact, municipality):
    device = TOTPDevice.objects.create(user=contact, name="app", confirmed=True)
    response = client.post(LOGIN, {"username": "karim", "password": PASSWORD, "next": inbox_url(municipality)})
    assert response["Location"].startswith("/werkplek/inloggen/code/")
    assert client.get(inbox_url(municipality))["Location"].startswith("/werkplek/inloggen/code/")

    wrong = client.post("/werkplek/inloggen/code/", {"token": "12345", "next": inbox_url(municipality)})
    assert wrong.status_code == 400
    assert "De code bestaat uit zes cijfers" in wrong.content.decode()

    ok = client.post("/werkplek/inloggen/code/", {"token": totp_token(device), "next": inbox_url(municipality)})
    assert ok.status_code == 302 and ok["Location"] == inbox_url(municipality)
    assert client.get(inbox_url(municipality)).status_code == 200


def test_the_code_page_refuses_an_outside_next_address(client, contact):
    device = TOTPDevice.objects.create(user=contact, name="app", confirmed=True)
    client.post(LOGIN, {"username": "karim", "password": PASSWORD})
    ok = client.post("/werkplek/inloggen/code/", {"token": totp_token(device), "next": "https://evil.example/"})
    assert ok["Location"] == "/werkplek/"


@override_settings(DEMO_MODE=True)
def test_demo_mode_lets_staff_in_without_a_second_factor(client, contact, municipality):
    response = client.post(LOGIN, {"username": "karim", "password": PASSWORD, "next": inbox_url(municipality)})
    assert response["Location"] == inbox_url(municipality)
    assert client.get(inbox_url(municipality)).status_code == 200
    assert "Demo: u logt in zonder tweede stap" in client.get(LOGIN).content.decode()


def test_anonymous_staff_page_goes_to_login(client, municipality):
    response = client.get(inbox_url(municipality))
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/werkplek/{municipality.slug}/"


def test_five_wrong_passwords_lock_the_account_for_15_minutes(client, contact):
    for _ in range(4):
        assert client.post(LOGIN, {"username": "karim", "password": "fout"}).status_code == 400
    locked = client.post(LOGIN, {"username": "karim", "password": "fout"})
    assert locked.status_code == 429
    # Even the right password does not help now.
    again = client.post(LOGIN, {"username": "karim", "password": PASSWORD})
    content = again.content.decode()
    assert again.status_code == 429
    assert "Inloggen is tijdelijk geblokkeerd" in content
    assert "15 minuten" in content
    assert "Traceback" not in content
    assert "_auth_user_id" not in client.session


def test_lockout_ends_after_the_cool_off(client, contact):
    for _ in range(5):
        client.post(LOGIN, {"username": "karim", "password": "fout"})
    assert client.post(LOGIN, {"username": "karim", "password": PASSWORD}).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timezone.timedelta(minutes=16))
    assert client.post(LOGIN, {"username": "karim", "password": PASSWORD}).status_code == 302


def _age_session(client, *, login_ago: float, idle: float):
    session = client.session
    now = time.time()
    session[SESSION_LOGIN_AT] = now - login_ago
    session[SESSION_LAST_SEEN] = now - idle
    session.save()


def test_session_survives_29_minutes_idle(staff_client_factory, municipality):
    client = staff_client_factory(municipality, Role.CONTACT)
    _age_session(client, login_ago=3600, idle=29 * 60)
    assert client.get(inbox_url(municipality)).status_code == 200


def test_session_ends_after_30_minutes_idle(staff_client_factory, municipality):
    client = staff_client_factory(municipality, Role.CONTACT)
    assert client.get(inbox_url(municipality)).status_code == 200
    _age_session(client, login_ago=3600, idle=31 * 60)
    response = client.get(inbox_url(municipality), follow=True)
    assert response.redirect_chain[0][0].startswith(LOGIN)
    assert "U was te lang niet actief of te lang ingelogd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_session_ends_after_12_hours_even_when_active(staff_client_factory, municipality):
    client = staff_client_factory(municipality, Role.CONTACT)
    _age_session(client, login_ago=12 * 3600 + 60, idle=10)
    response = client.get(inbox_url(municipality))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_activity_moves_the_idle_clock(staff_client_factory, municipality):
    client = staff_client_factory(municipality, Role.CONTACT)
    _age_session(client, login_ago=3600, idle=20 * 60)
    before = client.session[SESSION_LAST_SEEN]
    client.get(inbox_url(municipality))
    assert client.session[SESSION_LAST_SEEN] > before + 19 * 60


def test_logout_is_a_post_and_ends_the_session(staff_client_factory, municipality):
    client = staff_client_factory(municipality, Role.CONTACT)
    assert client.get("/werkplek/uitloggen/").status_code == 405
    response = client.post("/werkplek/uitloggen/", follow=True)
    assert "U bent uitgelogd" in response.content.decode()
    assert client.get(inbox_url(municipality)).status_code == 302


def test_wrong_codes_are_throttled(client, contact):
    device = TOTPDevice.objects.create(user=contact, name="app", confirmed=True)
    client.post(LOGIN, {"username": "karim", "password": PASSWORD})
    assert "Deze code klopt niet" in client.post("/werkplek/inloggen/code/", {"token": "000000"}).content.decode()
    # Right away, even the right code must wait.
    response = client.post("/werkplek/inloggen/code/", {"token": totp_token(device)})
    assert response.status_code == 400
    assert "Te veel verkeerde codes" in response.content.decode()
