"""The workshop reads the municipality's knowledge library and its pinned conversation-model version."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from burgeridee.conversations import services as conversation_services
from burgeridee.knowledge import services as knowledge_services
from burgeridee.workshops import selectors, services
from burgeridee.workshops.constants import Module
from burgeridee.workshops.dialogues import DIALOGUES
from burgeridee.workshops.models import Participant
from burgeridee.workshops.tests.helpers import go_to

pytestmark = pytest.mark.django_db


def staff_url(name, session, *args):
    return reverse(f"workshops:{name}", args=[session.municipality.slug, session.pk, *args])


def joined_client(session, name):
    client = Client()
    response = client.post(reverse("workshops:participant", args=[session.code]), {"display_name": name})
    assert response.status_code == 302
    return client, Participant.objects.get(session=session, display_name=name)


def knowledge_queries(context) -> int:
    return sum("knowledge_knowledgeitem" in query["sql"] for query in context.captured_queries)


def test_a_pitfall_the_municipality_edited_shows_with_its_own_words(
    workshop, trainer, trainer_client, other_municipality
):
    knowledge_services.item_update(
        municipality=workshop.municipality,
        key="V6",
        data={"title": "Papierwinkel", "what_works_better": "Vraag alleen wat echt nodig is."},
        actor=trainer,
    )
    services.session_open(session=workshop)
    client, anna = joined_client(workshop, "Anna")
    go_to(workshop, Module.PITFALLS)

    page = client.get(f"/doe-mee/{workshop.code}/").content.decode()
    assert "V6 Papierwinkel" in page and "V6 Bureaucratiseren" not in page
    assert "V5 Nee-reflex" in page  # not edited: the default text
    client.post(f"/doe-mee/{workshop.code}/valkuil/", {"pitfalls": ["V6"]})
    workshop.refresh_from_db()
    services.session_reveal(session=workshop)

    presenter = trainer_client.get(staff_url("presenter", workshop)).content.decode()
    assert "V6 Papierwinkel" in presenter and "Bureaucratiseren" not in presenter
    assert "Vraag alleen wat echt nodig is." in presenter  # "Beter:" under the explanation
    revealed = client.get(f"/doe-mee/{workshop.code}/").content.decode()
    assert "V6 Papierwinkel" in revealed
    export = trainer_client.get(staff_url("export_csv", workshop)).content.decode("utf-8-sig")
    assert "V6 Papierwinkel" in export

    # Another municipality's workshop keeps the default text.
    elsewhere = services.session_create(
        municipality=other_municipality, title="Elders", date=datetime.date(2026, 12, 4)
    )
    services.session_open(session=elsewhere)
    other_client, _bea = joined_client(elsewhere, "Bea")
    go_to(elsewhere, Module.PITFALLS)
    other_page = other_client.get(f"/doe-mee/{elsewhere.code}/").content.decode()
    assert "V6 Bureaucratiseren" in other_page and "Papierwinkel" not in other_page


def test_cases_roles_and_factors_come_from_the_library(workshop, trainer, join):
    municipality = workshop.municipality
    knowledge_services.item_update(
        municipality=municipality, key="straatfeest", data={"title": "Feest in de Dahliastraat"}, actor=trainer
    )
    knowledge_services.item_update(
        municipality=municipality, key="faciliteren", data={"title": "Ondersteunen"}, actor=trainer
    )
    knowledge_services.item_update(municipality=municipality, key="SF12", data={"title": "Eén gezicht"}, actor=trainer)
    (anna,) = join("Anna")
    item = go_to(workshop, Module.FACTORS)
    assert services.factor_add(participant=anna, source_key="SF12").text == "Eén gezicht"
    item = go_to(workshop, Module.LADDER)
    services.ladder_place(participant=anna, rung="faciliteren", explanation="Tafels lenen")
    spread = selectors.ladder_spread(item=item)
    assert spread["case"]["number"] == 9 and spread["case"]["title"] == "Feest in de Dahliastraat"
    assert spread["case"]["story"]  # the whole story, in paragraphs, for the group
    assert {bar["key"]: bar["label"] for bar in spread["bars"]}["faciliteren"] == "Ondersteunen"


def test_switched_off_items_are_not_offered_but_stored_keys_still_read(workshop, trainer, join):
    municipality = workshop.municipality
    (anna,) = join("Anna")
    item = go_to(workshop, Module.PITFALLS)
    services.pitfalls_pick(participant=anna, pitfalls=["V6", "V1"])
    knowledge_services.item_switch(municipality=municipality, key="V1", active=False, actor=trainer)
    workshop.refresh_from_db()
    fresh = selectors.session_get(municipality=municipality, pk=workshop.pk)  # a new request
    item = selectors.current_item(session=fresh)
    results = selectors.pitfall_results(item=item, dialogue_key=DIALOGUES[0].key)
    labels = {bar["key"]: bar["label"] for bar in results["bars"]}
    assert labels["V1"] == "V1 Overnemen of doodknuffelen"  # picked before it was switched off
    with pytest.raises(services.WorkshopError):
        services.pitfalls_pick(participant=Participant.objects.get(pk=anna.pk), pitfalls=["V1"])

    # A new session's standard agenda leaves out a case the municipality switched off.
    knowledge_services.item_switch(
        municipality=municipality, key="buurtmoestuin-op-het-grasveld", active=False, actor=trainer
    )
    later = services.session_create(municipality=municipality, title="Later", date=datetime.date(2027, 1, 5))
    assert later.agenda_items.get(module=Module.CASES).case_numbers == [8, 10, 11]


def test_checklist_numbers_stay_stable_when_a_new_model_version_is_published(workshop, trainer, trainer_client):
    municipality = workshop.municipality
    services.session_open(session=workshop)
    workshop.refresh_from_db()
    assert workshop.conversation_model.version == 1
    client, anna = joined_client(workshop, "Anna")
    go_to(workshop, Module.CHECKLIST)
    data = {f"keep_{n}": "1" for n in range(1, 27) if n != 8}
    data["text_9"] = "Begin met koffie."
    assert client.post(f"/doe-mee/{workshop.code}/checklist/", data).status_code == 302

    # Halfway through, the coordinator publishes version 2: the first point is switched off and a new
    # "before" point is added, so every number after it would shift in the new version.
    draft = conversation_services.conversation_model_draft_get_or_create(municipality=municipality)
    first = draft.checklist_items.get(key="voor-1")
    conversation_services.checklist_item_update(item=first, text=first.text, is_active=False)
    conversation_services.checklist_item_add(model=draft, moment="voor", text="Neem een plattegrond van de wijk mee.")
    assert conversation_services.conversation_model_publish(model=draft, actor=trainer).version == 2

    page = client.get(f"/doe-mee/{workshop.code}/").content.decode()
    assert 'id="keep_26"' in page and 'id="keep_27"' not in page
    assert "Neem een plattegrond van de wijk mee." not in page
    assert 'id="keep_8" name="keep_8" value="1">' in page  # point 8 is still the one Anna dropped
    assert "Begin met koffie." in page
    fresh = selectors.session_get(municipality=municipality, pk=workshop.pk)
    rows = {row["number"]: row for row in selectors.checklist_form_rows(session=fresh, participant=anna)}
    assert len(rows) == 26
    assert rows[8]["text"] == "Neem de gespreksleidraad mee, geen formulier." and not rows[8]["kept"]
    assert rows[9]["current"] == "Begin met koffie." and rows[9]["section"] == "tijdens"
    checklist = selectors.personal_checklist(session=fresh, participant=anna)
    before = next(section for section in checklist["sections"] if section["key"] == "voor")
    assert len(before["items"]) == 7
    assert "Neem de gespreksleidraad mee, geen formulier." not in [entry["text"] for entry in before["items"]]
    # Saving again after the publication keeps the same numbers.
    data["text_9"] = "Begin met thee."
    assert client.post(f"/doe-mee/{workshop.code}/checklist/", data).status_code == 302
    saved = selectors.saved_checklist(session=fresh, participant=anna).data["items"]
    assert {entry["number"]: entry["key"] for entry in saved}[9] == "tijdens-1"
    detail = trainer_client.get(staff_url("detail", workshop)).content.decode()
    assert "Versie 1, vastgezet bij het openen" in detail

    # The next session opens with version 2.
    later = services.session_create(municipality=municipality, title="Later", date=datetime.date(2027, 1, 5))
    services.session_open(session=later)
    later.refresh_from_db()
    assert later.conversation_model.version == 2
    from burgeridee.workshops.sources import library

    later_rows = library(later).checklist
    assert len(later_rows) == 26 and later_rows[7]["text"] == "Neem een plattegrond van de wijk mee."


def test_one_knowledge_query_per_page_whatever_the_number_of_dialogues(workshop, trainer_client, join):
    anna, bas = join("Anna", "Bas")
    go_to(workshop, Module.PITFALLS)
    for step in range(len(DIALOGUES)):
        services.pitfalls_pick(participant=anna, pitfalls=["V6", "V5"])
        services.pitfalls_pick(participant=bas, pitfalls=["V4"])
        if step + 1 < len(DIALOGUES):
            workshop.refresh_from_db()
            services.session_step(session=workshop, offset=1)
    go_to(workshop, Module.LADDER)
    services.ladder_place(participant=anna, rung="faciliteren", explanation="")
    services.session_finish(session=workshop)
    for name, params in (("review", {"onderdeel": 2}), ("review", {"onderdeel": 5}), ("export_pdf", {})):
        with CaptureQueriesContext(connection) as context:
            assert trainer_client.get(staff_url(name, workshop), params).status_code == 200
        assert knowledge_queries(context) == 1, (name, params)
