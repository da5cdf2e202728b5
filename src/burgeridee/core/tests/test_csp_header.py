"""The Content-Security-Policy built once per process (core.middleware.CSPMiddleware) is django-csp's, exactly."""

import pytest
from csp.constants import NONCE, NONE, SELF
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from burgeridee.core.middleware import CSPMiddleware

HEADER = "Content-Security-Policy"
REPORT_ONLY = "Content-Security-Policy-Report-Only"
OTHER_POLICY = {"DIRECTIVES": {"default-src": [SELF], "script-src": [SELF, NONCE, "https://cdn.example"]}}
OWN_POLICY = [
    {},
    {"_csp_update": {"form-action": ["https://login.example"]}},
    {"_csp_replace": {"style-src": [SELF, "'unsafe-inline'"]}},
    {"_csp_config": {"default-src": [NONE]}},
    {"_csp_exempt": True},
    {"_csp_update_ro": {"img-src": ["https://img.example"]}},
    {"_csp_exempt_ro": True},
]


def headers(middleware_class, request, attributes, *, status=200):
    response = HttpResponse("page", status=status)
    for name, value in attributes.items():
        setattr(response, name, value)
    middleware = middleware_class(lambda request: response)
    response = middleware.process_response(request, response)
    return {name: response[name] for name in (HEADER, REPORT_ONLY) if name in response}


def request_with_nonce(used: bool, path="/voorbeeld/idee/"):
    request = RequestFactory().get(path)
    CSPMiddleware(lambda request: None).process_request(request)
    if used:
        str(request.csp_nonce)  # a template asked for it
    return request


@pytest.mark.parametrize("attributes", OWN_POLICY, ids=lambda attributes: ",".join(attributes) or "plain")
@pytest.mark.parametrize("nonce_used", [False, True])
@pytest.mark.parametrize(
    "policies",
    [
        {},
        {"CONTENT_SECURITY_POLICY": OTHER_POLICY},
        {"CONTENT_SECURITY_POLICY_REPORT_ONLY": OTHER_POLICY},
        {"CONTENT_SECURITY_POLICY": {**OTHER_POLICY, "EXCLUDE_URL_PREFIXES": ["/voorbeeld/"]}},
        {"CONTENT_SECURITY_POLICY": None},
    ],
    ids=["settings", "other", "report-only", "excluded", "none"],
)
def test_same_headers_as_django_csp(policies, nonce_used, attributes):
    with override_settings(**policies):
        request = request_with_nonce(nonce_used)
        ours = headers(CSPMiddleware, request, attributes)
        theirs = headers(DjangoCSPMiddleware, request, attributes)
    assert ours == theirs


def test_each_request_gets_its_own_nonce_in_the_header():
    middleware = CSPMiddleware(lambda request: HttpResponse("page"))
    seen = set()
    for _ in range(3):
        request = request_with_nonce(True)
        response = middleware.process_response(request, HttpResponse("page"))
        nonce = request._csp_nonce
        assert f"script-src 'self' 'nonce-{nonce}'" in response[HEADER]
        assert f"style-src 'self' 'nonce-{nonce}'" in response[HEADER]
        seen.add(nonce)
    assert len(seen) == 3
    request = request_with_nonce(False)
    response = middleware.process_response(request, HttpResponse("page"))
    assert "nonce-" not in response[HEADER]


def test_the_policy_follows_a_change_of_settings():
    middleware = CSPMiddleware(lambda request: HttpResponse("page"))
    before = middleware.process_response(request_with_nonce(False), HttpResponse("page"))[HEADER]
    with override_settings(CONTENT_SECURITY_POLICY=OTHER_POLICY):
        changed = middleware.process_response(request_with_nonce(False), HttpResponse("page"))[HEADER]
    after = middleware.process_response(request_with_nonce(False), HttpResponse("page"))[HEADER]
    assert "https://cdn.example" in changed and "https://cdn.example" not in before
    assert after == before


def test_a_header_the_view_set_is_kept():
    response = HttpResponse("page")
    response[HEADER] = "default-src 'none'"
    middleware = CSPMiddleware(lambda request: response)
    assert middleware.process_response(request_with_nonce(True), response)[HEADER] == "default-src 'none'"


@override_settings(DEBUG=True)
def test_debug_error_pages_get_no_policy_as_with_django_csp():
    request = request_with_nonce(False)
    assert (
        headers(CSPMiddleware, request, {}, status=404) == headers(DjangoCSPMiddleware, request, {}, status=404) == {}
    )


def test_the_nonce_cannot_be_asked_after_the_header_is_written():
    request = request_with_nonce(False)
    CSPMiddleware(lambda request: None).process_response(request, HttpResponse("page"))
    with pytest.raises(Exception, match="not available after the CSP header"):
        str(request.csp_nonce)


@pytest.mark.django_db
def test_rendered_pages_carry_the_settings_policy(client, municipality):
    expected = DjangoCSPMiddleware(lambda request: None).process_response(
        RequestFactory().get("/"), HttpResponse("page")
    )[HEADER]
    for path in ("/voorbeeld/", "/voorbeeld/idee/", "/bestaat-niet/", "/werkplek/inloggen/"):
        response = client.get(path)
        assert response[HEADER] == expected, path
    assert "csp.middleware.CSPMiddleware" not in settings.MIDDLEWARE
    assert "burgeridee.core.middleware.CSPMiddleware" in settings.MIDDLEWARE
