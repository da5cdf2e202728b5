"""The library pages for staff: reading, searching, filtering, editing and per-municipality content."""

import pytest
from django.db import DatabaseError
from django.template import Context, Template
from django.test import RequestFactory

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.initiatives.constants import Phase
from burgeridee.knowledge import services
from burgeridee.knowledge.constants import PHASE_LIBRARY_KEYS
from burgeridee.knowledge.models import KnowledgeItem
from burgeridee.knowledge.selectors import item_get

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("library")]

BASE = "/werkplek/voorbeeld/kennisbank/"
CASE_POST = {
    "title": "Bankjes bij de vijver",
    "theme": "leefbaar",
    "summary": "Bewoners plaatsten bankjes; het onderhoud was niet geregeld.",
    "body": "Eerste alinea.\n\nTweede alinea.\n\nDerde alinea.",
    "points": "Wat ging goed?\nWat niet?",
    "pitfalls": ["V8", "V9"],
    "success_factors": ["SF5"],
    "roles": ["faciliteren"],
}


def test_overview_lists_every_kind_for_any_staff_member(contact_client):
    response = contact_client.get(BASE)
    assert response.status_code == 200
    body = response.content.decode()
    for text in (
        "V17 Alleen de usual suspects",
        "SF19 Respect voor eigen regie",
        "Regisseren",
        "Borgen",
        "Straatfeest",
    ):
        assert text in body
    assert "Eigen casus toevoegen" not in body  # a contact person does not edit


def test_anonymous_goes_to_login_and_non_members_get_404(client, other_municipality, library):
    assert client.get(BASE).status_code == 302
    login_with_second_factor(StaffFactory(municipality=other_municipality, roles=[Role.TRAINER]), client)
    assert client.get(BASE).status_code == 404
    assert client.get(f"{BASE}valkuilen/V4/").status_code == 404


def test_pitfall_page_shows_all_parts_and_the_cases_that_show_it(contact_client):
    response = contact_client.get(f"{BASE}valkuilen/V3/")
    assert response.status_code == 200
    body = response.content.decode()
    for heading in ("Wat gaat er mis", "Waarom gebeurt het", "Wat werkt beter", "Herken je het?", "Vraag aan jezelf"):
        assert heading in body
    assert f"{BASE}praktijkcasussen/zonnepanelen-op-de-sporthal/" in body
    assert f"{BASE}praktijkcasussen/samen-eten-met-ouderen/" in body
    assert "Straatfeest" not in body


def test_case_page_shows_story_questions_and_links(contact_client):
    body = contact_client.get(f"{BASE}praktijkcasussen/zonnepanelen-op-de-sporthal/").content.decode()
    assert body.count('<p class="utrecht-paragraph">') >= 3
    assert "Vragen voor de groep" in body
    for path in ("valkuilen/V7/", "valkuilen/V3/", "succesfactoren/SF14/", "rollen/regisseren/"):
        assert f"{BASE}{path}" in body
    assert "(was nodig geweest)" in body


def test_unknown_key_or_kind_is_404(contact_client):
    assert contact_client.get(f"{BASE}valkuilen/V99/").status_code == 404
    assert contact_client.get(f"{BASE}valkuilen/SF1/").status_code == 404
    assert contact_client.get(f"{BASE}onzin/").status_code == 404


def test_search_finds_words_in_any_text_field(contact_client):
    response = contact_client.get(f"{BASE}zoeken/", {"q": "batterij"})  # only in the AED story
    assert response.status_code == 200
    assert "1 resultaat" in response.content.decode()
    assert "AED in de straat" in response.content.decode()
    body = contact_client.get(f"{BASE}zoeken/", {"q": "KABELS grond"}).content.decode()
    assert "V9 Laat nee" in body and "Buurtmoestuin op het grasveld" in body
    assert "0 resultaten" in contact_client.get(f"{BASE}zoeken/", {"q": "xyzzy"}).content.decode()


def test_filters_by_theme_and_group(contact_client):
    body = contact_client.get(f"{BASE}praktijkcasussen/", {"thema": "veilig"}).content.decode()
    assert "Zelfgebouwd klimrek" in body and "AED in de straat" in body and "Buurtpreventie-app" in body
    assert "Straatfeest" not in body
    body = contact_client.get(f"{BASE}succesfactoren/", {"groep": "buurt"}).content.decode()
    assert "SF7 " in body and "SF11 " in body
    assert "SF12 " not in body and "SF1 " not in body


def test_contact_person_cannot_edit(contact_client):
    assert contact_client.get(f"{BASE}valkuilen/V4/bewerken/").status_code == 403
    assert contact_client.post(f"{BASE}valkuilen/V4/bewerken/", {"title": "x"}).status_code == 403
    assert contact_client.get(f"{BASE}praktijkcasussen/nieuw/").status_code == 403
    assert contact_client.post(f"{BASE}valkuilen/V4/aan-uit/", {"action": "off"}).status_code == 403


def test_trainer_edits_a_default_for_their_municipality_only(trainer_client, municipality, other_municipality):
    form = trainer_client.get(f"{BASE}valkuilen/V4/bewerken/")
    assert form.status_code == 200
    assert "Geen of traag antwoord" in form.content.decode()
    data = dict.fromkeys(("summary", "what_goes_wrong", "why_it_happens", "what_works_better", "signal"), "Tekst")
    response = trainer_client.post(
        f"{BASE}valkuilen/V4/bewerken/", {**data, "title": "Lang wachten", "self_question": "Bel ik terug?"}
    )
    assert response.status_code == 302
    assert "Lang wachten" in trainer_client.get(f"{BASE}valkuilen/V4/").content.decode()
    assert KnowledgeItem.objects.get(municipality__isnull=True, key="V4").title == "Geen of traag antwoord"

    other = trainer_client.__class__()
    login_with_second_factor(StaffFactory(municipality=other_municipality, roles=[Role.CONTACT]), other)
    assert "Geen of traag antwoord" in other.get("/werkplek/anders/kennisbank/valkuilen/V4/").content.decode()

    trainer_client.post(f"{BASE}valkuilen/V4/aan-uit/", {"action": "restore"})
    assert "Geen of traag antwoord" in trainer_client.get(f"{BASE}valkuilen/V4/").content.decode()


def test_invalid_edit_returns_400_with_summary_and_kept_input(trainer_client):
    response = trainer_client.post(
        f"{BASE}praktijkcasussen/straatfeest/bewerken/",
        {"title": "", "summary": "Mijn getypte tekst", "theme": "leefbaar"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "data-error-summary" in body
    assert 'href="#id_title"' in body
    assert "Mijn getypte tekst" in body


def test_database_error_on_save_is_503_and_keeps_input(trainer_client, monkeypatch):
    def broken(**kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(services, "case_create", broken)
    response = trainer_client.post(f"{BASE}praktijkcasussen/nieuw/", CASE_POST)
    assert response.status_code == 503
    assert "Bankjes bij de vijver" in response.content.decode()
    assert "niet gelukt" in response.content.decode()


def test_own_case_with_links_both_ways_and_invisible_elsewhere(trainer_client, other_municipality):
    response = trainer_client.post(f"{BASE}praktijkcasussen/nieuw/", CASE_POST)
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}praktijkcasussen/bankjes-bij-de-vijver/"
    case = trainer_client.get(response["Location"]).content.decode()
    assert "Eigen casus van uw gemeente" in case
    for path in ("valkuilen/V8/", "valkuilen/V9/", "succesfactoren/SF5/", "rollen/faciliteren/"):
        assert f"{BASE}{path}" in case
    assert "bankjes-bij-de-vijver" in trainer_client.get(f"{BASE}valkuilen/V9/").content.decode()
    assert "Bankjes bij de vijver" in trainer_client.get(f"{BASE}zoeken/", {"q": "vijver"}).content.decode()

    other = trainer_client.__class__()
    login_with_second_factor(StaffFactory(municipality=other_municipality, roles=[Role.TRAINER]), other)
    assert other.get("/werkplek/anders/kennisbank/praktijkcasussen/bankjes-bij-de-vijver/").status_code == 404
    assert other.get("/werkplek/anders/kennisbank/praktijkcasussen/bankjes-bij-de-vijver/bewerken/").status_code == 404
    assert "bankjes-bij-de-vijver" not in other.get("/werkplek/anders/kennisbank/valkuilen/V9/").content.decode()
    assert "Bankjes" not in other.get("/werkplek/anders/kennisbank/zoeken/", {"q": "vijver"}).content.decode()


def test_switch_off_a_default_and_on_again(trainer_client, municipality):
    response = trainer_client.post(f"{BASE}praktijkcasussen/straatfeest/aan-uit/", {"action": "off"})
    assert response.status_code == 302
    assert trainer_client.get(f"{BASE}praktijkcasussen/straatfeest/").status_code == 404
    assert "straatfeest" not in trainer_client.get(f"{BASE}rollen/loslaten/").content.decode()
    overview = trainer_client.get(BASE).content.decode()
    assert "Uitgezet voor uw gemeente" in overview
    trainer_client.post(f"{BASE}praktijkcasussen/straatfeest/aan-uit/", {"action": "on"})
    assert trainer_client.get(f"{BASE}praktijkcasussen/straatfeest/").status_code == 200
    assert trainer_client.post(f"{BASE}praktijkcasussen/straatfeest/aan-uit/", {"action": "x"}).status_code == 400


def test_edited_case_links_replace_the_old_ones(trainer_client):
    post = {**CASE_POST, "title": "Straatfeest", "pitfalls": ["V4"], "success_factors": ["SF18"], "roles": []}
    assert trainer_client.post(f"{BASE}praktijkcasussen/straatfeest/bewerken/", post).status_code == 302
    assert "straatfeest" in trainer_client.get(f"{BASE}valkuilen/V4/").content.decode()
    assert "praktijkcasussen/straatfeest/" not in trainer_client.get(f"{BASE}rollen/loslaten/").content.decode()
    assert "praktijkcasussen/straatfeest/" not in trainer_client.get(f"{BASE}succesfactoren/SF15/").content.decode()


def test_template_tags_link_by_stable_key(municipality, library):
    request = RequestFactory().get("/")
    request.municipality = municipality
    html = Template(
        '{% load knowledge %}{% pitfall_link "V4" %} {% knowledge_link "SF12" %} {% knowledge_url "loslaten" %}'
    ).render(Context({"request": request}))
    assert f'<a class="utrecht-link" href="{BASE}valkuilen/V4/">V4 Geen of traag antwoord</a>' in html
    assert f'href="{BASE}succesfactoren/SF12/">SF12 Een vast aanspreekpunt</a>' in html
    assert html.endswith(f"{BASE}rollen/loslaten/")


def test_list_pages_run_a_constant_number_of_queries(contact_client, municipality, django_assert_num_queries):
    def counts():
        for path in ("", "praktijkcasussen/", "zoeken/?q=buurt"):
            with django_assert_num_queries(5):  # session, user, second-factor device, membership, items
                assert contact_client.get(BASE + path).status_code == 200

    counts()
    for number in range(5):
        services.case_create(
            municipality=municipality,
            data={"title": f"Eigen casus {number}", "theme": "leefbaar", "summary": "buurt", "body": "x", "points": ""},
            actor=None,
            link_keys=["V1"],
        )
    counts()


def test_pitfall_card_reminds_and_links(municipality, library):
    request = RequestFactory().get("/")
    request.municipality = municipality
    html = Template('{% load knowledge %}{% pitfall_card "V5" %}').render(Context({"request": request}))
    assert "Valkuil V5 Nee-reflex" in html
    assert "Heb ik gezocht naar een manier waarop het wel kan" in html
    assert f'href="{BASE}valkuilen/V5/"' in html
    services.item_switch(municipality=municipality, key="V5", active=False, actor=None)
    assert Template('{% load knowledge %}{% pitfall_card "V5" %}').render(Context({"request": request})).strip() == ""


def test_every_initiative_phase_has_a_library_page(municipality, library):
    assert set(PHASE_LIBRARY_KEYS) == set(Phase.values)
    for key in PHASE_LIBRARY_KEYS.values():
        assert item_get(municipality=municipality, key=key).kind == "fase"
