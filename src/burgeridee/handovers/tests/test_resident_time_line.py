"""A hand-over shows on the resident's time line: which department helps, and when it answered; never the
question or the answer themselves (issue #11)."""

import pytest
from django.test import Client

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.handovers import services
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.selectors import resident_timeline
from burgeridee.municipalities.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def test_handover_asked_and_answered_show_to_the_resident(municipality, submit_idea, contact):
    permits = DepartmentFactory(municipality=municipality, name="Vergunningen")
    colleague = StaffFactory(municipality=municipality, roles=[Role.DEPARTMENT], department=permits, username="dirk")
    initiative, token = submit_idea(municipality)
    handover = services.handover_ask(
        initiative=initiative, department=permits, question="Mag er een hek op het grasveld?", actor=contact
    )
    titles = [s.title for s in resident_timeline(initiative=Initiative.objects.get(pk=initiative.pk))]
    assert "Wij hebben een collega om hulp gevraagd" in titles

    services.handover_answer(handover=handover, answer="Ja, tot 1 meter hoog.", actor=colleague)
    steps = {s.title: s for s in resident_timeline(initiative=Initiative.objects.get(pk=initiative.pk))}
    answered = steps["De afdeling Vergunningen heeft geantwoord"]
    assert answered.state == "done" and answered.day is not None

    html = Client().get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()
    assert "De afdeling Vergunningen heeft geantwoord" in html
    assert "Mag er een hek" not in html and "tot 1 meter hoog" not in html
