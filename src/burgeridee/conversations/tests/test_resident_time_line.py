"""The resident's time line follows what happened to the first conversation (issue #11).

The steps come from the recorded events (each event kind declares its resident step in its app's
events.py), not from the phase alone: planned (date and place), held, report sent, agreements confirmed.
"""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from burgeridee.conversations import services
from burgeridee.conversations.constants import AgreementResponse
from burgeridee.conversations.models import Report
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.selectors import resident_timeline

pytestmark = pytest.mark.django_db


def steps_by_title(initiative):
    initiative = Initiative.objects.get(pk=initiative.pk)
    return {step.title: step for step in resident_timeline(initiative=initiative)}


def step_states(html: str) -> dict[str, str]:
    """Each step's title and its state as the page says it to a screen reader: "(gedaan)", "(nu bezig)"."""
    found = re.findall(
        r'<p class="bi-timeline__title">\s*(.*?)\s*<span class="bi-visually-hidden">\((.*?)\)</span>', html, re.S
    )
    return {title.strip(): state for title, state in found}


def report_confirmed(conversation, contact):
    services.conversation_save(
        conversation=conversation,
        captures={"summary": "Een moestuin op het grasveld.", "next_step": "Kabels nagaan"},
        agreements=[{"what": "Kabels en leidingen nagaan", "who": "Karim", "due": ""}],
    )
    services.conversation_mark_held(conversation=conversation, actor=contact)
    report = Report.objects.get(conversation=conversation)
    services.report_send(report=report, actor=contact)
    report.refresh_from_db()
    services.report_respond(
        report=report, responses={a.pk: (AgreementResponse.AGREED, "") for a in report.agreements.all()}
    )
    return report


def test_a_planned_conversation_shows_its_date_and_place(municipality, planned):
    initiative, token, conversation = planned
    step = steps_by_title(initiative)["Het eerste gesprek"]
    assert step.state != "done"
    assert step.day == timezone.localdate(conversation.starts_at)
    assert "Buurthuis De Kastanje, Centrum" in step.description
    assert "14:00" in step.day_text

    html = Client().get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()
    assert step_states(html)["Het eerste gesprek"] in {"nu bezig", "nog niet"}
    assert timezone.localdate(conversation.starts_at).strftime("%Y") in html


def test_held_and_confirmed_conversation_reads_as_done_with_dates(
    municipality, planned, contact, django_capture_on_commit_callbacks
):
    initiative, token, conversation = planned
    with django_capture_on_commit_callbacks(execute=True):
        report = report_confirmed(conversation, contact)
    steps = steps_by_title(initiative)
    today = timezone.localdate()
    assert steps["Het eerste gesprek"].state == "done"
    assert steps["Het eerste gesprek"].day == today
    assert "Buurthuis De Kastanje, Centrum" in steps["Het eerste gesprek"].description
    assert steps["Wij hebben u het verslag gestuurd"].state == "done"
    assert steps["Wij hebben u het verslag gestuurd"].day == timezone.localdate(report.sent_at)
    assert steps["U heeft de afspraken bevestigd"].state == "done"
    assert steps["U heeft de afspraken bevestigd"].day == timezone.localdate(report.responded_at)

    html = Client().get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()
    states = step_states(html)
    assert states["Het eerste gesprek"] == "gedaan"
    assert states["U heeft de afspraken bevestigd"] == "gedaan"
    assert "Afspraken op papier" not in states  # the placeholder went once the report was sent
    assert "nu bezig" not in [states[t] for t in states if "gesprek" in t or "verslag" in t or "afspraken" in t]


def test_a_sent_report_waits_for_the_resident(municipality, planned, contact):
    initiative, _token, conversation = planned
    services.conversation_mark_held(conversation=conversation, actor=contact)
    services.report_send(report=Report.objects.get(conversation=conversation), actor=contact)
    steps = steps_by_title(initiative)
    assert steps["Wij hebben u het verslag gestuurd"].state == "done"
    waiting = steps["Kloppen de afspraken?"]
    assert waiting.state == "current"
    assert "zeg" in waiting.description.lower()


def test_moving_the_conversation_shows_only_the_new_date(municipality, planned, contact):
    initiative, _token, conversation = planned
    later = conversation.starts_at + timedelta(days=2)
    services.conversation_plan(initiative=initiative, starts_at=later, place="Bij Fatima thuis", actor=contact)
    steps = resident_timeline(initiative=Initiative.objects.get(pk=initiative.pk))
    talks = [s for s in steps if s.title == "Het eerste gesprek"]
    assert len(talks) == 1
    assert talks[0].day == timezone.localdate(later)
    assert "Bij Fatima thuis" in talks[0].description


def test_a_closed_initiative_with_a_planned_conversation_drops_it(municipality, planned, contact):
    from burgeridee.initiatives.services import initiative_phase_change

    initiative, token, _conversation = planned
    initiative_phase_change(initiative=initiative, to_phase="geen_initiatief", actor=contact, note="Het wijkteam.")
    titles = steps_by_title(initiative)
    assert "Het eerste gesprek" not in titles
    html = Client().get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()
    assert "Buurthuis De Kastanje, Centrum" not in html


def test_a_planned_conversation_is_the_promised_contact(municipality, planned):
    initiative, token, _conversation = planned
    titles = steps_by_title(initiative)
    assert "Een contactpersoon neemt contact met u op" not in titles
    html = Client().get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()
    assert "Uiterlijk" not in html


def test_a_conversation_recorded_afterwards_on_its_real_day_reads_as_held(municipality, submit_idea, contact):
    """Planned for a day that has passed, then recorded as held on that day: the held event carries the earlier
    moment, yet it is the later news."""
    initiative, _token = submit_idea(municipality)
    two_days_ago = timezone.now() - timedelta(days=2)
    conversation = services.conversation_plan(
        initiative=initiative, starts_at=two_days_ago, place="Bij Fatima thuis", actor=contact
    )
    services.conversation_mark_held(conversation=conversation, actor=contact, held_on=timezone.localdate(two_days_ago))
    step = steps_by_title(initiative)["Het eerste gesprek"]
    assert step.state == "done"
    assert step.day == timezone.localdate(two_days_ago)
