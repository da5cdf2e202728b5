"""Queries per staff page do not grow with the data: the same count at 10 and at 100 initiatives.

One municipality is filled with initiatives that have a full history, built with the real services
(messages both ways, a note, a hand-over, a callback, and for every third a held first conversation
with a sent report and agreements). The initiative the initiative pages open also gains history as
the municipality grows (one more message, note, hand-over and callback per ten initiatives), so an
N+1 over its time line shows too. Every page below is requested at 10 and at 100 initiatives with the
same user; a page whose count grows names itself in the failure.

The test also walks every staff URL that takes only the municipality, so a new list page is covered as
soon as it exists.
"""

import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.conversations import selectors as conversation_selectors
from burgeridee.conversations import services as conversation_services
from burgeridee.deadlines.services import follow_up_create
from burgeridee.handovers.services import handover_ask
from burgeridee.initiatives import services
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.tests.factories import DepartmentFactory
from burgeridee.workshops import services as workshop_services

pytestmark = pytest.mark.django_db

SMALL, LARGE = 10, 100

# name -> path; {slug}, {pk} (the initiative with a held conversation), {workshop}, {code} are filled in.
STAFF_PAGES = {
    "inbox": "/werkplek/{slug}/",
    "inbox, all": "/werkplek/{slug}/?tab=alle",
    "inbox, mine": "/werkplek/{slug}/?tab=mijn",
    "inbox, overdue": "/werkplek/{slug}/?tab=te-laat",
    "inbox with a filter": "/werkplek/{slug}/?tab=alle&phase=verkennen",
    "inbox with filters and sorting": "/werkplek/{slug}/?tab=alle&phase=verkennen&sort=-submitted_at&page=2",
    "inbox search": "/werkplek/{slug}/?tab=alle&q=moestuin",
    "initiative page": "/werkplek/{slug}/initiatieven/{pk}/",
    "processing log of an initiative": "/werkplek/{slug}/initiatieven/{pk}/logboek/",
    "conversation screen": "/werkplek/{slug}/initiatieven/{pk}/gesprek/",
    "conversation preparation": "/werkplek/{slug}/initiatieven/{pk}/gesprek/voorbereiden/",
    "conversation report": "/werkplek/{slug}/initiatieven/{pk}/gesprek/verslag/",
    "conversation follow-up": "/werkplek/{slug}/initiatieven/{pk}/gesprek/opvolging/",
    "hand-over form": "/werkplek/{slug}/initiatieven/{pk}/overdracht/nieuw/",
    "pdf: conversation report": "/werkplek/{slug}/initiatieven/{pk}/gesprek/verslag.pdf",
    "pdf: checklist of the initiative": "/werkplek/{slug}/initiatieven/{pk}/gesprek/checklist.pdf",
    "pdf: preparation sheet": "/werkplek/{slug}/initiatieven/{pk}/gesprek/voorbereiden.pdf",
    "pdf: checklist": "/werkplek/{slug}/gespreksmodel/checklist.pdf",
    "insight dashboard": "/werkplek/{slug}/inzicht/",
    "insight export": "/werkplek/{slug}/inzicht/export.csv",
    "hand-overs": "/werkplek/{slug}/overdrachten/",
    "workshops": "/werkplek/{slug}/workshops/",
    "workshop page (trainer)": "/werkplek/{slug}/workshops/{workshop}/",
    "workshop presenter": "/werkplek/{slug}/workshops/{workshop}/presentatie/",
    "workshop participant page": "/doe-mee/{code}/",
}


class World:
    """A municipality that grows by initiatives with a full history, and the pages' placeholders."""

    def __init__(self, municipality, captured):
        self.municipality = municipality
        self.captured = captured
        self.contact = StaffFactory(municipality=municipality, roles=[Role.CONTACT])
        self.department = DepartmentFactory(municipality=municipality)
        self.count = 0
        self.viewed = self._initiative(conversation=True)
        session = workshop_services.session_create(
            municipality=municipality, title="Oké, een burger-idee", date=timezone.localdate()
        )
        workshop_services.session_open(session=session)
        workshop_services.session_start(session=session)
        self.workshop = session

    def _initiative(self, *, conversation: bool) -> Initiative:
        from burgeridee.initiatives.tests.factories import InitiativeFactory

        self.count += 1
        with self.captured(execute=True):
            initiative = InitiativeFactory(municipality=self.municipality, title=f"Moestuin {self.count}")
            services.initiative_assign_contact(initiative=initiative, contact=self.contact, actor=self.contact)
            services.initiative_phase_change(initiative=initiative, to_phase=Phase.EXPLORING, actor=self.contact)
            self._history(initiative)
            if conversation:
                held = conversation_services.conversation_plan(
                    initiative=initiative,
                    starts_at=timezone.now() - timedelta(days=1),
                    place="Buurthuis",
                    actor=self.contact,
                )
                conversation_services.conversation_mark_held(
                    conversation=held, actor=self.contact, held_on=timezone.localdate() - timedelta(days=1)
                )
                report = conversation_selectors.report_latest(conversation=held)
                conversation_services.report_update(
                    report=report,
                    summary="Een moestuin op het grasveld.",
                    next_step="Kabels nagaan.",
                    callback_date=timezone.localdate() + timedelta(days=10),
                    municipal_roles=["faciliteren"],
                    initiator_role="",
                    agreements=[
                        conversation_services.AgreementData(what="Kabels nagaan", who="Gemeente"),
                        conversation_services.AgreementData(what="Handtekeningen verzamelen", who="Bewoner"),
                    ],
                )
                conversation_services.report_send(report=report, actor=self.contact)
        return initiative

    def _history(self, initiative: Initiative) -> None:
        services.message_from_resident(initiative=initiative, body="Wanneer hoor ik iets?")
        services.message_to_resident(initiative=initiative, body="Ik bel u donderdag.", actor=self.contact)
        services.note_add(initiative=initiative, body="Buren enthousiast.", actor=self.contact)
        handover_ask(initiative=initiative, department=self.department, question="Mag dit?", actor=self.contact)
        follow_up_create(initiative=initiative, due_date=timezone.localdate() - timedelta(days=1), actor=self.contact)

    def grow_to(self, total: int) -> None:
        while self.count < total:
            self._initiative(conversation=self.count % 3 == 0)
            if self.count % 10 == 0:
                with self.captured(execute=True):
                    self._history(self.viewed)

    def fill(self, path: str) -> str:
        return path.format(
            slug=self.municipality.slug, pk=self.viewed.pk, workshop=self.workshop.pk, code=self.workshop.code
        )


def count_queries(client: Client, path: str) -> int:
    """Queries of one GET of `path`, with empty caches (as the first visitor after a change sees it)."""
    for cache in caches.all():
        cache.clear()
    client.get(path)  # first use may make things once (e.g. a default conversation model)
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, f"{path} gave {response.status_code}"
    return len(captured)


@pytest.fixture
def growing_world(municipality, library, django_capture_on_commit_callbacks):
    return World(municipality, django_capture_on_commit_callbacks)


@pytest.fixture
def everyone_client(municipality, staff_client_factory):
    """A member of staff with every role, so that every page opens."""
    return staff_client_factory(municipality, *Role.values)


@pytest.fixture
def participant_joins(growing_world):
    def join(client):
        code = growing_world.workshop.code
        client.post(f"/doe-mee/{code}/", {"display_name": "Deelnemer"})
        return client

    return join


def _measure(world, client, participant) -> dict[str, int]:
    counts = {}
    for name, path in STAFF_PAGES.items():
        chosen = participant if name == "workshop participant page" else client
        counts[name] = count_queries(chosen, world.fill(path))
    # Every other page that takes only the municipality (lists, settings), as far as it answers a GET.
    for route in parameterless_staff_routes():
        path = world.fill(route)
        if path in {world.fill(p) for p in STAFF_PAGES.values()}:
            continue
        for cache in caches.all():
            cache.clear()
        if client.get(path).status_code == 200:
            counts[route] = count_queries(client, path)
    return counts


def test_every_staff_page_runs_as_many_queries_at_100_initiatives_as_at_10(
    growing_world, everyone_client, participant_joins
):
    world = growing_world
    participant = participant_joins(Client())
    world.grow_to(SMALL)
    small = _measure(world, everyone_client, participant)
    world.grow_to(LARGE)
    assert Initiative.objects.filter(municipality=world.municipality).count() == LARGE
    large = _measure(world, everyone_client, participant)
    assert set(STAFF_PAGES) <= set(small) and len(small) > len(STAFF_PAGES) + 15
    # Fewer is allowed: a page may find something a process-wide cache kept (the knowledge library) the second time.
    grown = {name: f"{small[name]} -> {large.get(name)}" for name in small if large.get(name, 10**6) > small[name]}
    print("\n".join(f"{small[name]:4d} {large.get(name, 0):4d}  {name}" for name in small))
    assert not grown, f"queries grow with the data (at {SMALL} -> {LARGE} initiatives): {grown}"


ARGUMENT = re.compile(r"<(?:[^>:]+:)?([^>]+)>")


def parameterless_staff_routes() -> list[str]:
    """Every staff route whose only argument is the municipality."""
    routes = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif (
                isinstance(pattern, URLPattern)
                and route.startswith("werkplek/<slug:municipality_slug>/")
                and ARGUMENT.findall(route) == ["municipality_slug"]
            ):
                routes.append("/" + route.replace("<slug:municipality_slug>", "{slug}"))

    walk(get_resolver().url_patterns, "")
    return routes
