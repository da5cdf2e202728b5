"""No GET request writes anything: every workshop page, in every state of a session, leaves the workshop's rows (and
the conversation model it reads) as they were."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from burgeridee.conversations.models import ConversationModel
from burgeridee.workshops import services
from burgeridee.workshops.constants import Module, RoleplayRole
from burgeridee.workshops.models import (
    AgendaItem,
    BoardFactor,
    Contribution,
    FactorVote,
    Participant,
    WorkshopRequest,
    WorkshopSession,
)
from burgeridee.workshops.tests.helpers import go_to

pytestmark = pytest.mark.django_db
MODELS = (WorkshopSession, AgendaItem, Participant, Contribution, BoardFactor, FactorVote, WorkshopRequest)


def rows() -> dict:
    """Every row of the workshop's models, field by field (so an update shows, not only a new row)."""
    state = {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}
    state["ConversationModel"] = list(ConversationModel.objects.order_by("pk").values("pk", "version", "status"))
    return state


def workshop_url_names() -> set[str]:
    def names(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):  # the staff pages, under the prefix the root URLconf adds
                yield from names(pattern.url_patterns)
            elif isinstance(pattern, URLPattern):
                yield pattern.name

    return set(names(get_resolver().namespace_dict["workshops"][1].url_patterns))


def get_every_page(trainer_client, participant_client, workshop, request_pk) -> set[str]:
    """GET each workshop URL (POST-only ones answer 405); returns the URL names it visited."""
    staff = [workshop.municipality.slug, workshop.pk]
    code = [workshop.code]
    item = workshop.agenda_items.order_by("position").first()
    urls = {
        "join": (reverse("workshops:join"), {"code": workshop.code}),
        "participant": (reverse("workshops:participant", args=code), {}),
        "participant_status": (reverse("workshops:participant_status", args=code), {"v": 0}),
        "participant_feedback": (reverse("workshops:participant_feedback", args=code), {}),
        "checklist_pdf": (reverse("workshops:checklist_pdf", args=code), {}),
        "participant_submit": (reverse("workshops:participant_submit", args=[*code, "casus"]), {}),
        "request": (reverse("workshops:request", args=[workshop.municipality.slug]), {}),
        "list": (reverse("workshops:list", args=[workshop.municipality.slug]), {}),
        "request_handled": (reverse("workshops:request_handled", args=[workshop.municipality.slug, request_pk]), {}),
        "create": (reverse("workshops:create", args=[workshop.municipality.slug]), {}),
        "detail": (reverse("workshops:detail", args=staff), {}),
        "edit": (reverse("workshops:edit", args=staff), {}),
        "agenda_add": (reverse("workshops:agenda_add", args=staff), {}),
        "agenda_change": (reverse("workshops:agenda_change", args=[*staff, item.pk, "verwijderen"]), {}),
        "transition": (reverse("workshops:transition", args=[*staff, "volgende"]), {}),
        "presenter": (reverse("workshops:presenter", args=staff), {}),
        "presenter_live": (reverse("workshops:presenter_live", args=staff), {}),
        "merge": (reverse("workshops:merge", args=staff), {}),
        "review": (reverse("workshops:review", args=staff), {"onderdeel": 2}),
        "export_csv": (reverse("workshops:export_csv", args=staff), {}),
        "export_pdf": (reverse("workshops:export_pdf", args=staff), {}),
        "folder": (reverse("workshops:folder", args=[workshop.municipality.slug]), {"opmaak": "folder"}),
        "folder_trainer": (reverse("workshops:folder_trainer", args=[workshop.municipality.slug]), {}),
    }
    for name, (url, params) in urls.items():
        # The trainer's pages as the trainer; the public ones as the participant and as someone who did not join.
        clients = (trainer_client,) if "/werkplek/" in url else (participant_client, Client())
        for client in clients:
            response = client.get(url, params)
            assert response.status_code < 500, (name, response.status_code)
    return set(urls)


def test_no_get_on_a_workshop_page_writes_anything(trainer_client, workshop, municipality):
    request = services.workshop_request_submit(
        municipality=municipality, organisation="Team Wijken", contact_name="Sanne", email="sanne@voorbeeld.example"
    )
    participant_client = Client()

    def check(state: str):
        before = rows()
        visited = get_every_page(trainer_client, participant_client, workshop, request.pk)
        assert visited == workshop_url_names()
        assert rows() == before, state

    check("concept")
    services.session_open(session=workshop)
    workshop.refresh_from_db()
    check("open, nobody joined")
    participant_client.post(reverse("workshops:participant", args=[workshop.code]), {"display_name": "Anna"})
    anna = Participant.objects.get(display_name="Anna")
    bas, cor = (services.participant_join(session=workshop, display_name=name) for name in ("Bas", "Cor"))
    check("open")
    for module in Module.values:
        go_to(workshop, module)
        if module == Module.CASES:
            services.case_answers_submit(participant=anna, answers={1: "Eerst koffie"})
        elif module == Module.PITFALLS:
            services.pitfalls_pick(participant=anna, pitfalls=["V6"])
        elif module == Module.ROLEPLAY:
            roles = services.roleplay_roles(workshop.agenda_items.get(module=module), 0)[0]
            observer = next(pk for pk, role in roles.items() if role == RoleplayRole.OBSERVER)
            services.observation_submit(participant=Participant.objects.get(pk=observer), ticked=[10], feedback="Goed")
        elif module == Module.FACTORS:
            services.factor_vote(participant=bas, factor=services.factor_add(participant=anna, text="Korte lijnen"))
        elif module == Module.LADDER:
            services.ladder_place(participant=cor, rung="faciliteren", explanation="Tafels")
        elif module == Module.CHECKLIST:
            services.checklist_save(participant=anna, items=[{"number": 1, "kept": True}], own_points=["Thee"])
        workshop.refresh_from_db()
        check(module)
    services.session_finish(session=workshop)
    workshop.refresh_from_db()
    check("afgerond")
