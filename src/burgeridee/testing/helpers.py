"""Plain helper functions for tests in more than one app (tests import these; they never import a conftest)."""

from contextlib import contextmanager

from django.db import OperationalError, connection

from burgeridee.workshops import services as workshop_services


@contextmanager
def database_refuses_writes():
    """Make every INSERT/UPDATE fail the way a database that went away does."""

    def refuse(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


def go_to(session, module):
    """Open/start the workshop session if needed and move to the first agenda item of `module`."""
    session.refresh_from_db()
    if session.status == "concept":
        workshop_services.session_open(session=session)
    session.refresh_from_db()
    if session.status == "open":
        workshop_services.session_start(session=session)
    session.refresh_from_db()
    target = session.agenda_items.get(module=module).position
    while session.current_position < target:
        workshop_services.session_next(session=session)
        session.refresh_from_db()
    while session.current_position > target:
        workshop_services.session_previous(session=session)
        session.refresh_from_db()
    return session.agenda_items.get(position=target)
