"""The staff menu is worked out once per process for each municipality and set of roles
(workspace/navigation.py); what it shows must still follow the member's roles, the municipality in the
URL, the language and the registry at every request."""

import re

import pytest
from django.conf import settings

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.accounts.tests.factories import MembershipFactory
from burgeridee.records.navigation import NavItem, nav_registry
from burgeridee.workspace import navigation
from burgeridee.workspace.help import help_topic

pytestmark = pytest.mark.django_db


def menu(content: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="bi-staff-nav".*?</nav>', content, re.S).group(0)
    return re.findall(r'<a class="bi-staff-nav__link" href="([^"]+)"[^>]*>([^<]+)</a>', nav)


def test_a_role_given_shows_its_sections_at_the_next_request(staff_client_factory, municipality):
    client = staff_client_factory(municipality, Role.CONTACT)
    inbox = f"/werkplek/{municipality.slug}/"
    privacy = f"/werkplek/{municipality.slug}/privacy/"
    assert privacy not in dict(menu(client.get(inbox).content.decode()))
    Membership.objects.filter(user=client.user).update(roles=[Role.CONTACT, Role.COORDINATOR])
    assert privacy in dict(menu(client.get(inbox).content.decode()))
    Membership.objects.filter(user=client.user).update(roles=[Role.CONTACT])
    assert privacy not in dict(menu(client.get(inbox).content.decode()))


def test_each_municipality_and_member_gets_their_own_menu(staff_client_factory, municipality, other_municipality):
    coordinator = staff_client_factory(municipality, Role.COORDINATOR)
    contact = staff_client_factory(other_municipality, Role.CONTACT)
    first = menu(coordinator.get(f"/werkplek/{municipality.slug}/").content.decode())
    second = menu(contact.get(f"/werkplek/{other_municipality.slug}/").content.decode())
    assert all(url.startswith(f"/werkplek/{municipality.slug}/") for url, _label in first)
    assert all(url.startswith(f"/werkplek/{other_municipality.slug}/") for url, _label in second)
    assert f"/werkplek/{municipality.slug}/privacy/" in dict(first)
    assert not any("/privacy/" in url for url, _label in second)


def test_the_menu_speaks_the_language_of_each_request(staff_client_factory, municipality):
    client = staff_client_factory(municipality, Role.CONTACT)
    inbox = f"/werkplek/{municipality.slug}/"
    labels = [label for _url, label in menu(client.get(inbox).content.decode())]
    assert "Kennisbank" in labels
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    labels = [label for _url, label in menu(client.get(inbox).content.decode())]
    assert "Knowledge library" in labels and "Kennisbank" not in labels
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert "Kennisbank" in [label for _url, label in menu(client.get(inbox).content.decode())]


def test_the_current_section_is_marked_per_request(staff_client_factory, municipality):
    client = staff_client_factory(municipality, Role.COORDINATOR)
    for path in (f"/werkplek/{municipality.slug}/", f"/werkplek/{municipality.slug}/privacy/"):
        nav = re.search(r'<nav class="bi-staff-nav".*?</nav>', client.get(path).content.decode(), re.S).group(0)
        assert re.search(rf'href="{re.escape(path)}" aria-current="page"', nav), path
        assert nav.count('aria-current="page"') == 1


def test_a_section_registered_later_appears(staff_client_factory, municipality):
    """The registry is part of the menu's key: a section added after the first request shows."""
    client = staff_client_factory(municipality, Role.CONTACT)
    inbox = f"/werkplek/{municipality.slug}/"
    client.get(inbox)
    item = NavItem("workspace:mail_stuck", "Extra section", (Role.CONTACT,), order=99)
    existing = nav_registry.get(item.key)
    nav_registry.unregister(item.key)
    nav_registry.register(item)
    try:
        assert "Extra section" in [label for _url, label in menu(client.get(inbox).content.decode())]
    finally:
        nav_registry.unregister(item.key)
        nav_registry.register(existing)
        navigation._menu.cache_clear()


def test_a_member_of_two_municipalities_gets_the_menu_of_the_url(
    staff_client_factory, municipality, other_municipality
):
    client = staff_client_factory(municipality, Role.CONTACT)
    MembershipFactory(user=client.user, municipality=other_municipality, roles=[Role.COORDINATOR])
    other = menu(client.get(f"/werkplek/{other_municipality.slug}/").content.decode())
    own = menu(client.get(f"/werkplek/{municipality.slug}/").content.decode())
    assert f"/werkplek/{other_municipality.slug}/privacy/" in dict(other)
    assert not any("/privacy/" in url for url, _label in own)


def test_the_help_topic_is_the_first_match_and_kept_per_url_name():
    help_topic.cache_clear()
    assert help_topic("challenges:settings") == "functioneel-beheer.html#uitdaagrecht"
    assert help_topic("challenges:overview") == "coordinator.html#uitdagingen"
    assert help_topic("nergens:iets") is None
    assert help_topic.cache_info().currsize == 3
