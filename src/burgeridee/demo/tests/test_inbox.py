"""`make run` shows a realistic inbox: new, overdue, in conversation, stopped."""

import pytest
from django.core.management import call_command

from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.selectors import overdue_q

pytestmark = pytest.mark.django_db


def test_demo_inbox_has_new_overdue_in_conversation_and_stopped():
    call_command("seed_demo")
    initiatives = Initiative.objects.filter(municipality__slug="voorbeeld")
    new = initiatives.filter(contact_person__isnull=True).exclude(phase__in=[Phase.STOPPED])
    overdue = initiatives.filter(overdue_q())
    assert new.count() >= 3
    assert sum(1 for i in overdue if i.contact_person is None) >= 2  # first contact late
    assert any(i.contact_person is not None for i in overdue)  # a callback or hand-over past its date
    talking = initiatives.filter(messages__direction="in", messages__read_at__isnull=True).distinct()
    assert talking.exists() and all(i.contact_person and i.first_contact_at for i in talking)
    assert talking.first().notes.exists()
    stopped = initiatives.get(phase=Phase.STOPPED)
    assert stopped.stop_reason and stopped.closed_at
