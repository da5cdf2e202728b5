"""settings.py reads the environment with django-environ (settings.Env): each variable keeps its default, an
empty one counts as unset, and a value that cannot be read stops the start with a clear message."""

import os
import subprocess  # noqa: S404 - starts this project's own settings in a fresh interpreter
import sys

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from burgeridee.settings import Env


def env_with(**values) -> Env:
    env = Env()
    env.ENVIRON = values
    return env


def test_unset_and_empty_variables_keep_their_default():
    env = env_with(EMPTY="", BLANK="  ")
    assert env.int("MISSING", default=5) == 5
    assert env.int("EMPTY", default=5) == 5
    assert env.bool("BLANK", default=True) is True
    assert env.list("EMPTY", default=["a"]) == ["a"]
    assert env.str("EMPTY", default="x") == "x"


def test_values_are_read_as_before():
    env = env_with(N="12", ON="true", OFF="0", YES="Yes", HOSTS=" a.example , b.example ,", RATE="0.25")
    assert env.int("N", default=1) == 12
    assert (env.bool("ON", default=False), env.bool("OFF", default=True), env.bool("YES", default=False)) == (
        True,
        False,
        True,
    )
    assert env.list("HOSTS", default=[]) == ["a.example", "b.example"]
    assert env.float("RATE", default=0.0) == 0.25


def test_a_dollar_sign_is_part_of_the_value_not_a_reference():
    """django-environ itself reads "$NAME" as another variable; a password starting with $ stays a password."""
    env = env_with(EMAIL_HOST_PASSWORD="$ecret", ecret="not this")
    assert env.str("EMAIL_HOST_PASSWORD", default="") == "$ecret"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("AXES_FAILURE_LIMIT", "many", "AXES_FAILURE_LIMIT must be a whole number, not 'many'."),
        ("DEBUG", "maybe", "DEBUG must be true or false, not 'maybe'."),
        ("SENTRY_TRACES_SAMPLE_RATE", "abc", "SENTRY_TRACES_SAMPLE_RATE must be a number, not 'abc'."),
    ],
)
def test_a_value_that_cannot_be_read_names_the_variable(name, value, message):
    cast = {"AXES_FAILURE_LIMIT": "int", "DEBUG": "bool", "SENTRY_TRACES_SAMPLE_RATE": "float"}[name]
    with pytest.raises(ImproperlyConfigured) as error:
        getattr(env_with(**{name: value}), cast)(name, default=None)
    assert str(error.value) == message


def start_with(**variables) -> subprocess.CompletedProcess:
    code = (
        "import os;os.environ.setdefault('DJANGO_SETTINGS_MODULE','burgeridee.settings');"
        "from django.conf import settings as s;"
        "d=s.DATABASES['default'];"
        "print(d['ENGINE'], d.get('HOST',''), d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'],"
        " s.CACHES['default']['BACKEND'])"
    )
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    env |= {"BURGERIDEE_ENV": "test", "PYTHONPATH": str(django_settings.BASE_DIR / "src"), **variables}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_database_and_redis_urls_are_read_by_django_environ():
    result = start_with(
        DATABASE_URL="postgres://burgeridee:geheim@db.example:5432/burgeridee",
        DATABASE_CONN_MAX_AGE="60",
        REDIS_URL="redis://cache.example:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "db.example",
        "60",
        "True",
        "django.core.cache.backends.redis.RedisCache",
    ]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"DATABASE_URL": "nonsense://geheim@x/y"}, "DATABASE_URL must be a database URL such as postgres://"),
        ({"DATABASE_URL": "geheim"}, "DATABASE_URL must be a database URL such as postgres://"),
        ({"REDIS_URL": "memcache://x"}, "REDIS_URL must start with redis://"),
        ({"OUTBOX_MAX_ATTEMPTS": "twelve"}, "OUTBOX_MAX_ATTEMPTS must be a whole number, not 'twelve'."),
    ],
)
def test_a_wrong_value_stops_the_start_with_a_clear_message(variables, message):
    result = start_with(**variables)
    assert result.returncode != 0
    assert message in result.stderr
    assert "geheim" not in result.stderr  # a database password is never echoed
