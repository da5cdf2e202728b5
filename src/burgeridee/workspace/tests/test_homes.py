"""Every role gets in: each lands on a start page it may open, and the staff bar shows exactly the sections
its roles may open (a shown section answers 200, a hidden one 403), so the menu and the views' `staff_view`
roles cannot drift apart."""

import pytest
from django.urls import reverse

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import MembershipFactory
from burgeridee.municipalities.models import Department
from burgeridee.records.navigation import nav_registry
from burgeridee.workspace.homes import ROLE_HOMES
from burgeridee.workspace.navigation import nav_items
from burgeridee.workspace.views import INBOX_ROLES

pytestmark = pytest.mark.django_db

HOMES = {
    Role.COORDINATOR: "workspace:inbox",
    Role.CONTACT: "workspace:inbox",
    Role.ADMINISTRATOR: "administration:overview",
    Role.DEPARTMENT: "handovers:list",
    Role.TRAINER: "workshops:list",
}


@pytest.fixture
def member(municipality, staff_client_factory):
    """member(*roles) -> a client logged in as a member of `municipality` with `roles` (and a department)."""
    permits = Department.objects.create(municipality=municipality, name="Vergunningen")

    def make(*roles):
        return staff_client_factory(municipality, *roles, department=permits)

    return make


def url(name, municipality):
    return reverse(name, kwargs={"municipality_slug": municipality.slug})


def test_every_role_has_a_home_and_the_table_names_every_role():
    assert set(HOMES) == set(Role.values)
    assert {name for _, name in ROLE_HOMES} == set(HOMES.values())


@pytest.mark.parametrize("role", Role.values)
def test_after_login_each_role_lands_on_its_home(role, municipality, member):
    client = member(role)
    home = url(HOMES[role], municipality)
    response = client.get("/werkplek/")
    assert response.status_code == 302 and response.url == home
    assert client.get(home).status_code == 200
    # The municipality's address (the inbox) sends those it is not for to their home as well. The
    # administrator may read it (to find an initiative's processing log) but starts elsewhere.
    response = client.get(url("workspace:inbox", municipality))
    if role in INBOX_ROLES:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and response.url == home


@pytest.mark.parametrize(
    ("roles", "home"),
    [
        ((Role.TRAINER, Role.CONTACT), "workspace:inbox"),
        ((Role.DEPARTMENT, Role.COORDINATOR), "workspace:inbox"),
        ((Role.ADMINISTRATOR, Role.CONTACT), "workspace:inbox"),
        ((Role.DEPARTMENT, Role.ADMINISTRATOR), "administration:overview"),
        ((Role.TRAINER, Role.DEPARTMENT), "handovers:list"),
        ((), "knowledge:overview"),
    ],
)
def test_with_several_roles_the_inbox_comes_first(roles, home, municipality, member):
    response = member(*roles).get("/werkplek/")
    assert response.status_code == 302 and response.url == url(home, municipality)


def test_the_chooser_links_each_municipality_to_the_home_of_the_roles_there(
    municipality, other_municipality, staff_client_factory
):
    client = staff_client_factory(municipality, Role.CONTACT)
    MembershipFactory(user=client.user, municipality=other_municipality, roles=[Role.TRAINER])
    response = client.get("/werkplek/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f'href="{url("workspace:inbox", municipality)}"' in content
    assert f'href="{url("workshops:list", other_municipality)}"' in content


@pytest.mark.parametrize("role", Role.values)
def test_the_staff_bar_shows_exactly_what_the_role_may_open(role, municipality, member):
    client = member(role)
    home = url(HOMES[role], municipality)
    shown = {entry["url"] for entry in nav_items(client.get(home).wsgi_request)}
    assert home in shown
    for item in nav_registry:
        item_url = url(item.url_name, municipality)
        status = client.get(item_url).status_code
        if item_url in shown:
            assert status == 200, f"{role} sees {item.url_name} in the staff bar, but it answers {status}"
        elif item.url_name == "workspace:inbox":
            assert status == 302, f"{role}: the inbox should send them to their home, not {status}"
        else:
            assert status == 403, f"{role} does not see {item.url_name} in the staff bar, but it answers {status}"
