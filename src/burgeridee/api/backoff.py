"""Retries with exponential back-off, the rule the mail outbox uses too (base, 2x, 4x, ... capped).

Kept here rather than imported: the operations helper's outbox (core/outbox.py, `retry_delay`) had not
landed on main when this app was written. When it has, this can become an import of that helper.
"""

from datetime import timedelta


def retry_delay(attempts: int, *, base_seconds: int, max_seconds: int) -> timedelta:
    """The wait after `attempts` failed tries: base, 2x base, 4x base, ... at most max_seconds."""
    seconds = base_seconds * (2 ** max(attempts - 1, 0))
    return timedelta(seconds=min(seconds, max_seconds))
