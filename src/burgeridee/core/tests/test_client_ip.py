"""core.clientip: X-Forwarded-For counts only through TRUSTED_PROXIES; rate limits use the same address."""

import pytest
from django.test import RequestFactory, override_settings

from burgeridee.core.clientip import client_ip
from burgeridee.core.ratelimit import over_limit


def request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "client"),
    [
        ([], "10.0.0.5", "203.0.113.9", "10.0.0.5"),  # nothing trusted: the header is ignored
        (["10.0.0.0/8"], "10.0.0.5", "203.0.113.9", "203.0.113.9"),
        (["10.0.0.0/8"], "192.0.2.1", "203.0.113.9", "192.0.2.1"),  # the peer is no proxy of ours
        # A client sends its own header; the proxy appends the real address: the right-most untrusted hop wins.
        (["10.0.0.0/8"], "10.0.0.5", "1.2.3.4, 203.0.113.9", "203.0.113.9"),
        (["10.0.0.0/8", "172.16.0.7"], "10.0.0.5", "203.0.113.9, 172.16.0.7", "203.0.113.9"),
        (["10.0.0.0/8"], "10.0.0.5", "10.1.1.1, 10.2.2.2", "10.1.1.1"),  # all proxies: the first
        (["10.0.0.0/8"], "10.0.0.5", "", "10.0.0.5"),
        (["10.0.0.0/8"], "10.0.0.5", "niet-een-adres, 203.0.113.9:4711", "203.0.113.9"),
        (["::1"], "::1", "2001:db8::7", "2001:db8::7"),
    ],
)
def test_the_client_is_the_right_most_hop_that_is_no_trusted_proxy(trusted, remote, forwarded, client):
    with override_settings(TRUSTED_PROXIES=trusted):
        assert client_ip(request(remote, forwarded)) == client


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"], RATELIMIT_ENABLE=True)
def test_rate_limits_count_the_forwarded_client_not_the_proxy():
    for _ in range(3):
        assert not over_limit(request("10.0.0.5", "203.0.113.9"), group="t", rate="3/h")
    assert over_limit(request("10.0.0.6", "203.0.113.9"), group="t", rate="3/h")  # another app server, same client
    assert not over_limit(request("10.0.0.5", "198.51.100.1"), group="t", rate="3/h")
    # A forged header from outside does not make a new client.
    for number in range(3):
        over_limit(request("192.0.2.1", f"198.51.100.{number + 10}"), group="u", rate="3/h")
    assert over_limit(request("192.0.2.1", "198.51.100.99"), group="u", rate="3/h")
