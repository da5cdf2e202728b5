import datetime

import pytest

from burgeridee.workshops import selectors, services
from burgeridee.workshops.constants import CODE_ALPHABET, Module, SessionStatus
from burgeridee.workshops.services import WorkshopError
from burgeridee.workshops.tests.helpers import go_to

pytestmark = pytest.mark.django_db


def test_new_session_gets_the_standard_agenda_a_readable_code_and_the_town_hall(municipality):
    municipality.contact_address = "Stadhuisplein 1\n1234 AB Voorbeeld"
    municipality.save()
    session = services.session_create(municipality=municipality, title="Workshop", date=datetime.date(2026, 12, 3))
    assert session.status == SessionStatus.DRAFT
    assert session.place == "Gemeentehuis, Stadhuisplein 1, 1234 AB Voorbeeld"
    assert len(session.code) == 6 and set(session.code) <= set(CODE_ALPHABET)
    assert not set(session.code) & set("0O1IL")
    modules = [item.module for item in selectors.agenda(session=session)]
    assert modules == [
        Module.INTRO,
        Module.CASES,
        Module.PITFALLS,
        Module.ROLEPLAY,
        Module.FACTORS,
        Module.LADDER,
        Module.CHECKLIST,
    ]
    assert sum(item.minutes for item in selectors.agenda(session=session)) <= 240  # a half day


def test_full_run_through_the_state_machine(workshop):
    with pytest.raises(WorkshopError):
        services.session_start(session=workshop)  # not open yet
    services.session_open(session=workshop)
    workshop.refresh_from_db()
    assert workshop.status == SessionStatus.OPEN
    with pytest.raises(WorkshopError):
        services.session_open(session=workshop)
    services.session_start(session=workshop)
    workshop.refresh_from_db()
    assert (workshop.status, workshop.current_position) == (SessionStatus.RUNNING, 0)
    with pytest.raises(WorkshopError):
        services.session_previous(session=workshop)
    versions = [workshop.version]
    for expected in range(1, 7):
        services.session_next(session=workshop)
        workshop.refresh_from_db()
        assert workshop.current_position == expected
        versions.append(workshop.version)
    assert versions == sorted(set(versions))  # every step is visible to the polling screens
    with pytest.raises(WorkshopError):
        services.session_next(session=workshop)
    services.session_previous(session=workshop)
    workshop.refresh_from_db()
    assert workshop.current_position == 5
    services.session_finish(session=workshop)
    workshop.refresh_from_db()
    assert workshop.status == SessionStatus.FINISHED and workshop.finished_at
    for transition in (
        services.session_next,
        services.session_previous,
        services.session_open,
        services.session_finish,
    ):
        with pytest.raises(WorkshopError):
            transition(session=workshop)


def test_steps_within_spot_the_pitfall_and_reveal(workshop):
    go_to(workshop, Module.PITFALLS)
    workshop.refresh_from_db()
    services.session_reveal(session=workshop)
    workshop.refresh_from_db()
    assert workshop.revealed
    services.session_step(session=workshop, offset=1)
    workshop.refresh_from_db()
    assert (workshop.step, workshop.revealed) == (1, False)
    with pytest.raises(WorkshopError):
        services.session_step(session=workshop, offset=-2)
    services.session_next(session=workshop)
    workshop.refresh_from_db()
    assert workshop.step == 0  # a new module starts at its first step


def test_agenda_is_editable_until_the_session_starts(workshop):
    items = selectors.agenda(session=workshop)
    services.agenda_item_move(item=items[2], offset=-1)
    assert [i.module for i in selectors.agenda(session=workshop)][1:3] == [Module.PITFALLS, Module.CASES]
    services.agenda_item_remove(item=selectors.agenda(session=workshop)[0])
    assert [i.position for i in selectors.agenda(session=workshop)] == list(range(6))
    added = services.agenda_item_add(session=workshop, module=Module.LADDER, minutes=10, case_numbers=[8])
    assert added.position == 6 and added.case_numbers == [8]
    services.agenda_item_update(item=added, minutes=12, case_numbers=[4, 5])
    added.refresh_from_db()
    assert (added.minutes, added.case_numbers) == (12, [4])  # my role: one case
    with pytest.raises(WorkshopError):
        services.agenda_item_update(item=added, minutes=12, case_numbers=[])
    services.session_open(session=workshop)
    services.session_start(session=workshop)
    with pytest.raises(WorkshopError):
        services.agenda_item_remove(item=added)


def test_join_only_while_open_or_running(workshop, join):
    with pytest.raises(WorkshopError):
        services.participant_join(session=workshop, display_name="Anna")
    (anna,) = join("Anna")
    assert anna.display_name == "Anna"
    services.session_finish(session=workshop)
    with pytest.raises(WorkshopError):
        services.participant_join(session=workshop, display_name="Bas")


def test_code_lookup_is_forgiving_about_case_spaces_and_dashes(workshop):
    code = workshop.code
    assert selectors.session_get_by_code(code=f" {code[:3].lower()}-{code[3:]} ") == workshop
    assert selectors.session_get_by_code(code="OOOOOO") is None
    assert selectors.session_get_by_code(code="") is None


def test_timer_counts_the_planned_minutes(workshop):
    item = go_to(workshop, Module.INTRO)
    workshop.refresh_from_db()
    later = workshop.module_started_at + datetime.timedelta(minutes=10, seconds=5)
    timer = selectors.timer(session=workshop, item=item, now=later)
    assert timer["label"] == "19:55" and timer["over"] == 0
    timer = selectors.timer(session=workshop, item=item, now=later + datetime.timedelta(minutes=25))
    assert timer["remaining"] == 0 and timer["over_label"] == "5:05"
