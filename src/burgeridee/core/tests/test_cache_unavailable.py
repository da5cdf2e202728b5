"""With REDIS_URL, Redis going away (a restart, a failover) never turns a request into a 500: a rate limit
lets the request through, as it does when the database cache is unavailable, and any other use of the
cache gives the plain 503 page ("try again in a moment"). `make cluster-test` restarts a real Redis under load.
"""

import logging

import pytest
from django.test import RequestFactory, override_settings

from burgeridee.core.middleware import DatabaseUnavailableMiddleware
from burgeridee.core.ratelimit import limit_count, limit_reached, over_limit

redis = pytest.importorskip("redis")

# Nothing listens on port 1: every cache call fails at once with Redis's ConnectionError.
REDIS_DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    },
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}


@override_settings(CACHES=REDIS_DOWN, RATELIMIT_ENABLE=True)
def test_rate_limits_let_requests_through_while_redis_is_down(caplog):
    from django.core.cache import cache

    with pytest.raises(redis.exceptions.ConnectionError):
        cache.get("anything")  # the cache really is down
    request = RequestFactory().post("/voorbeeld/idee/", REMOTE_ADDR="192.0.2.10")
    with caplog.at_level(logging.WARNING, logger="burgeridee.core.ratelimit"):
        assert over_limit(request, group="idea", rate="1/h") is False
        assert over_limit(request, group="idea", rate="1/h") is False
        assert limit_reached(request, group="codes", rate="1/h") is False
        limit_count(request, group="codes", rate="1/h")
    assert "Rate limit cache unavailable" in caplog.text


@pytest.mark.django_db
def test_any_other_redis_failure_is_the_plain_503_page():
    request = RequestFactory().get("/voorbeeld/")
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    response = middleware.process_exception(request, redis.exceptions.ConnectionError("Connection refused"))
    assert response is not None and response.status_code == 503
    assert response["Retry-After"] == "30"
    assert middleware.process_exception(request, redis.exceptions.TimeoutError("timed out")).status_code == 503
    assert middleware.process_exception(request, ValueError("a bug")) is None  # a bug stays a 500
