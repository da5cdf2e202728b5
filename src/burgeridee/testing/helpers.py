"""Plain helper functions for tests in more than one app (tests import these; they never import a conftest).

This module imports no app, so a test of any layer may use it (make lint checks the import layers).
"""

from contextlib import contextmanager

from django.db import OperationalError, connection


@contextmanager
def database_refuses_writes():
    """Make every INSERT/UPDATE fail the way a database that went away does."""

    def refuse(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


def idea_form_data(municipality, **overrides) -> dict:
    """What a resident types into the idea form (/<slug>/idee/): every required answer, nothing more."""
    data = {
        "title": "Buurtmoestuin",
        "description": "Samen groente kweken op het grasveld.",
        "target_group": "Iedereen in de straat",
        "neighbourhood": str(municipality.neighbourhoods.first().pk),
        "theme": "leefbaar",
        "support_types": ["materialen"],
        "name": "Fatima Bakker",
        "email": "fatima@example.org",
        "preferred_contact": "email",
    }
    data.update(overrides)
    return data
