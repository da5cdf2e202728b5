"""Behind the load balancer the lockout counts the real client, and a client cannot forge its address."""

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

LOGIN = "/werkplek/inloggen/"
PROXY = "10.0.0.5"


def wrong_password(client, **headers):
    return client.post(LOGIN, {"username": "karim", "password": "fout"}, **headers)


@override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
def test_through_a_trusted_proxy_the_lockout_is_keyed_on_the_forwarded_client(contact):
    guesser = Client(REMOTE_ADDR=PROXY)
    for _ in range(5):
        last = wrong_password(guesser, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert last.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    # The colleague behind the same load balancer, from another address, is not locked out.
    colleague = wrong_password(Client(REMOTE_ADDR=PROXY), HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert colleague.status_code == 400


@override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
def test_an_untrusted_peer_cannot_dodge_the_lockout_with_a_forged_header(contact):
    direct = Client(REMOTE_ADDR="192.0.2.50")
    for number in range(5):
        last = wrong_password(direct, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    assert last.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.50"}


@override_settings(TRUSTED_PROXIES=[])
def test_without_trusted_proxies_the_header_is_ignored(contact):
    for number in range(5):
        last = wrong_password(Client(REMOTE_ADDR=PROXY), HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert last.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}
