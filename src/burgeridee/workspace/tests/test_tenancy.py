"""Tenancy sweep: every URL pattern under werkplek/ with another municipality's ids is a 404.

The sweep walks the URL resolver, so a new staff URL is covered as soon as it exists:
- `municipality_slug` is filled with a municipality the user is no member of -> 404;
- with the user's own municipality, each integer argument in turn gets an object of ANOTHER municipality
  (the others stay the user's own) -> 404. Name the argument's object in TENANCY_OBJECTS below (a function
  that makes one for a municipality); an argument not listed there gets the foreign initiative's id, which
  is a weaker check, so add your own kind of object when you add a URL;
- URLs without a municipality (login, the chooser) are listed in NOT_TENANT_SCOPED.
The user holds every role, so a 403 cannot hide a missing 404; GET and POST are both tried.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import MembershipFactory
from burgeridee.conversations.services import conversation_model_draft_get_or_create
from burgeridee.initiatives import services
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.tests.factories import DepartmentFactory, NeighbourhoodFactory
from burgeridee.privacy.services import deletion_request_create

pytestmark = pytest.mark.django_db

NOT_TENANT_SCOPED = {
    "werkplek/",
    "werkplek/inloggen/",
    "werkplek/inloggen/code/",
    "werkplek/inloggen/app-instellen/",
    "werkplek/inloggen/link/<str:token>/",
    "werkplek/uitloggen/",
    "werkplek/wachtwoord/",  # the logged-in person's own password; no municipality's data
    # The installation administrator's pages: installation-wide by design, behind a permission
    # (administration/tests/test_installation.py checks that everyone else gets 403).
    "werkplek/installatie/",
    "werkplek/installatie/nieuw/",
    "werkplek/installatie/<slug:municipality_slug>/beheerder/",
    "werkplek/inloggen/reservecode/",
    "werkplek/tweede-stap/",  # the logged-in person's own passkeys and backup codes
    "werkplek/passkey/registration/begin/",
    "werkplek/passkey/registration/complete/",
    "werkplek/passkey/authentication/begin/",
    "werkplek/passkey/authentication/complete/",
    "werkplek/passkey/jsi18n/",
    "werkplek/inloggen/sso/terug/",  # the provider's way back; the state names the municipality
}
ARGUMENT = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _initiative(municipality, submit_idea):
    return submit_idea(municipality)[0]


def _message(municipality, submit_idea):
    initiative = _initiative(municipality, submit_idea)
    return services.message_to_resident(initiative=initiative, body="Hallo", actor=None)


# URL argument name -> makes an object of that kind for a municipality (its pk is used).
TENANCY_OBJECTS = {
    "pk": _initiative,
    "message_pk": _message,
}


def _deletion_request(municipality, submit_idea):
    return deletion_request_create(initiative=_initiative(municipality, submit_idea))


def _colleague(municipality, submit_idea):
    return MembershipFactory(
        municipality=municipality, roles=[Role.CONTACT], user__username=f"collega-{municipality.slug}"
    )


def _model_phase(municipality, submit_idea):
    return conversation_model_draft_get_or_create(municipality=municipality).phases.first()


def _checklist_item(municipality, submit_idea):
    return conversation_model_draft_get_or_create(municipality=municipality).checklist_items.first()


def _neighbourhood(municipality, submit_idea):
    return NeighbourhoodFactory(municipality=municipality)


def _department(municipality, submit_idea):
    return DepartmentFactory(municipality=municipality)


# Where `pk` is not an initiative: a part of the route -> makes the object its `pk` names.
ROUTE_OBJECTS = {
    "privacy/verwijderverzoeken/": _deletion_request,
    "medewerkers/<int:pk>/": _colleague,
    "gespreksmodel/fase/<int:pk>/": _model_phase,
    "gespreksmodel/checklist/<int:pk>/": _checklist_item,
    "beheer/wijken/<int:pk>/": _neighbourhood,
    "beheer/afdelingen/<int:pk>/": _department,
}


def staff_routes() -> list[str]:
    """Every route under werkplek/, as a string with <converter:name> placeholders."""
    routes = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and route.startswith("werkplek/"):
                routes.append(route)

    walk(get_resolver().url_patterns, "")
    return routes


def test_the_sweep_sees_the_workspace_urls():
    routes = staff_routes()
    assert "werkplek/<slug:municipality_slug>/" in routes
    assert "werkplek/<slug:municipality_slug>/initiatieven/<int:pk>/logboek/" in routes
    assert len(routes) >= 12


def fill(route: str, values: dict) -> str:
    return "/" + ARGUMENT.sub(lambda m: str(values[m.group("name")]), route)


def arguments(route: str) -> list[tuple[str, str]]:
    return [(m.group("converter") or "str", m.group("name")) for m in ARGUMENT.finditer(route)]


@pytest.fixture
def world(municipality, other_municipality, submit_idea, staff_client_factory):
    client = staff_client_factory(municipality, *Role.values)
    own = {name: make(municipality, submit_idea).pk for name, make in TENANCY_OBJECTS.items()}
    foreign = {name: make(other_municipality, submit_idea).pk for name, make in TENANCY_OBJECTS.items()}
    # The own message must belong to the own initiative for the "only this one is foreign" cases.
    own_initiative = Initiative.objects.get(pk=own["pk"])
    own["message_pk"] = services.message_to_resident(initiative=own_initiative, body="Hoi", actor=None).pk
    for fragment, make in ROUTE_OBJECTS.items():
        own[fragment] = make(municipality, submit_idea).pk
        foreign[fragment] = make(other_municipality, submit_idea).pk
    return client, own, foreign


def _assert_404(client, path, why):
    """404 for every method the view accepts (405 for a method it never accepts reveals nothing)."""
    statuses = {method: getattr(client, method)(path).status_code for method in ("get", "post")}
    assert set(statuses.values()) <= {404, 405} and 404 in statuses.values(), f"{path} ({why}) gave {statuses}"


def test_every_staff_url_is_a_404_for_another_municipality(world, municipality, other_municipality):
    client, own, foreign = world
    checked = 0
    for route in staff_routes():
        if route in NOT_TENANT_SCOPED:
            continue
        args = arguments(route)
        names = [name for _converter, name in args]
        assert "municipality_slug" in names, f"{route}: staff URLs live under werkplek/<municipality_slug>/"

        fragment = next((f for f in ROUTE_OBJECTS if f in route), None)

        def value(converter, name, *, foreign_name=None):
            if name == "municipality_slug":
                return municipality.slug
            source = foreign if name == foreign_name else own
            if fragment and name == "pk":
                return source[fragment]
            if converter == "int":
                return source.get(name, foreign["pk"] if name == foreign_name else own["pk"])
            return "x"

        # 1. A municipality the user is no member of, everything else the user's own.
        path = fill(route, {n: value(c, n) for c, n in args} | {"municipality_slug": other_municipality.slug})
        _assert_404(client, path, "foreign municipality")
        checked += 1
        # 2. The user's own municipality, one id at a time from another municipality.
        for converter, name in args:
            if converter != "int":
                continue
            if name not in TENANCY_OBJECTS:
                foreign.setdefault(name, foreign["pk"])
            path = fill(route, {n: value(c, n, foreign_name=name) for c, n in args})
            _assert_404(client, path, f"foreign {name}")
            checked += 1
    assert checked >= 20


def test_own_ids_do_open(world, municipality):
    """The sweep's own ids are real: the same URLs open for the user's own initiative."""
    client, own, _foreign = world
    assert client.get(f"/werkplek/{municipality.slug}/initiatieven/{own['pk']}/").status_code == 200
    assert client.get(f"/werkplek/{municipality.slug}/initiatieven/{own['pk']}/logboek/").status_code == 200
    letter = f"/werkplek/{municipality.slug}/initiatieven/{own['pk']}/berichten/{own['message_pk']}/brief/"
    assert client.get(letter).status_code == 200
    for fragment in ROUTE_OBJECTS:
        route = next(r for r in staff_routes() if fragment in r)
        assert client.get(fill(route, {"municipality_slug": municipality.slug, "pk": own[fragment]})).status_code == 200


def test_a_message_of_another_initiative_in_the_same_municipality_is_a_404(world, municipality, submit_idea):
    client, own, _foreign = world
    other_initiative = submit_idea(municipality)[0]
    path = f"/werkplek/{municipality.slug}/initiatieven/{other_initiative.pk}/berichten/{own['message_pk']}/brief/"
    assert client.get(path).status_code == 404
