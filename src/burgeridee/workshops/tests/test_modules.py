"""Each module's submit and aggregate logic, through the real services."""

import pytest

from burgeridee.knowledge.selectors import item_get
from burgeridee.workshops import selectors, services
from burgeridee.workshops.constants import Module, RoleplayRole
from burgeridee.workshops.dialogues import DIALOGUES
from burgeridee.workshops.services import WorkshopError
from burgeridee.workshops.tests.helpers import go_to

pytestmark = pytest.mark.django_db


def test_case_groups_get_their_own_case_and_answers_are_collected(workshop, join):
    people = join(*[f"P{i}" for i in range(8)])
    item = go_to(workshop, Module.CASES)
    assert len(item.groups) == 2 and sorted(sum(item.groups, [])) == sorted(p.pk for p in people)
    first = selectors.participant_case(item=item, participant=people[0])
    second = selectors.participant_case(item=item, participant=people[1])
    assert first["case"]["number"] == 3 and second["case"]["number"] == 8
    assert "P0" in first["members"] and "P1" not in first["members"]
    services.case_answers_submit(participant=people[0], answers={1: "Geen valkuil, goed begin", 2: "", 3: ""})
    services.case_answers_submit(participant=people[0], answers={1: "Kabels vroeg besproken", 2: "Niets", 3: ""})
    services.case_answers_submit(participant=people[1], answers={1: "Meerdere monden", 2: "", 3: "Regisseren"})
    with pytest.raises(WorkshopError):
        services.case_answers_submit(participant=people[2], answers={1: " ", 2: "", 3: ""})
    collected = {entry["case"]["number"]: entry["questions"] for entry in selectors.case_answers(item=item)}
    assert collected[3][0]["answers"] == ["Kabels vroeg besproken"]  # an edit replaces, not duplicates
    assert collected[3][1]["answers"] == ["Niets"]
    assert collected[8][0]["answers"] == ["Meerdere monden"]
    assert collected[8][2]["answers"] == ["Regisseren"]
    assert collected[10][0]["answers"] == []


def test_going_back_to_a_group_module_keeps_the_groups(workshop, join):
    join(*[f"P{i}" for i in range(6)])
    item = go_to(workshop, Module.ROLEPLAY)
    before = item.groups
    go_to(workshop, Module.FACTORS)
    (late,) = join("Laat")
    item = go_to(workshop, Module.ROLEPLAY)
    assert item.groups[0][:3] == before[0] and item.groups[1][:3] == before[1]
    assert late.pk in sum(item.groups, [])


def test_late_joiner_lands_in_the_smallest_group(workshop, join):
    join("A", "B", "C", "D", "E")
    item = go_to(workshop, Module.CASES)
    (late,) = join("Laat")
    item.refresh_from_db()
    assert late.pk in sum(item.groups, [])


def test_spot_the_pitfall_counts_the_room_and_marks_the_right_answer(workshop, join):
    anna, bas, cor = join("Anna", "Bas", "Cor")
    item = go_to(workshop, Module.PITFALLS)
    first = DIALOGUES[0]
    services.pitfalls_pick(participant=anna, pitfalls=["V6", "V5"])
    services.pitfalls_pick(participant=bas, pitfalls=["V6"])
    services.pitfalls_pick(participant=cor, pitfalls=["V1", "bogus"])
    with pytest.raises(WorkshopError):
        services.pitfalls_pick(participant=cor, pitfalls=[])
    results = selectors.pitfall_results(item=item, dialogue_key=first.key)
    counts = {bar["key"]: (bar["count"], bar["extra"], bar["percent"]) for bar in results["bars"]}
    assert results["respondents"] == 3
    assert counts == {"V1": (1, False, 33), "V5": (1, True, 33), "V6": (2, True, 67)}
    assert [key for key, _t, _b in results["answer"]] == list(first.answer)
    # Next dialogue: picks go to that dialogue.
    workshop.refresh_from_db()
    services.session_step(session=workshop, offset=1)
    services.pitfalls_pick(participant=anna, pitfalls=["V4"])
    assert selectors.pitfall_results(item=item, dialogue_key=DIALOGUES[1].key)["respondents"] == 1
    assert selectors.own_pitfall_pick(item=item, participant=anna, dialogue_key=DIALOGUES[0].key) == ["V6", "V5"]


def test_at_least_six_dialogues_each_with_a_known_pitfall():
    from burgeridee.knowledge.content_pitfalls import PITFALLS

    known = {pitfall["key"] for pitfall in PITFALLS}
    assert len(DIALOGUES) >= 6
    assert len({d.key for d in DIALOGUES}) == len(DIALOGUES)
    for dialogue in DIALOGUES:
        assert dialogue.answer and all(key in known for key in dialogue.answer)
        assert len(dialogue.lines) >= 3 and dialogue.explanation


def test_roleplay_roles_rotate_and_observer_feedback_reaches_the_civil_servant(workshop, join):
    people = join("A", "B", "C", "D", "E", "F", "G")
    item = go_to(workshop, Module.ROLEPLAY)
    assert sorted(len(g) for g in item.groups) == [3, 4]  # 7 people: a three and a four
    group = item.groups[0]
    seen = {pk: set() for pk in group}
    for round_index in range(3):
        roles = services.roleplay_roles(item, round_index)[0]
        assert sorted(roles.values()).count(RoleplayRole.CIVIL_SERVANT) == 1
        for pk, role in roles.items():
            seen[pk].add(role)
    if len(group) == 3:
        assert all(len(roles) == 3 for roles in seen.values())  # everyone plays every role once
    by_pk = {p.pk: p for p in people}
    roles = services.roleplay_roles(item, 0)[0]
    observer = by_pk[next(pk for pk, r in roles.items() if r == RoleplayRole.OBSERVER)]
    civil = by_pk[next(pk for pk, r in roles.items() if r == RoleplayRole.CIVIL_SERVANT)]
    with pytest.raises(WorkshopError):
        services.observation_submit(participant=civil, ticked=[9], feedback="Ik observeer mezelf")
    services.observation_submit(participant=observer, ticked=[9, 10, 99, 1], feedback="Mooi doorgevraagd.")
    received = selectors.feedback_received(item=item, participant=civil)
    assert received[0]["text"] == "Mooi doorgevraagd." and len(received[0]["ticked"]) == 2
    assert selectors.feedback_received(item=item, participant=observer) == []
    summary = selectors.observation_summary(item=item)
    assert summary["count"] == 1
    counts = {bar["key"]: bar["count"] for bar in summary["bars"]}
    assert counts[9] == 1 and counts[10] == 1 and counts[11] == 0 and 1 not in counts
    # Next round: the former observer has another role.
    workshop.refresh_from_db()
    services.session_step(session=workshop, offset=1)
    assert (
        selectors.roleplay_assignment(item=item, participant=observer, round_index=1)["role"] != RoleplayRole.OBSERVER
    )


def test_factor_board_votes_merges_and_top(workshop, join):
    anna, bas, cor = join("Anna", "Bas", "Cor")
    item = go_to(workshop, Module.FACTORS)
    contact = services.factor_add(participant=anna, text="Eén vast aanspreekpunt")
    broker = services.factor_add(participant=bas, source_key="SF12")
    core = services.factor_add(participant=cor, text="Een kopgroep")
    assert broker.text == item_get(municipality=workshop.municipality, key="SF12").title  # the library's words
    with pytest.raises(WorkshopError):
        services.factor_add(participant=cor, text="  ")
    for person in (anna, bas):
        services.factor_vote(participant=person, factor=contact)
    services.factor_vote(participant=anna, factor=broker)
    services.factor_vote(participant=cor, factor=broker)
    services.factor_vote(participant=cor, factor=core)
    assert services.factor_vote(participant=cor, factor=core) is False  # toggled off
    services.factor_vote(participant=anna, factor=core)
    fourth = services.factor_add(participant=anna, text="Vierde")
    with pytest.raises(WorkshopError, match="al 3 stemmen"):
        services.factor_vote(participant=anna, factor=fourth)
    # Merge the duplicate: votes move along, a double vote counts once.
    services.factor_merge(source=broker, target=contact)
    board = selectors.factor_board(item=item, participant=anna)
    assert [(f["text"], f["votes"]) for f in board][:2] == [("Eén vast aanspreekpunt", 3), ("Een kopgroep", 1)]
    assert board[0]["merged"] == 1 and board[0]["voted"]
    assert all(f["text"] != broker.text for f in board)
    assert selectors.top_factors(session=workshop)[0] == "Eén vast aanspreekpunt"
    # Voting for a merged factor votes for the one it was merged into.
    services.factor_vote(participant=cor, factor=broker)
    assert selectors.factor_board(item=item)[0]["votes"] == 2  # cor already voted there: the vote is withdrawn
    with pytest.raises(WorkshopError):
        services.factor_merge(source=contact, target=contact)


def test_ladder_spread_and_reasons(workshop, join):
    anna, bas, cor = join("Anna", "Bas", "Cor")
    item = go_to(workshop, Module.LADDER)
    services.ladder_place(participant=anna, rung="faciliteren", explanation="Tafels lenen is genoeg")
    services.ladder_place(participant=bas, rung="loslaten", explanation="")
    services.ladder_place(participant=cor, rung="faciliteren", explanation="Melding regelen")
    services.ladder_place(participant=bas, rung="faciliteren", explanation="Toch de melding")  # changes mind
    with pytest.raises(WorkshopError):
        services.ladder_place(participant=cor, rung="baas", explanation="")
    spread = selectors.ladder_spread(item=item)
    assert spread["case"]["number"] == 9 and spread["count"] == 3
    assert {bar["key"]: bar["count"] for bar in spread["bars"]} == {
        "loslaten": 0,
        "faciliteren": 3,
        "stimuleren": 0,
        "regisseren": 0,
        "reguleren": 0,
    }
    assert len(spread["reasons"]) == 3


def test_submissions_only_for_the_current_module(workshop, join):
    (anna,) = join("Anna")
    with pytest.raises(WorkshopError, match="niet bezig"):
        services.ladder_place(participant=anna, rung="loslaten", explanation="")
    go_to(workshop, Module.INTRO)
    with pytest.raises(WorkshopError, match="ander onderdeel"):
        services.ladder_place(participant=anna, rung="loslaten", explanation="")
    services.session_finish(session=workshop)
    with pytest.raises(WorkshopError):
        services.factor_add(participant=anna, text="Te laat")


def test_personal_checklist_keeps_drops_rewords_and_adds(workshop, join):
    anna, bas = join("Anna", "Bas")
    factors = go_to(workshop, Module.FACTORS)
    top = services.factor_add(participant=bas, text="Korte lijnen")
    services.factor_vote(participant=bas, factor=top)
    go_to(workshop, Module.CHECKLIST)
    rows = selectors.checklist_form_rows(session=workshop, participant=anna)
    assert len(rows) == 26 and all(row["kept"] for row in rows)
    items = [{"number": row["number"], "kept": row["number"] != 8, "text": row["current"]} for row in rows]
    items[8]["text"] = "Eerst koffie, dan kennismaken."  # reword point 9
    services.checklist_save(participant=anna, items=items, own_points=["Neem de wijkkaart mee", " "])
    checklist = selectors.personal_checklist(session=workshop, participant=anna)
    texts = [entry["text"] for section in checklist["sections"] for entry in section["items"]]
    assert len(texts) == 25
    assert "Neem de gespreksleidraad mee, geen formulier." not in texts
    assert "Eerst koffie, dan kennismaken." in texts
    assert checklist["own"] == ["Neem de wijkkaart mee"]
    assert checklist["factors"] == ["Korte lijnen"]
    assert [s["title"] for s in checklist["sections"]] == ["Voor het gesprek", "Tijdens het gesprek", "Na het gesprek"]
    summary = selectors.checklist_summary(item=workshop.agenda_items.get(module=Module.CHECKLIST))
    assert summary["count"] == 1 and summary["dropped"][0]["key"] == 8 and summary["reworded"][0]["key"] == 9
    with pytest.raises(WorkshopError):
        services.checklist_save(
            participant=bas, items=[{"number": 1, "kept": False, "text": ""}], own_points=[], include_factors=True
        )
    assert factors.pk
