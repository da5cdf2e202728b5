import pytest
from django.contrib.auth import get_user_model

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.knowledge.defaults import defaults_load
from burgeridee.workshops import services


@pytest.fixture
def library(db):
    """The default knowledge library. Its data migration loads it; a transactional test may have flushed it."""
    defaults_load()


@pytest.fixture
def trainer(municipality):
    """A trainer of the municipality. The one place that makes staff for these tests."""
    user = get_user_model().objects.create_user(username="tineke", password="x" * 16, first_name="Tineke")
    Membership.objects.create(user=user, municipality=municipality, roles=[Role.TRAINER])
    return user


@pytest.fixture
def trainer_client(client, trainer):
    return login_with_second_factor(trainer, client)


@pytest.fixture
def workshop(municipality, trainer, library):
    return services.session_create(
        municipality=municipality,
        title="Oké, een burger-idee",
        date=__import__("datetime").date(2026, 12, 3),
        expected_participants=12,
        created_by=trainer,
    )


@pytest.fixture
def join(workshop):
    def make(*names):
        if workshop.status == "concept":
            services.session_open(session=workshop)
            workshop.refresh_from_db()
        return [services.participant_join(session=workshop, display_name=name) for name in names]

    return make


def go_to(session, module):
    """Open/start the session if needed and move to the first agenda item of `module`."""
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
