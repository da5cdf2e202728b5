"""Each factory (burgeridee/<app>/tests/factories.py) makes a row that passes the model's own validation, the way
the application would have."""

import pytest

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import STAFF_PASSWORD, MembershipFactory, StaffFactory, UserFactory
from burgeridee.initiatives.tests.factories import InitiativeFactory
from burgeridee.knowledge.tests.factories import KnowledgeItemFactory
from burgeridee.municipalities.tests.factories import DepartmentFactory, MunicipalityFactory, NeighbourhoodFactory
from burgeridee.workshops.tests.factories import ParticipantFactory, WorkshopSessionFactory

pytestmark = pytest.mark.django_db

MODEL_FACTORIES = [
    MunicipalityFactory,
    NeighbourhoodFactory,
    DepartmentFactory,
    UserFactory,
    MembershipFactory,
    StaffFactory,
    InitiativeFactory,
    KnowledgeItemFactory,
    WorkshopSessionFactory,
    ParticipantFactory,
]


@pytest.mark.parametrize("factory", MODEL_FACTORIES, ids=lambda factory: factory.__name__)
def test_every_factory_makes_a_valid_row(factory):
    made = factory()
    made.full_clean()
    assert type(made)._default_manager.filter(pk=made.pk).exists()


def test_staff_get_a_membership_with_their_roles_and_department():
    department = DepartmentFactory(name="Vergunningen")
    dirk = StaffFactory(
        municipality=department.municipality, roles=(Role.DEPARTMENT,), department=department, username="dirk"
    )
    membership = dirk.memberships.get()
    membership.full_clean()
    assert (membership.municipality, membership.roles, membership.department) == (
        department.municipality,
        [Role.DEPARTMENT],
        department,
    )
    assert dirk.email == f"dirk@{department.municipality.slug}.example"
    assert dirk.check_password(STAFF_PASSWORD)


def test_an_idea_is_submitted_through_the_service():
    initiative = InitiativeFactory(title="Bankje")
    assert initiative.title == "Bankje" and initiative.primary_initiator.name == "Fatima Bakker"
    assert initiative.events.filter(kind="ingediend").exists()  # the service's time-line event
    assert initiative.neighbourhood.municipality == initiative.municipality
