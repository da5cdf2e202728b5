"""Request-wide rules: a database (or shared cache) outage becomes a plain 503 page, private pages are never
cached."""

import logging

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
