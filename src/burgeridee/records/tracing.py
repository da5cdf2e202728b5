"""W3C trace context for the processing log (Logboek dataverwerkingen builds on it).

Every request is one span: a 16-hex span id made here, inside a trace whose 32-hex id comes from the
caller's `traceparent` header when it sends a valid one (the caller's span becomes the parent), and is
made here otherwise. Every processing-log line written during the request carries the same trace and
span, so the lines of one request belong together and a caller (another municipal system, a proxy
that starts traces) can follow its own trace into our log. Outside a request (a management command, a
background task) `trace_span()` opens a span for a whole run; without one, each line gets its own.

The header is parsed by hand: it is one line of the W3C Trace Context spec (version 00 is four
dash-separated lowercase hex fields), and no library in requirements/ parses it.
"""

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

# version - trace-id - parent-id - trace-flags, and for versions after 00 possibly more fields.
_TRACEPARENT = re.compile(r"([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?")
_INVALID_TRACE_ID = "0" * 32
_INVALID_SPAN_ID = "0" * 16


@dataclass(frozen=True)
class TraceContext:
    trace_id: str
    span_id: str
    parent_span_id: str = ""
    started_at: datetime = field(default_factory=timezone.now)


def traceparent_parse(value: str | None) -> tuple[str, str] | None:
    """(trace id, parent span id) from a `traceparent` header, or None when it is absent or invalid."""
    if not value:
        return None
    match = _TRACEPARENT.fullmatch(value.strip())
    if match is None:
        return None
    version, trace_id, parent_id, _flags, rest = match.groups()
    if version == "ff" or (version == "00" and rest):
        return None
    if trace_id == _INVALID_TRACE_ID or parent_id == _INVALID_SPAN_ID:
        return None
    return trace_id, parent_id


def trace_context_new(traceparent: str | None = None) -> TraceContext:
    """A new span: in the caller's trace when `traceparent` is valid, else in a new trace."""
    parsed = traceparent_parse(traceparent)
    if parsed is None:
        return TraceContext(trace_id=secrets.token_hex(16), span_id=secrets.token_hex(8))
    trace_id, parent_span_id = parsed
    return TraceContext(trace_id=trace_id, span_id=secrets.token_hex(8), parent_span_id=parent_span_id)


_current: ContextVar[TraceContext | None] = ContextVar("burgeridee_trace_context", default=None)


def trace_context_current() -> TraceContext | None:
    return _current.get()


@contextmanager
def trace_span(traceparent: str | None = None) -> Iterator[TraceContext]:
    """Everything recorded inside the block belongs to one span."""
    context = trace_context_new(traceparent)
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


class TraceContextMiddleware:
    """One span per request, from the incoming `traceparent` header when it is valid."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with trace_span(request.headers.get("traceparent")) as context:
            request.trace_context = context
            return self.get_response(request)
