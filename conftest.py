"""The shared fixtures live in burgeridee/testing/fixtures/, one module per area, registered here.

Tests build their data with the real services, not with mocks; the factories in <app>/tests/factories.py
make the data around them (and call the services where the application has one). A fixture only one app's
tests use stays in that app's tests/conftest.py. No fixture name is defined twice, and no test imports from
a conftest: burgeridee/testing/tests/test_fixtures.py checks both.
"""

import pytest

pytest.register_assert_rewrite("burgeridee.testing")

pytest_plugins = [
    "burgeridee.testing.fixtures.core",
    "burgeridee.testing.fixtures.municipalities",
    "burgeridee.testing.fixtures.staff",
    "burgeridee.testing.fixtures.initiatives",
    "burgeridee.testing.fixtures.knowledge",
]
