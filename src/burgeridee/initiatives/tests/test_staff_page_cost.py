"""The staff initiative page costs the same in a municipality with many members of staff (issue #18).

The contact person's <select> is built only for a coordinator, from plain values; the conversation section
loads the report's agreements without their history. The page must still show exactly the same.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.initiatives.selectors import contact_choices, contact_people

pytestmark = pytest.mark.django_db


def url(initiative):
    return f"/werkplek/{initiative.municipality.slug}/initiatieven/{initiative.pk}/"


def _get(client, initiative):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url(initiative))
    assert response.status_code == 200
    return response.content.decode(), captured


def _membership_lists(captured) -> int:
    """Queries that list the municipality's memberships with their users (the staff list for the <select>)."""
    return sum(
        1
        for query in captured.captured_queries
        if 'FROM "accounts_membership"' in query["sql"] and 'INNER JOIN "accounts_user"' in query["sql"]
    )


def _hire(municipality, count, roles=(Role.CONTACT,)):
    return [
        StaffFactory(municipality=municipality, roles=list(roles), first_name=f"Naam{i:02d}", last_name="Extra")
        for i in range(count)
    ]


def test_contact_choices_are_the_contact_people_in_the_same_order_and_words(municipality, other_municipality):
    StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="", last_name="", username="zonder")
    StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Anna", last_name="", job_title="Wijk")
    StaffFactory(municipality=municipality, roles=[Role.CONTACT, Role.COORDINATOR], first_name="Bert", last_name="B")
    StaffFactory(municipality=municipality, roles=[Role.TRAINER], first_name="Trudy")  # no contact role
    StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Gestopt", is_active=False)
    StaffFactory(municipality=other_municipality, roles=[Role.CONTACT], first_name="Elders")
    people = contact_people(municipality=municipality)
    choices = contact_choices(municipality=municipality)
    assert [(c.pk, c.display_name, c.job_title) for c in choices] == [
        (u.pk, u.display_name, u.job_title) for u in people
    ]
    assert [c.display_name for c in choices] == ["zonder", "Anna", "Bert B"]


def test_a_contact_persons_page_does_not_list_the_municipalitys_staff(contact_client, initiative):
    _hire(initiative.municipality, 5)
    page, captured = _get(contact_client, initiative)
    assert _membership_lists(captured) == 0
    assert 'name="contact-contact"' not in page


def test_the_page_runs_as_many_queries_with_many_staff_as_with_few(contact_client, coordinator_client, initiative):
    few = {
        name: len(_get(client, initiative)[1])
        for name, client in (("contact", contact_client), ("co", coordinator_client))
    }
    _hire(initiative.municipality, 25)
    many = {
        name: len(_get(client, initiative)[1])
        for name, client in (("contact", contact_client), ("co", coordinator_client))
    }
    assert many == few


def test_a_coordinator_still_chooses_from_every_contact_person(coordinator_client, contact_client, initiative):
    hired = _hire(initiative.municipality, 3)
    _hire(initiative.municipality, 1, roles=(Role.TRAINER,))
    page, captured = _get(coordinator_client, initiative)
    assert _membership_lists(captured) == 1
    select = re.search(r'<select name="contact-contact".*?</select>', page, re.S).group(0)
    options = re.findall(r'<option value="(\d*)"[^>]*>([^<]*)</option>', select)
    expected = [("", "Kies een contactpersoon")] + [
        (str(u.pk), u.display_name + (f" ({u.job_title})" if u.job_title else ""))
        for u in contact_people(municipality=initiative.municipality)
    ]
    assert options == expected
    assert {str(u.pk) for u in hired + [contact_client.user]} <= {value for value, _label in options}


def test_the_current_contact_person_is_selected(coordinator_client, contact_client, initiative):
    from burgeridee.initiatives import services

    services.initiative_assign_contact(initiative=initiative, contact=contact_client.user, actor=contact_client.user)
    page, _captured = _get(coordinator_client, initiative)
    assert f'<option value="{contact_client.user.pk}" selected>' in page
