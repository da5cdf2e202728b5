"""factory-boy factories for test data where the way it is made is not the point of the test.

Plain rows (a municipality, a department, a staff member with a membership) are made directly. What the
application makes with a service (a resident's idea, a workshop session, a participant) is made by that
same service here, so the factories never build a state the application could not reach. A test of a
service calls the service itself; these factories are for the data around it.

    StaffFactory(municipality=municipality, roles=[Role.CONTACT], username="karim")
    InitiativeFactory(municipality=municipality, title="Bankje")  # through initiative_submit
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership, User
from burgeridee.initiatives import services as initiative_services
from burgeridee.initiatives.constants import ContactPreference, Theme
from burgeridee.initiatives.models import Initiative
from burgeridee.knowledge.constants import Kind
from burgeridee.knowledge.models import KnowledgeItem
from burgeridee.municipalities.models import Department, Municipality, Neighbourhood
from burgeridee.workshops import services as workshop_services
from burgeridee.workshops.models import Participant, WorkshopSession

# Every staff member the factories make has this password (the login tests type it).
STAFF_PASSWORD = "een-lang-wachtwoord-123"


# --- Municipalities -----------------------------------------------------------------------------------


class NeighbourhoodFactory(DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    municipality = factory.SubFactory("burgeridee.testing.factories.MunicipalityFactory")
    name = factory.Sequence(lambda n: f"Wijk {n}")


class MunicipalityFactory(DjangoModelFactory):
    """A municipality; `neighbourhoods=["Centrum", "Oosterpark"]` adds one neighbourhood per name."""

    class Meta:
        model = Municipality
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"gemeente{n}")
    name = factory.LazyAttribute(lambda municipality: f"Gemeente {municipality.slug.capitalize()}")

    @factory.post_generation
    def neighbourhoods(municipality, create, names, **kwargs):
        for name in names or ():
            NeighbourhoodFactory(municipality=municipality, name=name)


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Afdeling {n}")


# --- Staff ----------------------------------------------------------------------------------------------


class UserFactory(DjangoModelFactory):
    """A user account without a membership (see StaffFactory for a member of staff)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = factory.LazyAttribute(lambda user: user.username.capitalize())
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(STAFF_PASSWORD)


class MembershipFactory(DjangoModelFactory):
    """A user's place in a municipality, as a contact person unless `roles` says otherwise."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    roles = factory.LazyFunction(lambda: [Role.CONTACT])
    department = None


class StaffFactory(UserFactory):
    """A member of staff of `municipality` with `roles` (and a `department`), the membership included.

    StaffFactory(municipality=municipality, roles=[Role.DEPARTMENT], department=permits, username="dirk")
    Without `roles`, a contact person. The e-mail address is <username>@<municipality slug>.example; the
    password is STAFF_PASSWORD.
    """

    class Params:
        municipality = factory.SubFactory(MunicipalityFactory)
        roles = (Role.CONTACT,)
        department = None

    email = factory.LazyAttribute(lambda user: f"{user.username}@{user.municipality.slug}.example")
    membership = factory.RelatedFactory(
        MembershipFactory,
        factory_related_name="user",
        municipality=factory.SelfAttribute("..municipality"),
        roles=factory.LazyAttribute(lambda membership: list(membership.factory_parent.roles)),
        department=factory.SelfAttribute("..department"),
    )


# --- Initiatives ----------------------------------------------------------------------------------------


class InitiatorDataFactory(factory.Factory):
    """The resident who submits an idea (the service's InitiatorData; initiative_submit stores it)."""

    class Meta:
        model = initiative_services.InitiatorData

    name = "Fatima Bakker"
    email = "fatima@example.org"
    preferred_contact = ContactPreference.EMAIL


class InitiativeFactory(DjangoModelFactory):
    """A resident's idea, submitted through the real service (initiative_submit), with its primary initiator.

    Any argument of initiative_submit can be given (`now=`, `initiator=InitiatorData(...)`, `channel=`...).
    The resident's status link token is `initiative.status_token`.
    """

    class Meta:
        model = Initiative

    municipality = factory.SubFactory(MunicipalityFactory, neighbourhoods=["Centrum"])
    title = "Moestuin aan de Kastanjelaan"
    description = "Een moestuin voor de hele straat."
    target_group = "Buren en kinderen"
    theme = Theme.LIVEABLE
    neighbourhood = factory.LazyAttribute(lambda idea: idea.municipality.neighbourhoods.first())
    support_types = factory.LazyFunction(lambda: ["materialen"])
    initiator = factory.SubFactory(InitiatorDataFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return initiative_services.initiative_submit(**kwargs).initiative


# --- Knowledge library ----------------------------------------------------------------------------------


class KnowledgeItemFactory(DjangoModelFactory):
    """A municipality's own practice case in the knowledge library (the defaults come from its data migration)."""

    class Meta:
        model = KnowledgeItem

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = Kind.CASE
    key = factory.Sequence(lambda n: f"eigen-casus-{n}")
    title = "Bankjes bij de vijver"
    summary = "Bewoners plaatsten bankjes; het onderhoud was niet geregeld."
    body = "Eerste alinea.\n\nTweede alinea."
    points = "Wat ging goed?\nWat niet?"
    theme = Theme.LIVEABLE


# --- Workshops ------------------------------------------------------------------------------------------


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
        return workshop_services.session_create(**kwargs)

    @factory.post_generation
    def opened(session, create, opened, **kwargs):
        """opened=True: open the session for participants (session_open)."""
        if create and opened:
            workshop_services.session_open(session=session)
            session.refresh_from_db()


class ParticipantFactory(DjangoModelFactory):
    """A participant who joined an open or running `session` through the real service (participant_join)."""

    class Meta:
        model = Participant

    session = factory.SubFactory(WorkshopSessionFactory, opened=True)
    display_name = factory.Sequence(lambda n: f"Deelnemer {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return workshop_services.participant_join(**kwargs)
