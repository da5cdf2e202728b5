import json
import logging
import sys
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .icon import DEFAULT_COLOUR, icon_response
from .logfilters import mask_secrets
from .middleware import render_unavailable
from .models import CspReport
from .ratelimit import over_limit

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


@require_GET
def icon(request):
    """The site icon without a municipality (the chooser, the staff login)."""
    return icon_response(DEFAULT_COLOUR)


@require_GET
def favicon_ico(request):
    """Browsers ask for /favicon.ico whatever the page links; send them to the SVG icon."""
    return HttpResponsePermanentRedirect(reverse("icon"))


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


CSP_REPORT_MAX_BYTES = 16 * 1024


def _path_only(uri: str) -> str:
    """The path of a reported address, secrets masked; no query string (it may hold anything)."""
    if not isinstance(uri, str):
        return ""
    parts = urlsplit(uri)
    shown = f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.scheme in ("http", "https") else uri.split("?")[0]
    return mask_secrets(shown)[:300]


@csrf_exempt  # browsers send these reports without a CSRF token; nothing here acts on anyone's behalf
@require_POST
def csp_report(request):
    """Store a Content-Security-Policy violation report for a short while (rate limited per address)."""
    if over_limit(request, group="csp-report", rate=settings.RATELIMIT_CSP_REPORT):
        return HttpResponse(status=429)
    if int(request.META.get("CONTENT_LENGTH") or 0) > CSP_REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return HttpResponse(status=400)
    reports = body if isinstance(body, list) else [body]
    now = timezone.now()
    stored = 0
    for item in reports[:10]:
        if not isinstance(item, dict):
            continue
        report = item.get("csp-report") or item.get("body") or {}
        if not isinstance(report, dict):
            continue
        CspReport.objects.create(
            received_at=now,
            document=_path_only(report.get("document-uri") or report.get("documentURL") or ""),
            directive=str(report.get("effective-directive") or report.get("effectiveDirective") or "")[:100],
            blocked=_path_only(report.get("blocked-uri") or report.get("blockedURL") or ""),
        )
        stored += 1
    if stored:
        logger.warning("Content-Security-Policy violation reported (%d)", stored)
        CspReport.objects.filter(received_at__lt=now - timedelta(days=settings.CSP_REPORT_RETENTION_DAYS)).delete()
    return HttpResponse(status=204)


SECURITY_TXT = """Contact: mailto:{contact}
Expires: {expires}
Preferred-Languages: nl, en
Canonical: {site}/.well-known/security.txt
Policy: {site}/.well-known/security-policy
"""


@require_GET
def security_txt(request):
    """RFC 9116: where to report a vulnerability. The contact is the installation's (SECURITY_CONTACT)."""
    expires = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    text = SECURITY_TXT.format(
        contact=settings.SECURITY_CONTACT,
        expires=expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
        site=settings.SITE_URL.rstrip("/"),
    )
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@require_GET
def security_policy(request):
    return render(request, "core/security_policy.html", {"contact": settings.SECURITY_CONTACT})
