"""Every staff URL of hand-overs, deadlines and intake, called with another municipality's ids, is a 404.

The user has every role (and a department) in their own municipality, so only tenancy can refuse.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.core.dates import local_date
from burgeridee.deadlines.services import follow_up_create
from burgeridee.handovers.services import handover_ask
from burgeridee.municipalities.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

NAMESPACES = ("handovers", "deadlines", "intake")
ID_KWARGS = {"pk", "follow_up_id"}


def _endpoints(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):  # the staff prefix the root URLconf adds
            yield from _endpoints(pattern.url_patterns)
        else:
            assert isinstance(pattern, URLPattern)
            yield pattern


def staff_patterns():
    resolver = get_resolver()
    for namespace in NAMESPACES:
        _prefix, sub_resolver = resolver.namespace_dict[namespace]
        for pattern in _endpoints(sub_resolver.url_patterns):
            yield f"{namespace}:{pattern.name}", set(pattern.pattern.converters)


def test_every_url_is_covered_by_the_sweep():
    names = {name for name, _kwargs in staff_patterns()}
    assert names == {
        "handovers:list",
        "handovers:detail",
        "handovers:ask",
        "deadlines:follow_ups",
        "deadlines:follow_up_done",
        "intake:form",
        "intake:letter",
        "intake:letter_renew",
    }


def test_foreign_ids_are_a_404_on_every_staff_url(municipality, other_municipality, contact, submit_idea, staff_client):
    permits = DepartmentFactory(municipality=municipality, name="Vergunningen")
    initiative, _ = submit_idea(municipality)
    handover = handover_ask(initiative=initiative, department=permits, question="?", actor=contact)
    follow_up = follow_up_create(initiative=initiative, due_date=local_date(), actor=contact)
    own_department = DepartmentFactory(municipality=other_municipality, name="Vergunningen")
    intruder = StaffFactory(
        municipality=other_municipality, roles=Role.values, department=own_department, username="otto"
    )
    client = staff_client(intruder)

    foreign_ids = {"handovers:detail": {"pk": handover.pk}}
    checked = 0
    for name, kwargs in staff_patterns():
        if not kwargs & ID_KWARGS:
            continue  # lists and forms without an id show only the user's own municipality
        values = foreign_ids.get(name, {"pk": initiative.pk})
        if "follow_up_id" in kwargs:
            values = {**values, "follow_up_id": follow_up.pk}
        url = reverse(name, kwargs={"municipality_slug": other_municipality.slug, **values})
        statuses = {client.get(url).status_code, client.post(url, {"answer": "x", "question": "x"}).status_code}
        assert 404 in statuses and statuses <= {404, 405}, url  # 405: the method is refused before any lookup
        checked += 1
    assert checked == 6
    handover.refresh_from_db()
    follow_up.refresh_from_db()
    assert handover.is_open and follow_up.is_open
