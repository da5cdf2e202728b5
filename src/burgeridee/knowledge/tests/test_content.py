"""The default library is complete and linked the way the domain brief (§4–§9) says."""

import pytest

from burgeridee.knowledge import selectors
from burgeridee.knowledge.constants import FactorGroup, Kind, LinkRelation
from burgeridee.knowledge.defaults import defaults_load
from burgeridee.knowledge.models import KnowledgeItem

pytestmark = pytest.mark.django_db

# BRIEF §9, written out by hand from the brief's list: case → (pitfalls, success factors, roles), per relation.
S, A, R, N = LinkRelation.SHOWS, LinkRelation.AVOIDS, LinkRelation.RISK, LinkRelation.NEEDED
BRIEF_CASES = {
    "opruimploeg-langs-de-gracht": ("leefbaar", {"V6": S, "V2": S, "SF18": S, "SF10": S}),
    "netwerk-voor-eenzame-ouderen": ("zorgzaam", {"V1": S, "V15": S, "SF11": S, "SF16": S}),
    "buurtmoestuin-op-het-grasveld": ("leefbaar", {"V9": A, "SF2": S, "SF7": S, "SF12": S}),
    "zelfgebouwd-klimrek": ("veilig", {"V9": S, "V8": S}),
    "buurtkamer-in-de-flat": ("zorgzaam", {"V17": S, "SF9": S, "SF11": S}),
    "aed-in-de-straat": ("veilig", {"V8": S, "SF5": S}),
    "buurtpreventie-app": ("veilig", {"SF8": S, "SF3": S, "V17": R}),
    "zonnepanelen-op-de-sporthal": ("leefbaar", {"V7": S, "V3": S, "SF14": N, "regisseren": S}),
    "straatfeest": ("leefbaar", {"loslaten": S, "faciliteren": S, "SF15": S, "SF18": S}),
    "samen-eten-met-ouderen": ("zorgzaam", {"V4": S, "V5": S, "V3": S, "SF12": S, "SF16": S}),
    # Not in BRIEF §9: the practice case of the right to challenge (issue #16).
    "groen-op-het-lindeplein": (
        "leefbaar",
        {
            "V9": LinkRelation.AVOIDS,
            "V1": LinkRelation.RISK,
            "SF7": S,
            "SF2": S,
            "SF15": S,
            "faciliteren": S,
            "reguleren": S,
        },
    ),
}
BRIEF_GROUPS = {
    FactorGroup.INITIATOR: [f"SF{n}" for n in range(1, 7)],
    FactorGroup.NEIGHBOURHOOD: [f"SF{n}" for n in range(7, 12)],
    FactorGroup.MUNICIPALITY: [f"SF{n}" for n in range(12, 20)],
}


def defaults(kind):
    return list(KnowledgeItem.objects.filter(municipality__isnull=True, kind=kind).order_by("number"))


def test_the_migration_ships_the_defaults():
    # No fixture: the data migration loaded them (unless a transactional test flushed the database first).
    if not KnowledgeItem.objects.exists():
        pytest.skip("database flushed by an earlier transactional test")
    assert KnowledgeItem.objects.filter(municipality__isnull=True).count() == 17 + 19 + 5 + 11 + 11 + 1


def test_seventeen_pitfalls_each_written_out_in_full(library):
    pitfalls = defaults(Kind.PITFALL)
    assert [p.key for p in pitfalls] == [f"V{n}" for n in range(1, 18)]
    for pitfall in pitfalls:
        assert pitfall.title
        for field in ("summary", "what_goes_wrong", "why_it_happens", "what_works_better", "signal"):
            assert len(getattr(pitfall, field)) >= 20, (pitfall.key, field)
        assert pitfall.self_question.endswith("?"), pitfall.key


def test_nineteen_success_factors_in_the_three_groups_of_the_brief(library):
    factors = defaults(Kind.SUCCESS_FACTOR)
    assert [f.key for f in factors] == [f"SF{n}" for n in range(1, 20)]
    for group, keys in BRIEF_GROUPS.items():
        assert [f.key for f in factors if f.group == group] == keys
    assert all(len(f.body) > 100 for f in factors)


def test_five_roles_of_the_ladder_each_with_an_example(library):
    roles = defaults(Kind.ROLE)
    assert [r.key for r in roles] == ["loslaten", "faciliteren", "stimuleren", "regisseren", "reguleren"]
    assert all(r.example and r.body for r in roles)


def test_life_cycle_with_the_common_reasons_to_stop(library):
    phases = defaults(Kind.PHASE)
    assert [p.title for p in phases][:7] == [
        "Idee",
        "Verkennen en kopgroep",
        "Plan en draagvlak",
        "Aanvraag en afspraken",
        "Uitvoering",
        "Borgen",
        "Evalueren",
    ]
    stopped = next(p for p in phases if p.key == "fase-gestopt")
    assert len(stopped.point_list) == 8
    assert "opgebrand" in stopped.points and "eenmalig" in stopped.points


def test_ten_cases_with_story_questions_and_the_links_the_brief_names(library):
    cases = defaults(Kind.CASE)
    assert len(cases) == 11  # the ten of BRIEF §9 and a challenge (uitdaagrecht)
    for case in cases:
        theme, links = BRIEF_CASES[case.key]
        assert case.theme == theme
        assert case.body.count("\n\n") >= 2, f"{case.key}: story needs several paragraphs"
        assert len(case.point_list) >= 3
        assert {link.target_key: link.relation for link in case.links.all()} == links


def test_every_link_points_to_an_existing_item(library):
    keys = set(KnowledgeItem.objects.values_list("key", flat=True))
    for case in defaults(Kind.CASE):
        assert {link.target_key for link in case.links.all()} <= keys


def test_loading_again_changes_nothing(library):
    before = KnowledgeItem.objects.count()
    assert defaults_load() == 0
    assert KnowledgeItem.objects.count() == before


def test_links_work_both_ways(library, municipality):
    case = selectors.item_get(municipality=municipality, key="samen-eten-met-ouderen")
    assert [link["item"].key for link in selectors.case_links(municipality=municipality, case=case)] == [
        "V4",
        "V5",
        "V3",
        "SF12",
        "SF16",
    ]
    reverse = selectors.cases_linking_to(municipality=municipality, key="V3")
    assert {entry["item"].key for entry in reverse} == {"zonnepanelen-op-de-sporthal", "samen-eten-met-ouderen"}
    reverse = selectors.cases_linking_to(municipality=municipality, key="V9")
    assert {(entry["item"].key, entry["relation"]) for entry in reverse} == {
        ("buurtmoestuin-op-het-grasveld", LinkRelation.AVOIDS),
        ("zelfgebouwd-klimrek", LinkRelation.SHOWS),
        ("groen-op-het-lindeplein", LinkRelation.AVOIDS),
    }


def test_pitfall_get_by_stable_key(library, municipality):
    assert selectors.pitfall_get(municipality=municipality, key="V4").title == "Geen of traag antwoord"


def test_an_article_on_the_right_to_challenge(library, municipality):
    article = selectors.item_get(municipality=municipality, key="artikel-uitdaagrecht")
    assert article.kind == Kind.ARTICLE
    assert "uitdaagrecht" in article.body and "bezwaar" in article.body and "Awb" in article.body
    case = selectors.item_get(municipality=municipality, key="groen-op-het-lindeplein")
    assert case.kind == Kind.CASE and case.number == 11 and "uitdaagrecht" in case.title
