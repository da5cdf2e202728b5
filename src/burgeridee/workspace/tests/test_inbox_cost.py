"""The inbox builds the same number of model instances with many members of staff as with few (issue #18).

The filter's contact people are plain values (initiatives.selectors.contact_choices), not a Membership and a User
instance per member of staff; the rows load only the columns they show. The page must still show the same.
"""

import re
from contextlib import contextmanager

import pytest
from django.db.models import Model

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.selectors import contact_people
from burgeridee.workspace import selectors

pytestmark = pytest.mark.django_db


@contextmanager
def instances_counted():
    """How many model instances are built meanwhile (every class's __init__ is Model.__init__)."""
    counted = {"n": 0}
    original = Model.__init__

    def counting(self, *args, **kwargs):
        counted["n"] += 1
        original(self, *args, **kwargs)

    Model.__init__ = counting
    try:
        yield counted
    finally:
        Model.__init__ = original


def _inbox(client, municipality):
    with instances_counted() as counted:
        response = client.get(f"/werkplek/{municipality.slug}/", {"tab": "alle"})
    assert response.status_code == 200
    return response.content.decode(), counted["n"]


def _hire(municipality, count):
    return [
        StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name=f"Naam{i:02d}", last_name="Extra")
        for i in range(count)
    ]


def test_the_inbox_builds_as_many_objects_with_many_staff_as_with_few(coordinator_client, municipality, submit_idea):
    submit_idea(municipality, title="Speeltuin")
    _inbox(coordinator_client, municipality)  # the session's first request sets it up
    _page, few = _inbox(coordinator_client, municipality)
    _hire(municipality, 20)
    _page, many = _inbox(coordinator_client, municipality)
    assert many == few


def test_the_contact_filter_still_offers_every_contact_person(coordinator_client, municipality):
    _hire(municipality, 3)
    StaffFactory(municipality=municipality, roles=[Role.TRAINER], first_name="Alleen", last_name="Trainer")
    page, _count = _inbox(coordinator_client, municipality)
    select = re.search(r'<select name="contact_person".*?</select>', page, re.S).group(0)
    options = re.findall(r'<option value="(\d*)"[^>]*>([^<]*)</option>', select)
    assert options[1:] == [(str(u.pk), u.display_name) for u in contact_people(municipality=municipality)]
    assert "Alleen Trainer" not in select


def test_the_rows_load_only_the_columns_they_show(municipality, coordinator, submit_idea):
    initiative, _ = submit_idea(municipality, title="Speeltuin")
    page = selectors.inbox_page(municipality=municipality, user=coordinator, filters=selectors.InboxFilters(tab="alle"))
    row = next(row for row in page.object_list if row.pk == initiative.pk)
    deferred = row.get_deferred_fields()
    assert {"description", "target_group", "help_description"} <= deferred
    assert not deferred & {"title", "reference", "channel", "phase", "submitted_at", "first_contact_due"}
    assert isinstance(row, Initiative) and row.is_overdue is False
