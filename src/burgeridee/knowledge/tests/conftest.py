import pytest
from django.contrib.auth import get_user_model

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.knowledge.defaults import defaults_load


@pytest.fixture
def library(db):
    """The default content. The data migration loads it; a transactional test elsewhere may have flushed it."""
    defaults_load()


@pytest.fixture
def member():
    def make(municipality, *roles, username=None):
        user = get_user_model().objects.create_user(
            username=username or f"{municipality.slug}-{'-'.join(roles) or 'x'}", password="x", first_name="Test"
        )
        Membership.objects.create(user=user, municipality=municipality, roles=list(roles))
        return user

    return make


@pytest.fixture
def trainer_client(client, municipality, member, library):
    login_with_second_factor(member(municipality, Role.TRAINER), client)
    return client


@pytest.fixture
def contact_client(client, municipality, member, library):
    login_with_second_factor(member(municipality, Role.CONTACT), client)
    return client
