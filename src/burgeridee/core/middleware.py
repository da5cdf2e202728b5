"""Request-wide rules: a database (or shared cache) outage becomes a plain 503 page, private pages are never
cached, the Content-Security-Policy's text is built once per process."""

import http.client as http_client
import logging

import csp.constants
import csp.middleware
from csp.utils import build_policy as csp_build_policy
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from .ratelimit import CACHE_UNAVAILABLE

logger = logging.getLogger(__name__)

# The database, or the shared cache (Redis with REDIS_URL) while it restarts: a clear 503, never a 500.
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError, *CACHE_UNAVAILABLE)


def render_unavailable(request, *, status: int = 503):
    response = render(request, "core/503.html", status=status)
    response["Retry-After"] = "30"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE_ERRORS):
            logger.error("Database or cache unavailable: %s", exception)
            return render_unavailable(request)
        return None


def is_private_route(route: str) -> bool:
    """Pages that show personal data to the one person entitled to it, so no cache may keep them.

    Every staff page (under werkplek/), every page behind a resident's personal link (a `token` in
    the route: the status page, its conversation pages, downloads and .ics) and the live workshop's
    participant pages (a participant's own answers and checklist, under doe-mee/).
    """
    return route.startswith(("werkplek/", "doe-mee/")) or "<str:token>" in route


class PrivatePagesNoStoreMiddleware:
    """`Cache-Control: no-store` on every private page, whatever the view set.

    One rule in one place instead of a decorator per view: a shared computer's browser cache, a
    proxy or a "back" button after logout must not hand personal data to the next person. Public
    pages (the municipality's home, the library, the showcase) keep their own caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (match is not None and is_private_route(match.route)) or request.path.startswith("/werkplek/"):
            # A view may have asked for caching (max_age, public); for private pages that is a bug.
            if "Cache-Control" in response:
                del response["Cache-Control"]
            add_never_cache_headers(response)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than UPLOAD_MAX_REQUEST_BYTES before anything reads it.

    Django checks an uploaded file's size only after it has read the whole upload into memory or a
    temporary file; a form then says "too big". Here a request that is far too big for any form of
    ours (the largest is a 2 MB photo) is refused from its Content-Length alone, with a plain page.
    Django reads no more than Content-Length, so a body without one is read as empty.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.UPLOAD_MAX_REQUEST_BYTES:
            return render(
                request,
                "core/message.html",
                {
                    "title": _("Het bestand is te groot"),
                    "message": _(
                        "Wat u verstuurde is te groot. Een foto mag hooguit 2 MB zijn. Ga terug, kies een "
                        "kleiner bestand en verstuur het opnieuw."
                    ),
                },
                status=413,
            )
        return self.get_response(request)


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware with the policy's text built once per process.

    django-csp builds the Content-Security-Policy from the settings on every response (both policies, through
    `dataclasses.asdict`, a copy of every directive, every source list joined anew), yet without a view's own
    change (the `csp_update`, `csp_replace` and `csp` decorators, or the single sign-on's logout form-action) the
    text is the same on every response but for the nonce. Here it is built once per settings object by
    django-csp's own `build_policy`, with a marker where the nonce goes; each response gets the text with its
    own fresh nonce put in (or the text without one when the page used none). A response with a change of its
    own, and Django's debug pages, go through django-csp unchanged.
    """

    NONCE_MARK = "\x00nonce\x00"
    OWN_POLICY_ATTRIBUTES = (
        "_csp_config",
        "_csp_update",
        "_csp_replace",
        "_csp_config_ro",
        "_csp_update_ro",
        "_csp_replace_ro",
    )

    def __init__(self, get_response):
        super().__init__(get_response)
        self._built_for = None
        self._built = {}

    def _policies(self) -> dict:
        """{report_only: (text split at the nonce, text without nonce, excluded prefixes)} for today's settings."""
        key = (
            getattr(settings, "CONTENT_SECURITY_POLICY", None),
            getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None),
        )
        built_for = self._built_for
        if built_for is None or built_for[0] is not key[0] or built_for[1] is not key[1]:
            self._built = {
                report_only: (
                    csp_build_policy(nonce=self.NONCE_MARK, report_only=report_only).split(self.NONCE_MARK),
                    csp_build_policy(nonce=None, report_only=report_only),
                    tuple((policy or {}).get("EXCLUDE_URL_PREFIXES", None) or ()),
                )
                for report_only, policy in ((False, key[0]), (True, key[1]))
            }
            self._built_for = key
        return self._built

    def process_response(self, request, response):
        if any(getattr(response, name, None) is not None for name in self.OWN_POLICY_ATTRIBUTES) or (
            settings.DEBUG and response.status_code in (http_client.INTERNAL_SERVER_ERROR, http_client.NOT_FOUND)
        ):
            return super().process_response(request, response)
        nonce = getattr(request, "_csp_nonce", None)
        for report_only, (parts, without_nonce, excluded) in self._policies().items():
            text = nonce.join(parts) if nonce else without_nonce
            header = csp.constants.HEADER_REPORT_ONLY if report_only else csp.constants.HEADER
            exempt = getattr(response, "_csp_exempt_ro" if report_only else "_csp_exempt", False) is not False
            if text and not exempt and header not in response and not request.path_info.startswith(excluded):
                response[header] = text
        if getattr(request, "_csp_nonce", None) is None:
            request.csp_nonce = csp.middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response
