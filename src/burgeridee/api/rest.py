"""The REST plumbing shared by every API view: token authentication per municipality, scopes, rate
limits, problem+json errors (RFC 9457), pagination with links, and the API-Version header.

Conventions follow the NL API Design Rules (Logius): the major version in the path (/api/v1/), the full
version in an `API-Version` header on every response, camelCase field names (djangorestframework-camel-case),
`application/problem+json` for every error, pagination with links, and no personal data in any URL
(initiatives are addressed by their reference, BI-2026-000123).
"""

import logging
import re
from collections import OrderedDict

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.utils.urls import remove_query_param, replace_query_param

from burgeridee.core.clientip import client_ip
from burgeridee.municipalities.models import Municipality

from .models import ApiClient
from .tokens import api_token_hash

logger = logging.getLogger(__name__)

API_VERSION = "1.0.0"
PROBLEM_TYPE = "application/problem+json"


def camel(name: str) -> str:
    """snake_case to camelCase, as djangorestframework-camel-case writes field names."""
    return re.sub(r"_([a-z0-9])", lambda match: match.group(1).upper(), name)


# --- Authentication and scopes ---------------------------------------------------------------------------


class ApiTokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer <token>`. request.auth is the ApiClient; request.user stays anonymous."""

    keyword = "Bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].decode("latin-1").lower() not in ("bearer", "token"):
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Geef de sleutel als: Authorization: Bearer <sleutel>."))
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Deze sleutel is onbekend of ingetrokken.")) from None
        client = (
            ApiClient.objects.select_related("municipality")
            .filter(token_hash=api_token_hash(token), revoked_at__isnull=True)
            .first()
        )
        if client is None:
            raise exceptions.AuthenticationFailed(_("Deze sleutel is onbekend of ingetrokken."))
        now = timezone.now()
        # At most one write a minute per client: "last used" is for the administrator, not an access log.
        if client.last_used_at is None or (now - client.last_used_at).total_seconds() > 60:
            ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
        return AnonymousUser(), client

    def authenticate_header(self, request):
        return 'Bearer realm="burgeridee"'


def municipality_for(request, slug: str) -> Municipality:
    """The municipality of the path; a client's token only opens its own municipality (403 otherwise)."""
    municipality = get_object_or_404(Municipality.objects.defer("logo", "favicon"), slug=slug, is_active=True)
    client = request.auth
    if isinstance(client, ApiClient) and client.municipality_id != municipality.pk:
        raise exceptions.PermissionDenied(_("Deze sleutel hoort bij een andere gemeente."))
    return municipality


class HasScope(BasePermission):
    """The view's `required_scopes`: a token with at least one of them (401 without a token)."""

    def has_permission(self, request, view):
        required = getattr(view, "required_scopes", ())
        if not required:
            return True
        client = request.auth
        if not isinstance(client, ApiClient):
            raise exceptions.NotAuthenticated(_("Deze gegevens vragen om een sleutel (Authorization: Bearer)."))
        if not any(client.has_scope(scope) for scope in required):
            raise exceptions.PermissionDenied(
                _("Deze sleutel heeft niet het recht: %(scopes)s.") % {"scopes": ", ".join(required)}
            )
        return True


# --- Rate limits ----------------------------------------------------------------------------------------


class ClientRateThrottle(SimpleRateThrottle):
    """Per API client (API_RATE_LIMIT), or per address for the public resources (API_RATE_LIMIT_ANONYMOUS)."""

    def __init__(self):  # rates come from settings at request time, so tests can change them
        pass

    def allow_request(self, request, view):
        if not getattr(settings, "RATELIMIT_ENABLE", True):
            return True
        client = request.auth
        self.rate = settings.API_RATE_LIMIT if isinstance(client, ApiClient) else settings.API_RATE_LIMIT_ANONYMOUS
        self.num_requests, self.duration = self.parse_rate(self.rate)
        try:
            return super().allow_request(request, view)
        except DatabaseError:  # the rate-limit cache is down: nobody is blocked
            logger.warning("API rate-limit cache unavailable; allowing the request")
            return True

    def get_ident(self, request):
        # DRF's own reads any X-Forwarded-For (NUM_PROXIES unset): the address through TRUSTED_PROXIES only.
        return client_ip(request)

    def get_cache_key(self, request, view):
        client = request.auth
        ident = f"client:{client.pk}" if isinstance(client, ApiClient) else f"ip:{self.get_ident(request)}"
        return f"api-throttle:{ident}"


# --- Errors as application/problem+json ----------------------------------------------------------------

TITLES = {
    400: "Ongeldige invoer.",
    401: "Niet geauthenticeerd.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Formaat niet beschikbaar.",
    415: "Soort inhoud niet ondersteund.",
    429: "Te veel verzoeken.",
    503: "Tijdelijk niet beschikbaar.",
}


def problem(status_code: int, *, detail: str = "", instance: str = "", code: str = "", **extra) -> dict:
    body = {
        "type": f"https://datatracker.ietf.org/doc/html/rfc9110#status.{status_code}",
        "code": code
        or {400: "invalid", 401: "not_authenticated", 403: "permission_denied", 404: "not_found"}.get(
            status_code, "error"
        ),
        "title": TITLES.get(status_code, "Fout."),
        "status": status_code,
        "detail": detail or TITLES.get(status_code, ""),
        "instance": instance,
    }
    body.update(extra)
    return body


def _invalid_params(detail, prefix: str = "") -> list[dict]:
    """Flatten DRF's nested validation errors to the NL API's invalidParams list (camelCase names)."""
    params = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = camel(key) if key != api_settings.NON_FIELD_ERRORS_KEY else "nonFieldErrors"
            params.extend(_invalid_params(value, f"{prefix}.{name}" if prefix else name))
    elif isinstance(detail, list):
        for item in detail:
            if isinstance(item, dict | list):
                params.extend(_invalid_params(item, prefix))
            else:
                params.append(
                    {"name": prefix or "nonFieldErrors", "code": getattr(item, "code", "invalid"), "reason": str(item)}
                )
    else:
        params.append(
            {"name": prefix or "nonFieldErrors", "code": getattr(detail, "code", "invalid"), "reason": str(detail)}
        )
    return params


def problem_exception_handler(exc, context):
    request = context.get("request")
    instance = request.path if request is not None else ""
    if isinstance(exc, DatabaseError):
        logger.exception("API request failed: database unavailable")
        response = Response(
            problem(
                503,
                detail=_("De database is even niet bereikbaar. Probeer het over een paar minuten opnieuw."),
                instance=instance,
                code="unavailable",
            ),
            status=503,
            headers={"Retry-After": "60"},
        )
        response.content_type = PROBLEM_TYPE
        return response
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    # rest_framework.views reads the DRF settings, which name this module: imported here, not at the top.
    from rest_framework.views import exception_handler

    response = exception_handler(exc, context)
    if response is None:
        return None
    extra = {}
    detail = getattr(exc, "detail", "")
    if isinstance(exc, exceptions.ValidationError):
        extra["invalid_params"] = _invalid_params(exc.detail)
        detail = _("Niet alles is goed ingevuld; zie invalidParams.")
    elif isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        detail = _("Te veel verzoeken. Probeer het over %(seconds)d seconden opnieuw.") % {"seconds": int(exc.wait) + 1}
    code = (
        getattr(getattr(exc, "detail", None), "code", "")
        if not isinstance(exc, exceptions.ValidationError)
        else "invalid"
    )
    response.data = problem(response.status_code, detail=str(detail), instance=instance, code=str(code or ""), **extra)
    response.content_type = PROBLEM_TYPE
    return response


def problem_response(request, status_code: int, **kwargs) -> JsonResponse:
    """A problem outside DRF (an unknown /api/ address, a server error)."""
    response = JsonResponse(problem(status_code, instance=request.path, **kwargs), status=status_code)
    response["Content-Type"] = PROBLEM_TYPE
    return response


@csrf_exempt  # no cookies are read here, and a POST to an unknown address must get its 404, not a CSRF page
def not_found(request, *args, **kwargs):
    """Every /api/ address that is no resource: 404 as problem+json, not the HTML page."""
    response = problem_response(request, status.HTTP_404_NOT_FOUND, detail=_("Deze bron bestaat niet."))
    return response


# --- Pagination -----------------------------------------------------------------------------------------


class LinkedPagination(PageNumberPagination):
    """`?page=2&pageSize=50`: the body carries `count`, `links` (self, first, previous, next, last) and
    `results`; the same links go into an RFC 8288 `Link` header."""

    page_size = 20
    page_size_query_param = "pageSize"
    max_page_size = 100

    def _url(self, number):
        url = self.request.build_absolute_uri()
        if number == 1:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, number)

    def get_links(self) -> dict:
        page = self.page
        last = page.paginator.num_pages
        return OrderedDict(
            [
                ("self", self._url(page.number)),
                ("first", self._url(1)),
                ("previous", self._url(page.number - 1) if page.has_previous() else None),
                ("next", self._url(page.number + 1) if page.has_next() else None),
                ("last", self._url(last)),
            ]
        )

    def get_paginated_response(self, data):
        links = self.get_links()
        header = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url and rel != "self")
        return Response(
            OrderedDict([("count", self.page.paginator.count), ("links", links), ("results", data)]),
            headers={"Link": header},
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["count", "links", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "links": {
                    "type": "object",
                    "required": ["self", "first", "previous", "next", "last"],
                    "properties": {
                        "self": {"type": "string", "format": "uri"},
                        "first": {"type": "string", "format": "uri"},
                        "previous": link,
                        "next": link,
                        "last": {"type": "string", "format": "uri"},
                    },
                },
                "results": schema,
            },
        }


# --- The API-Version header ------------------------------------------------------------------------------


class ApiVersionMiddleware:
    """Every response under /api/ says the API's full version (NL API Design Rules, API-57)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = API_VERSION
        return response
