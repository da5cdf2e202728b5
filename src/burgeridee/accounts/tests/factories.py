"""factory-boy factories for staff accounts and their memberships (see burgeridee/testing)."""

import factory
from factory.django import DjangoModelFactory

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership, User
from burgeridee.municipalities.tests.factories import MunicipalityFactory

# Every staff member the factories make has this password (the login tests type it).
STAFF_PASSWORD = "een-lang-wachtwoord-123"


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
