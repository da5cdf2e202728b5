"""The demo shows hand-overs and callback dates, some of them overdue."""

import pytest
from django.core.management import call_command

from burgeridee.core.dates import local_date
from burgeridee.deadlines.models import FollowUp
from burgeridee.deadlines.selectors import initiative_ids_overdue
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.models import Municipality


@pytest.mark.django_db
def test_demo_has_open_answered_and_overdue_handovers_and_callbacks():
    call_command("seed_demo", stdout=None)
    # The demo challenge's request for advice (demo/challenges.py) is tested with the challenge.
    handovers = list(Handover.objects.filter(initiative__challenge__isnull=True).select_related("department"))
    assert {h.department.name for h in handovers if h.is_open} == {"Vergunningen"}
    assert sum(h.is_overdue for h in handovers) == 1
    assert sum(not h.is_open for h in handovers) == 1
    follow_ups = list(FollowUp.objects.filter(source_key=""))
    assert [f.is_overdue for f in sorted(follow_ups, key=lambda f: f.due_date)] == [True, False]
    # And the callback the demo's conversation report promised.
    (promised,) = FollowUp.objects.exclude(source_key="")
    assert promised.source_key.startswith("gespreksverslag-") and not promised.is_overdue
    overdue = initiative_ids_overdue(municipality=Municipality.objects.get(slug="voorbeeld"), today=local_date())
    titles = set(Initiative.objects.filter(pk__in=overdue).values_list("title", flat=True))
    assert {"Zwerfafval prikken langs de gracht", "Buurtfeest in de Rivierenbuurt"} <= titles
