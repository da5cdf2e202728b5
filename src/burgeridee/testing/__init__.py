"""Test support: the shared pytest fixtures and helpers for the test suite (never imported by the application).

- The factory-boy factories live with their models, in burgeridee/<app>/tests/factories.py, so a test
  imports them downwards, as the import layers require. They are for test data where the way it is made
  is not the point of the test; where the project has a service for making something (an idea, a
  workshop session, a participant), the factory calls that service, so test data is always what the
  application itself would have made.
- `fixtures/`: the pytest fixtures shared by several apps, one module per area, registered as plugins by
  the root conftest.py. A fixture only one app's tests need stays in that app's tests/conftest.py. Nothing
  imports these modules, so they may use the factories of any app.
- `helpers`: plain functions tests import (a conftest is never imported from); it imports no app.
"""
