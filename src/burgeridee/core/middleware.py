"""Turn a database outage into a plain 503 page instead of a stack trace."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.shortcuts import render

logger = logging.getLogger(__name__)

UNAVAILABLE_ERRORS = (OperationalError, InterfaceError, DatabaseError)


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
            logger.error("Database unavailable: %s", exception)
            return render_unavailable(request)
        return None
