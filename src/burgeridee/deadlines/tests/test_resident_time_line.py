"""A call-back agreed with the resident is a step of their time line: ahead with its date, then done
(issue #11). The internal note of the call-back never reaches the resident."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from burgeridee.core.dates import local_date
from burgeridee.deadlines import services
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.selectors import resident_timeline

pytestmark = pytest.mark.django_db


def steps(initiative):
    return {step.title: step for step in resident_timeline(initiative=Initiative.objects.get(pk=initiative.pk))}


def test_callback_is_ahead_with_its_date_then_done(municipality, submit_idea, contact):
    initiative, token = submit_idea(municipality)
    due = local_date() + timedelta(days=3)
    follow_up = services.follow_up_create(
        initiative=initiative, due_date=due, actor=contact, note="Intern: vraag eerst Vergunningen."
    )
    ahead = steps(initiative)["Uw contactpersoon belt u terug"]
    assert ahead.state in {"current", "upcoming"} and (ahead.day, ahead.day_label) == (due, "Uiterlijk")
    html = Client().get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()
    assert "Uw contactpersoon belt u terug" in html
    assert "vraag eerst Vergunningen" not in html

    services.follow_up_complete(follow_up=follow_up, actor=contact)
    now = steps(initiative)
    assert "Uw contactpersoon belt u terug" not in now
    done = now["Uw contactpersoon heeft u teruggebeld"]
    assert (done.state, done.day) == ("done", timezone.localdate())


def test_a_closed_initiative_drops_an_open_callback(municipality, submit_idea, contact):
    from burgeridee.initiatives.services import initiative_phase_change

    initiative, _token = submit_idea(municipality)
    services.follow_up_create(initiative=initiative, due_date=local_date() + timedelta(days=3), actor=contact)
    initiative_phase_change(initiative=initiative, to_phase="geen_initiatief", actor=contact, note="Wijkteam")
    assert "Uw contactpersoon belt u terug" not in steps(initiative)
