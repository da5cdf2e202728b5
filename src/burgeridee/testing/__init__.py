"""Test support: factory-boy factories, the shared pytest fixtures and small helpers for the test suite.

Nothing in the application imports this package; factory-boy is a development requirement only.
- `factories`: test data where the way it is made is not the point of the test. Where the project has a
  service for making something (an idea, a workshop session, a participant), the factory calls that
  service, so test data is always what the application itself would have made.
- `fixtures/`: the pytest fixtures shared by several apps, one module per area, registered as plugins by
  the root conftest.py. A fixture only one app's tests need stays in that app's tests/conftest.py.
- `helpers`: plain functions tests import (a conftest is never imported from).
"""
