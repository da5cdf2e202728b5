"""A callback promised elsewhere (the conversation report, through initiatives.signals.callback_promised)
becomes one callback appointment; a new date for the same promise moves it instead of adding one."""

from datetime import timedelta

import pytest

from burgeridee.core.dates import local_date
from burgeridee.deadlines.models import FollowUp
from burgeridee.deadlines.services import follow_up_complete
from burgeridee.initiatives.signals import callback_promised

pytestmark = pytest.mark.django_db


def promise(initiative, contact, due, key="gespreksverslag-1"):
    callback_promised.send(
        sender=None,
        initiative=initiative,
        due_date=due,
        actor=contact,
        assigned_to=contact,
        key=key,
        note="Terugbellen zoals beloofd in het gespreksverslag.",
    )


def test_a_promised_callback_is_made_once_and_moved_with_a_new_date(municipality, submit_idea, contact):
    initiative, _ = submit_idea(municipality)
    due = local_date() + timedelta(days=10)
    promise(initiative, contact, due)
    promise(initiative, contact, due)  # the same promise again: nothing new
    (callback,) = FollowUp.objects.filter(initiative=initiative)
    assert (callback.due_date, callback.assigned_to, callback.source_key) == (due, contact, "gespreksverslag-1")

    later = due + timedelta(days=5)
    promise(initiative, contact, later)
    (callback,) = FollowUp.objects.filter(initiative=initiative)
    assert callback.due_date == later
    assert initiative.events.filter(kind="terugbellen_gepland").count() == 2  # made, then moved

    # Once the call was made, a new promise is a new appointment; another promise's key is its own.
    follow_up_complete(follow_up=callback, actor=contact)
    promise(initiative, contact, later + timedelta(days=7))
    promise(initiative, contact, later, key="iets-anders")
    assert FollowUp.objects.filter(initiative=initiative).count() == 3
