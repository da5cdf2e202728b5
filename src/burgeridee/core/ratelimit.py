"""Rate limits on public forms (django-ratelimit, counted in the shared `default` cache).

`over_limit` counts this POST and says whether the caller went over `rate`. The key is the visitor's address by
default; a form used by many people behind one address (a workshop on the venue's Wi-Fi) passes its own key.
The cache is the database in production: when it is unavailable nobody is blocked, the form just works.
"""

import logging
from collections.abc import Callable

from django.db import DatabaseError
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)


def over_limit(request, *, group: str, rate: str, key: str | Callable = "ip") -> bool:
    """True when this POST goes over `rate` ("10/h") for `key` within `group`. A broken cache never blocks."""
    try:
        return is_ratelimited(request, group=group, key=key, rate=rate, method="POST", increment=True)
    except DatabaseError:
        logger.warning("Rate limit cache unavailable; allowing the request")
        return False
