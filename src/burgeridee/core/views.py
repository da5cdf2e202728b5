import logging
import sys

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .middleware import render_unavailable

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """200 when the application can reach its database, 503 when it cannot."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("Health check failed: %s", exc)
        connection.close_if_unusable_or_obsolete()
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def ratelimited(request, exception=None):
    """Shown when one address sends a public form too often."""
    response = render(
        request,
        "core/message.html",
        {
            "title": _("Even wachten"),
            "message": _(
                "U heeft dit formulier vaak achter elkaar verstuurd. Wacht een uur en probeer het dan "
                "opnieuw. Lukt het niet? Bel of mail de gemeente."
            ),
        },
        status=429,
    )
    response["Retry-After"] = "3600"
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """An unexpected error. When it is the database going away outside a view (for instance while a
    middleware saves the session), the resident gets the plain 503 page, as inside a view."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        try:
            return render_unavailable(request)
        except Exception:  # noqa: BLE001 - never fail inside the error handler
            logger.exception("The 503 page could not be rendered")
    return render(request, "500.html", status=500)
