"""Rate limits on public forms (django-ratelimit, counted in the shared `default` cache).

`over_limit` counts this POST and says whether the caller went over `rate`. The key is the visitor's address by
default; a form used by many people behind one address (a workshop on the venue's Wi-Fi) passes its own key.
The cache is the database, or Redis with REDIS_URL: when it is unavailable (Redis restarting, say) nobody is
blocked, the form just works.
"""

import logging
from collections.abc import Callable

from django.db import DatabaseError
from django_ratelimit import ALL
from django_ratelimit.core import get_usage, is_ratelimited

try:
    from redis.exceptions import RedisError
except ImportError:  # an installation without the Redis client: the cache is the database
    RedisError = DatabaseError

logger = logging.getLogger(__name__)

# What an unavailable shared cache raises: the database cache's errors, or Redis's (REDIS_URL).
CACHE_UNAVAILABLE = (DatabaseError, RedisError)


def limit_reached(request, *, group: str, rate: str, key: str | Callable = "ip") -> bool:
    """True when `key` already used up `rate` in `group`, without counting this request (any method).

    For limits on failures: check before acting, and count with `limit_count` only when it failed.
    """
    try:
        usage = get_usage(request, group=group, key=key, rate=rate, method=ALL, increment=False)
    except CACHE_UNAVAILABLE:
        logger.warning("Rate limit cache unavailable; allowing the request")
        return False
    # Not counting this request, so the limit is reached when the count equals it.
    return usage is not None and usage["count"] >= usage["limit"]


def limit_count(request, *, group: str, rate: str, key: str | Callable = "ip") -> None:
    """Count one failure of `key` in `group` (see limit_reached)."""
    try:
        is_ratelimited(request, group=group, key=key, rate=rate, method=ALL, increment=True)
    except CACHE_UNAVAILABLE:
        logger.warning("Rate limit cache unavailable; a failure was not counted")


def over_limit(request, *, group: str, rate: str, key: str | Callable = "ip") -> bool:
    """True when this POST goes over `rate` ("10/h") for `key` within `group`. A broken cache never blocks."""
    try:
        return is_ratelimited(request, group=group, key=key, rate=rate, method="POST", increment=True)
    except CACHE_UNAVAILABLE:
        logger.warning("Rate limit cache unavailable; allowing the request")
        return False
