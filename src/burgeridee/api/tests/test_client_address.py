"""The API's anonymous throttle counts the client's address as every other limit does (core.clientip)."""

from django.test import RequestFactory, override_settings

from burgeridee.api.rest import ClientRateThrottle


def forwarded(remote: str, header: str):
    return RequestFactory().get("/api/v1/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=header)


def test_a_forged_forwarded_header_does_not_make_a_new_client():
    with override_settings(TRUSTED_PROXIES=[]):
        assert ClientRateThrottle().get_ident(forwarded("192.0.2.1", "198.51.100.7")) == "192.0.2.1"
    with override_settings(TRUSTED_PROXIES=["10.0.0.0/8"]):
        assert ClientRateThrottle().get_ident(forwarded("10.0.0.5", "198.51.100.7")) == "198.51.100.7"
