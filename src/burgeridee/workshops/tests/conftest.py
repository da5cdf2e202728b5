import pytest

from burgeridee.workshops import services
from burgeridee.workshops.tests.factories import ParticipantFactory, WorkshopSessionFactory


@pytest.fixture
def workshop(municipality, trainer, library):
    """Tineke's session in draft, with the standard agenda."""
    return WorkshopSessionFactory(municipality=municipality, created_by=trainer)


@pytest.fixture
def join(workshop):
    """join("Anna", "Bas") -> participants who joined `workshop` (opened first if it is still a draft)."""

    def make(*names):
        if workshop.status == "concept":
            services.session_open(session=workshop)
            workshop.refresh_from_db()
        return [ParticipantFactory(session=workshop, display_name=name) for name in names]

    return make
