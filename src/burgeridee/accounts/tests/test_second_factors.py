"""Backup codes and passkeys next to the authenticator app: made by someone past the second factor, used
once, every failure counted by django-axes, the person's own page."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from burgeridee.accounts.services import backup_code_use, backup_codes_left, backup_codes_make
from burgeridee.accounts.testing import totp_token
from burgeridee.accounts.tests.factories import STAFF_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/werkplek/inloggen/"
BACKUP = "/werkplek/inloggen/reservecode/"


def password_only(user) -> Client:
    client = Client()
    response = client.post(LOGIN, {"username": user.username, "password": STAFF_PASSWORD})
    assert response.status_code == 302
    return client


def test_backup_codes_are_one_time_and_replace_the_old_set(contact):
    first = backup_codes_make(user=contact)
    assert len(first) == 10 and len(set(first)) == 10
    second = backup_codes_make(user=contact)
    assert backup_code_use(user=contact, code=first[0]) is None  # the old set stopped working
    StaticDevice.objects.get(user=contact).throttle_reset()  # django-otp makes the next try wait a second
    assert backup_code_use(user=contact, code=second[0].upper()) is not None  # case does not matter
    assert backup_code_use(user=contact, code=second[0]) is None  # used up
    assert backup_codes_left(user=contact) == 9


def test_a_backup_code_lets_a_colleague_without_phone_in(contact, municipality):
    TOTPDevice.objects.create(user=contact, name="app", confirmed=True)
    codes = backup_codes_make(user=contact)
    client = password_only(contact)
    verify = client.get("/werkplek/inloggen/code/").content.decode()
    assert "Gebruik een reservecode" in verify
    assert client.get(BACKUP).status_code == 200
    response = client.post(
        BACKUP, {"code": f" {codes[3][:4]} {codes[3][4:]} ", "next": f"/werkplek/{municipality.slug}/"}
    )
    assert response.status_code == 302
    assert client.get(f"/werkplek/{municipality.slug}/").status_code == 200
    assert (
        "nog 9" in client.get(f"/werkplek/{municipality.slug}/").content.decode()
        or backup_codes_left(user=contact) == 9
    )


def test_a_wrong_backup_code_says_so_and_counts_for_axes(contact):
    TOTPDevice.objects.create(user=contact, name="app", confirmed=True)
    backup_codes_make(user=contact)
    client = password_only(contact)
    response = client.post(BACKUP, {"code": "aaaaaaaa"})
    assert response.status_code == 400
    assert "Deze reservecode klopt niet of is al gebruikt." in response.content.decode()
    assert AccessAttempt.objects.get(username=contact.username).failures_since_start == 1


def test_five_wrong_second_factors_lock_out_every_step(contact, settings):
    device = TOTPDevice.objects.create(user=contact, name="app", confirmed=True)
    codes = backup_codes_make(user=contact)
    client = password_only(contact)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        device.throttle_reset()
        client.post("/werkplek/inloggen/code/" if attempt % 2 else BACKUP, {"token": "000000", "code": "zzzzzzzz"})
    device.throttle_reset()
    response = client.post("/werkplek/inloggen/code/", {"token": totp_token(device)})
    assert response.status_code == 429
    assert client.post(BACKUP, {"code": codes[0]}).status_code == 429
    assert backup_codes_left(user=contact) == 10  # a locked-out attempt uses nothing up
    # The password too, from this address.
    assert Client().post(LOGIN, {"username": contact.username, "password": STAFF_PASSWORD}).status_code == 429


def test_backup_codes_alone_do_not_count_as_a_set_up_second_factor(contact):
    backup_codes_make(user=contact)
    client = password_only(contact)
    assert client.get("/werkplek/inloggen/code/")["Location"].startswith("/werkplek/inloggen/app-instellen/")


def test_the_own_page_makes_codes_once_and_lists_passkeys(staff_client_factory, municipality):
    client = staff_client_factory(municipality)
    page = client.get("/werkplek/tweede-stap/").content.decode()
    assert "U heeft nog 0 ongebruikte reservecodes." in page
    assert "passkey-registration-placeholder" in page
    response = client.post("/werkplek/tweede-stap/", {"action": "backup_codes"})
    codes = [token.token for token in StaticToken.objects.filter(device__user=client.user)]
    shown = response.content.decode()
    assert len(codes) == 10 and all(code in shown for code in codes)
    again = client.get("/werkplek/tweede-stap/").content.decode()
    assert not any(code in again for code in codes)  # shown once
    assert "U heeft nog 10 ongebruikte reservecodes." in again


def test_the_own_page_needs_the_second_factor(contact):
    TOTPDevice.objects.create(user=contact, name="app", confirmed=True)
    client = password_only(contact)
    assert client.get("/werkplek/tweede-stap/")["Location"].startswith("/werkplek/inloggen/code/")
    client.post("/werkplek/tweede-stap/", {"action": "backup_codes"})
    assert not StaticToken.objects.exists()


def test_a_password_alone_cannot_register_a_passkey(contact):
    client = password_only(contact)  # no app yet: the library itself would allow it
    response = client.post("/werkplek/passkey/registration/begin/", content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "not_verified"


def test_a_verified_colleague_may_begin_a_passkey_registration(staff_client_factory, municipality):
    client = staff_client_factory(municipality)
    response = client.post("/werkplek/passkey/registration/begin/", content_type="application/json")
    assert response.status_code == 200
    assert response.json()["rp"]["id"]


def test_passwordless_passkey_login_is_off(client):
    response = client.post("/werkplek/passkey/authentication/begin/", content_type="application/json")
    assert response.status_code == 403


def test_someone_elses_passkey_cannot_be_removed(staff_client_factory, municipality, contact):
    from django_otp_webauthn.models import WebAuthnCredential

    credential = WebAuthnCredential.objects.create(
        user=contact, name="sleutel", credential_id=b"abc", public_key=b"def", sign_count=0, confirmed=True
    )
    client = staff_client_factory(municipality)
    client.post("/werkplek/tweede-stap/", {"action": "remove_passkey", "passkey": str(credential.pk)})
    assert WebAuthnCredential.objects.filter(pk=credential.pk).exists()
    own = staff_client_factory(municipality, user=contact)
    own.post("/werkplek/tweede-stap/", {"action": "remove_passkey", "passkey": str(credential.pk)})
    assert not WebAuthnCredential.objects.filter(pk=credential.pk).exists()
