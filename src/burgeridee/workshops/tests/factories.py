"""factory-boy factories for workshop sessions and participants, made by the services (see burgeridee/testing)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from burgeridee.municipalities.tests.factories import MunicipalityFactory
from burgeridee.workshops import services
from burgeridee.workshops.models import Participant, WorkshopSession


class WorkshopSessionFactory(DjangoModelFactory):
    """A workshop session in draft with the standard agenda, made by the real service (session_create)."""

    class Meta:
        model = WorkshopSession
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    title = "Oké, een burger-idee"
    date = datetime.date(2026, 12, 3)
    expected_participants = 12
    created_by = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.session_create(**kwargs)

    @factory.post_generation
    def opened(session, create, opened, **kwargs):
        """opened=True: open the session for participants (session_open)."""
        if create and opened:
            services.session_open(session=session)
            session.refresh_from_db()


class ParticipantFactory(DjangoModelFactory):
    """A participant who joined an open or running `session` through the real service (participant_join)."""

    class Meta:
        model = Participant

    session = factory.SubFactory(WorkshopSessionFactory, opened=True)
    display_name = factory.Sequence(lambda n: f"Deelnemer {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.participant_join(**kwargs)
