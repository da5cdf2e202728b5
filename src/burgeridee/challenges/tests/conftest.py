"""Fixtures of the challenges app's own tests."""

import pytest
from django.core.cache import cache

from .factories import challenge_setup


@pytest.fixture
def challenge_tasks(municipality):
    """The right to challenge turned on for `municipality` with two tasks (challenge_setup); rate limits reset."""
    cache.clear()
    return challenge_setup(municipality)
