"""What operators see: structured logs, request metrics and (optionally) error tracking.

- Every log line written during a request carries the request id (the W3C trace id that
  records.tracing gives the request), the municipality's slug and the user's id (a context variable
  of this module). With LOG_FORMAT=json the lines are JSON objects (structlog's ProcessorFormatter over the
  standard library's logging, so Django's and the libraries' lines are JSON too); plain text otherwise.
  Never a resident's personal data: no names, addresses, query strings or form data; the client's
  address only shortened to its network (IPv4 /24, IPv6 /48); personal link secrets are masked by
  core.logfilters.
- Prometheus metrics of requests (count and duration per view and status) for /metrics (core.metrics).
- Sentry (or GlitchTip) only when SENTRY_DSN is set, without personal data.
"""

import ipaddress
import logging
import os
import time
from contextvars import ContextVar

from django.conf import settings
from prometheus_client import Counter, Histogram

from .clientip import client_ip
from .logfilters import mask_secrets

logger = logging.getLogger("burgeridee.request")

# In multi-process mode (gunicorn's config sets it) prometheus-client writes to this directory; a process
# started otherwise (a management command in the same container) must not fail because it is missing.
if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"], exist_ok=True)

REQUESTS = Counter("burgeridee_http_requests_total", "HTTP requests answered", ["method", "view", "status"])
REQUEST_SECONDS = Histogram(
    "burgeridee_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["method", "view"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)

# What every log line of the current request carries (request id, municipality, user id). Our own context
# variable, so plain-text mode does not load structlog (0.2 s at every process start).
_log_context: ContextVar[dict | None] = ContextVar("burgeridee_log_context", default=None)


def log_context_bind(**values) -> None:
    _log_context.set({**(_log_context.get() or {}), **values})


def log_context_clear() -> None:
    _log_context.set(None)


def _merge_log_context(logger, method_name, event_dict):
    for key, value in (_log_context.get() or {}).items():
        event_dict.setdefault(key, value)
    return event_dict


# Fields that may never reach a log line, whatever a caller passes as `extra`.
PERSONAL_KEYS = frozenset({"email", "name", "phone", "address", "body", "password", "token", "ip", "remote_addr"})


def client_network(request) -> str:
    """The client's address shortened to its network: enough to see a flood, not to name a person."""
    try:
        address = ipaddress.ip_address(client_ip(request))
    except ValueError:
        return ""
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address)


def _drop_personal(logger, method_name, event_dict):
    for key in PERSONAL_KEYS & event_dict.keys():
        event_dict[key] = "…"
    if isinstance(event_dict.get("event"), str):
        event_dict["event"] = mask_secrets(event_dict["event"])
    return event_dict


def json_formatter() -> logging.Formatter:
    """The `json` formatter of settings.LOGGING: one JSON object a line."""
    import structlog  # only with LOG_FORMAT=json

    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[
            _merge_log_context,
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.stdlib.ExtraAdder(),
            structlog.processors.TimeStamper(fmt="iso", utc=True),
        ],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            _drop_personal,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
    )


class RequestContextMiddleware:
    """Binds the request id, municipality and user to every log line of the request; counts and times it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        log_context_clear()
        trace = getattr(request, "trace_context", None)
        if trace is not None:
            log_context_bind(request_id=trace.trace_id, span_id=trace.span_id)
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        match = getattr(request, "resolver_match", None)
        view = (match.view_name or match.url_name or "unnamed") if match is not None else "unresolved"
        REQUESTS.labels(request.method, view, str(response.status_code)).inc()
        REQUEST_SECONDS.labels(request.method, view).observe(elapsed)
        if settings.LOG_FORMAT == "json":  # plain text keeps today's lines (runserver writes its own)
            self._log(request, response, view, elapsed)
        log_context_clear()
        return response

    @staticmethod
    def _log(request, response, view: str, elapsed: float) -> None:
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": mask_secrets(request.path),
                "view": view,
                "status": response.status_code,
                "duration_ms": round(elapsed * 1000, 1),
                "client_network": client_network(request),
            },
        )

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.get("municipality_slug")
        if slug:
            log_context_bind(municipality=slug)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            log_context_bind(user_id=user.pk)
        return None


def _scrub(event, hint):
    """Sentry's before_send: no request bodies, cookies, headers, query strings or user details."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("data", "cookies", "headers", "query_string", "env"):
            request.pop(key, None)
        if isinstance(request.get("url"), str):
            request["url"] = mask_secrets(request["url"].split("?", 1)[0])
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    for breadcrumb in (event.get("breadcrumbs") or {}).get("values", []):
        if isinstance(breadcrumb.get("message"), str):
            breadcrumb["message"] = mask_secrets(breadcrumb["message"])
        breadcrumb.pop("data", None)
    for exception in (event.get("exception") or {}).get("values", []):
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)  # local variables may hold anything a resident typed
    return event


def sentry_init(*, dsn: str, environment: str, traces_sample_rate: float = 0.0) -> None:
    # Imported here: the SDK is only loaded when error tracking is configured.
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        before_send=_scrub,
    )
