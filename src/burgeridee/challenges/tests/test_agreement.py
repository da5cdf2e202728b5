"""The agreement of a granted challenge: staff add and remove monitoring moments without JavaScript (a formset
with an 'add a moment' button that keeps everything typed), errors get a summary, every moment becomes a
deadline."""

from datetime import date, timedelta

import pytest
from django.utils.formats import date_format

from burgeridee.deadlines.models import FollowUp
from burgeridee.initiatives.models import Message
from burgeridee.initiatives.services import initiative_assign_contact
from burgeridee.testing.helpers import database_refuses_writes

from .. import selectors, services
from ..forms import MOMENTS_MAX
from ..models import MonitoringMoment
from .test_route import _assess, _plan, _submit

TODAY = date.today()


@pytest.fixture
def granted(municipality, challenge_tasks, contact, coordinator):
    challenge = _submit(municipality, challenge_tasks["square"])
    initiative_assign_contact(initiative=challenge.initiative, contact=contact, actor=coordinator)
    _assess(_plan(challenge, contact), contact)
    services.challenge_decide(challenge=challenge, actor=contact, decision="toegekend", reasons="Goed plan.")
    return challenge


def _url(challenge):
    return f"/werkplek/voorbeeld/uitdagingen/{challenge.pk}/overeenkomst/"


def _data(*moments, **extra):
    """The agreement form as a browser sends it; `moments`: (date text, what, marked to go) per row."""
    data = {
        "overeenkomst-starts": TODAY.isoformat(),
        "overeenkomst-ends": (TODAY + timedelta(days=365)).isoformat(),
        "overeenkomst-budget": "3500",
        "overeenkomst-quality": "Elke maand maaien",
        "overeenkomst-moment-TOTAL_FORMS": str(len(moments)),
        "overeenkomst-moment-INITIAL_FORMS": "0",
    }
    for n, (day, what, *gone) in enumerate(moments):
        data[f"overeenkomst-moment-{n}-due_date"] = day
        data[f"overeenkomst-moment-{n}-description"] = what
        if gone and gone[0]:
            data[f"overeenkomst-moment-{n}-DELETE"] = "on"
    return data | extra


def _day(days):
    return (TODAY + timedelta(days=days)).isoformat()


def test_the_page_starts_with_two_empty_moments_and_an_add_button(contact_client, granted):
    page = contact_client.get(f"/werkplek/voorbeeld/uitdagingen/{granted.pk}/").content.decode()
    assert 'name="overeenkomst-moment-TOTAL_FORMS" value="2"' in page
    assert "Monitoringsmoment 2" in page and "Monitoringsmoment 3" not in page
    assert 'name="moment_toevoegen"' in page and "Nog een monitoringsmoment toevoegen" in page
    # The primary button comes first, so Enter in a field saves instead of adding a row.
    assert page.index("Overeenkomst vastleggen</button>") < page.index("Nog een monitoringsmoment toevoegen")


def test_adding_a_moment_keeps_everything_typed_and_saves_nothing(contact_client, granted):
    data = _data((_day(90), "Eerste kwartaal"), (_day(180), "Halfjaar"), budget="", moment_toevoegen="1")
    data["overeenkomst-budget"] = "4200"
    response = contact_client.post(_url(granted), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="overeenkomst-moment-TOTAL_FORMS" value="3"' in page
    assert "Monitoringsmoment 3" in page
    assert "Eerste kwartaal" in page and "Halfjaar" in page and _day(180) in page
    assert 'value="4200"' in page and "Elke maand maaien" in page
    assert "data-error-summary" not in page  # nothing was wrong: no messages yet
    assert not MonitoringMoment.objects.exists() and not FollowUp.objects.exists()


def test_removing_a_moment_drops_that_row_when_adding(contact_client, granted):
    data = _data((_day(90), "Eerste kwartaal", True), (_day(180), "Halfjaar"), moment_toevoegen="1")
    page = contact_client.post(_url(granted), data).content.decode()
    assert "Eerste kwartaal" not in page and "Halfjaar" in page
    assert 'name="overeenkomst-moment-TOTAL_FORMS" value="2"' in page


def test_three_moments_become_three_deadlines_and_a_removed_one_none(contact_client, granted, contact):
    data = _data(
        (_day(90), "Eerste kwartaal"),
        (_day(120), "Weggehaald", True),
        ("", ""),  # an empty row is skipped
        (_day(180), "Halfjaar"),
        (_day(360), "Jaar om"),
    )
    response = contact_client.post(_url(granted), data)
    assert response.status_code == 302
    moments = list(MonitoringMoment.objects.filter(challenge=granted).values_list("description", flat=True))
    assert moments == ["Eerste kwartaal", "Halfjaar", "Jaar om"]
    follow_ups = FollowUp.objects.filter(initiative=granted.initiative).order_by("due_date")
    assert [f.due_date.isoformat() for f in follow_ups] == [_day(90), _day(180), _day(360)]
    assert {f.assigned_to_id for f in follow_ups} == {contact.pk}


def test_a_half_filled_moment_gets_a_message_in_the_summary(contact_client, granted):
    response = contact_client.post(_url(granted), _data((_day(90), "Eerste kwartaal"), ("", "Halfjaar")))
    page = response.content.decode()
    assert response.status_code == 400
    assert "data-error-summary" in page
    assert 'href="#id_overeenkomst-moment-1-due_date"' in page
    assert "Monitoringsmoment 2: Vul de datum van dit moment in." in page
    assert "Eerste kwartaal" in page and "Halfjaar" in page
    assert not MonitoringMoment.objects.exists()


def test_no_moment_at_all_is_refused(contact_client, granted):
    page = contact_client.post(_url(granted), _data(("", ""), ("", ""))).content.decode()
    assert "Spreek minstens één monitoringsmoment af." in page


def test_too_many_moments_are_refused_and_the_add_button_goes(contact_client, granted):
    rows = [(_day(30 + n), f"Moment {n}") for n in range(MOMENTS_MAX + 1)]
    response = contact_client.post(_url(granted), _data(*rows))
    assert response.status_code == 400
    assert f"Spreek hooguit {MOMENTS_MAX} monitoringsmomenten af." in response.content.decode()
    full = contact_client.post(_url(granted), _data(*rows[:MOMENTS_MAX], moment_toevoegen="1")).content.decode()
    assert f'value="{MOMENTS_MAX}"' in full and "Nog een monitoringsmoment toevoegen" not in full


def test_a_database_outage_keeps_the_moments(contact_client, granted):
    with database_refuses_writes():
        response = contact_client.post(_url(granted), _data((_day(90), "Eerste kwartaal")))
    assert response.status_code == 503
    page = response.content.decode()
    assert "Het opslaan is niet gelukt" in page and "Eerste kwartaal" in page


def test_the_resident_sees_the_term_and_the_monitoring_dates(contact_client, granted):
    contact_client.post(_url(granted), _data((_day(90), "Eerste kwartaal"), (_day(180), "Halfjaar")))
    granted.refresh_from_db()
    step = next(s for s in selectors.resident_steps(challenge=granted) if s.title == "De overeenkomst")
    assert step.state == "done"
    assert f"U doet de taak van {date_format(TODAY, 'j F Y')} tot en met" in step.description
    assert date_format(TODAY + timedelta(days=90), "j F Y") in step.description
    assert date_format(TODAY + timedelta(days=180), "j F Y") in step.description


def test_a_decided_challenge_says_when_it_was_decided(contact_client, granted):
    page = contact_client.get(f"/werkplek/voorbeeld/uitdagingen/{granted.pk}/").content.decode()
    assert "Besloten op" in page and "Besluit uiterlijk" not in page


def test_the_resident_hears_once_of_the_phase_a_complete_plan_brings(municipality, challenge_tasks, contact):
    challenge = _submit(municipality, challenge_tasks["square"])
    _plan(challenge, contact)
    phase_messages = Message.objects.filter(initiative=challenge.initiative, body__contains="nieuwe fase")
    assert phase_messages.count() == 1 and "Plan en draagvlak" in phase_messages.get().body
