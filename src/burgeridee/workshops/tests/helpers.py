"""Helpers for the workshop tests (and the security sweep of the workshop's forms)."""

from burgeridee.workshops import services


def go_to(session, module):
    """Open/start the workshop session if needed and move to the first agenda item of `module`."""
    session.refresh_from_db()
    if session.status == "concept":
        services.session_open(session=session)
    session.refresh_from_db()
    if session.status == "open":
        services.session_start(session=session)
    session.refresh_from_db()
    target = session.agenda_items.get(module=module).position
    while session.current_position < target:
        services.session_next(session=session)
        session.refresh_from_db()
    while session.current_position > target:
        services.session_previous(session=session)
        session.refresh_from_db()
    return session.agenda_items.get(position=target)
