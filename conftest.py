"""Shared test fixtures. Tests build their data with the real services, not with mocks."""

import pytest

from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.initiatives import services
from burgeridee.initiatives.constants import ContactPreference, Theme
from burgeridee.municipalities.models import Municipality, Neighbourhood


@pytest.fixture(autouse=True)
def _clear_caches():
    from django.core.cache import caches

    for alias in ("default", "local"):
        caches[alias].clear()
    yield


@pytest.fixture
def municipality(db):
    municipality = Municipality.objects.create(
        slug="voorbeeld",
        name="Gemeente Voorbeeld",
        contact_email="initiatieven@voorbeeld.example",
        contact_phone="14 020",
    )
    for name in ("Centrum", "Oosterpark"):
        Neighbourhood.objects.create(municipality=municipality, name=name)
    return municipality


@pytest.fixture
def other_municipality(db):
    municipality = Municipality.objects.create(slug="anders", name="Gemeente Anders")
    Neighbourhood.objects.create(municipality=municipality, name="Dorp")
    return municipality


@pytest.fixture
def submit_idea():
    """Submit an idea through the real service; returns (initiative, token)."""

    def submit(municipality, **overrides):
        data = {
            "title": "Moestuin aan de Kastanjelaan",
            "description": "Een moestuin voor de hele straat.",
            "target_group": "Buren en kinderen",
            "theme": Theme.LIVEABLE,
            "neighbourhood": municipality.neighbourhoods.first(),
            "support_types": ["materialen"],
            "initiator": services.InitiatorData(
                name="Fatima Bakker", email="fatima@example.org", preferred_contact=ContactPreference.EMAIL
            ),
        }
        data.update(overrides)
        submitted = services.initiative_submit(municipality=municipality, **data)
        return submitted.initiative, submitted.token

    return submit


@pytest.fixture
def staff_user_factory(db, django_user_model):
    """Make a staff member of `municipality` with `roles`: staff_user_factory(municipality, Role.CONTACT)."""
    from burgeridee.accounts.models import Membership

    counter = iter(range(1, 10_000))

    def make(municipality, *roles, username=None, **fields):
        number = next(counter)
        username = username or f"medewerker{number}"
        fields.setdefault("first_name", f"Mede{number}")
        fields.setdefault("last_name", "Werker")
        fields.setdefault("email", f"{username}@{municipality.slug}.example")
        user = django_user_model.objects.create_user(username=username, password="een-lang-wachtwoord-123", **fields)
        Membership.objects.create(user=user, municipality=municipality, roles=list(roles))
        return user

    return make


@pytest.fixture
def staff_client(db):
    """staff_client(user) -> a client logged in as `user` with a verified second factor."""
    return login_with_second_factor


@pytest.fixture
def make_staff(db):
    """Create a staff member with a membership of `municipality` holding `roles`."""
    from burgeridee.accounts.models import Membership, User

    def make(municipality, username, *roles, department=None, email=None, first_name="", last_name=""):
        user = User.objects.create_user(
            username=username,
            password="not-used-in-tests-123",
            email=email if email is not None else f"{username}@{municipality.slug}.example",
            first_name=first_name or username.capitalize(),
            last_name=last_name,
        )
        Membership.objects.create(user=user, municipality=municipality, roles=list(roles), department=department)
        return user

    return make


@pytest.fixture
def staff_client_factory(staff_user_factory):
    """A test client logged in as staff WITH a verified second factor (a real TOTP device and code).

    staff_client_factory(municipality, Role.COORDINATOR) -> client; the user is `client.user`.
    Pass user=... to log in an existing user (they get a device if they have none).
    """

    def make(municipality=None, *roles, user=None, **fields):
        return login_with_second_factor(user or staff_user_factory(municipality, *roles, **fields))

    return make
