"""No cache keeps a private page: every staff page, every page behind a resident's personal link and
the live workshop's participant pages answer `Cache-Control: no-store` (issue #19, finding 5).

The walk covers every route the URL resolver knows, so a new private page is covered the day it is
added; the named downloads below are fetched for real (200) because they are what a shared computer's
cache would keep.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.core.middleware import is_private_route

pytestmark = pytest.mark.django_db

ARGUMENT = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
SAMPLE = {
    "int": "1",
    "slug": "voorbeeld",
    "str": "onbekend-token",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-0000000000aa",
}


def routes() -> list[str]:
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                found.append(route)

    walk(get_resolver().url_patterns, "")
    return found


def concrete(route: str) -> str:
    return "/" + ARGUMENT.sub(lambda m: SAMPLE.get(m.group("converter") or "str", "x"), route).lstrip("^").rstrip("$")


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_the_walk_finds_staff_resident_and_workshop_routes():
    private = [route for route in routes() if is_private_route(route)]
    assert any(route.startswith("werkplek/") for route in private)
    assert any("mijn-initiatief/<str:token>" in route for route in private)
    assert any(route.startswith("doe-mee/") for route in private)
    assert not is_private_route("<slug:municipality_slug>/idee/")


@pytest.mark.parametrize("route", [route for route in routes() if is_private_route(route)])
def test_every_private_route_is_never_cached(route, client, municipality):
    user = StaffFactory(municipality=municipality, roles=list(Role.values))
    staff = login_with_second_factor(user)
    path = concrete(route)
    for who in (client, staff):
        response = who.get(path)
        assert no_store(response), (
            f"{path} as {'staff' if who is staff else 'anonymous'}: {response.get('Cache-Control')}"
        )


def test_resident_downloads_and_pages_are_never_cached(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    for suffix in ("", "mijn-gegevens.json", "mijn-gegevens.pdf", "gegevens-verwijderen/"):
        response = client.get(f"/voorbeeld/mijn-initiatief/{token}/{suffix}")
        assert response.status_code == 200, suffix
        assert no_store(response), suffix


def test_staff_pages_and_exports_are_never_cached(municipality, submit_idea):
    initiative, _ = submit_idea(municipality)
    staff = login_with_second_factor(
        StaffFactory(municipality=municipality, roles=[Role.COORDINATOR, Role.ADMINISTRATOR])
    )
    base = f"/werkplek/voorbeeld/initiatieven/{initiative.pk}/"
    for path in (base, base + "logboek/", "/werkplek/voorbeeld/", "/werkplek/voorbeeld/privacy/"):
        response = staff.get(path)
        assert response.status_code == 200, path
        assert no_store(response), path


def test_public_pages_keep_their_own_caching(client, municipality):
    response = client.get("/voorbeeld/")
    assert response.status_code == 200
    assert not no_store(response)
