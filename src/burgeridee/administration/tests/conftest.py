import pytest
from django.contrib.auth.models import Permission

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import UserFactory


@pytest.fixture
def installation_admin(db):
    """Ida, installation administrator: no municipality of her own, the permission to set them up."""
    user = UserFactory(username="ida", first_name="Ida", last_name="Installatie")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="municipalities", codename="set_up_municipality")
    )
    return user


@pytest.fixture
def functional_admin(municipality):
    """Bram Beheerder, the functional administrator of Gemeente Voorbeeld."""
    from burgeridee.accounts.tests.factories import StaffFactory

    return StaffFactory(
        municipality=municipality, roles=[Role.ADMINISTRATOR], username="bram", first_name="Bram", last_name="Beheerder"
    )


@pytest.fixture
def admin_client(functional_admin, staff_client):
    return staff_client(functional_admin)
