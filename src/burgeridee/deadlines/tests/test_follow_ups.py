"""Callback dates agreed with the resident, and which initiatives are overdue."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.core.dates import local_date
from burgeridee.deadlines import selectors, services
from burgeridee.deadlines.constants import FollowUpKind
from burgeridee.deadlines.models import FollowUp
from burgeridee.handovers.services import handover_answer, handover_ask
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def overdue(municipality, today):
    return selectors.initiative_ids_overdue(municipality=municipality, today=today)


def test_follow_up_round_trip_on_the_internal_time_line(municipality, submit_idea, contact):
    initiative, _ = submit_idea(municipality)
    due = local_date() + timedelta(days=2)
    follow_up = services.follow_up_create(
        initiative=initiative, due_date=due, actor=contact, assigned_to=contact, note="Bellen over de locatie"
    )
    assert follow_up.is_open and follow_up.kind == FollowUpKind.CALLBACK
    services.follow_up_complete(follow_up=follow_up, actor=contact)
    follow_up.refresh_from_db()
    assert follow_up.done_by == contact and not follow_up.is_open
    kinds = list(initiative.events.filter(visible_to_resident=False).values_list("kind", flat=True))
    assert kinds == ["terugbellen_gepland", "terugbellen_gedaan"]


def test_initiatives_overdue_q(municipality, other_municipality, submit_idea, contact):
    today = local_date()
    fresh, _ = submit_idea(municipality, title="Vers")
    late_first_contact, _ = submit_idea(municipality, title="Eerste contact te laat")
    Initiative.objects.filter(pk=late_first_contact.pk).update(first_contact_due=today - timedelta(days=1))
    contacted, _ = submit_idea(municipality, title="Al gebeld")
    Initiative.objects.filter(pk=contacted.pk).update(
        first_contact_due=today - timedelta(days=1), first_contact_at=timezone.now()
    )
    due_today, _ = submit_idea(municipality, title="Vandaag")
    Initiative.objects.filter(pk=due_today.pk).update(first_contact_due=today)
    closed, _ = submit_idea(municipality, title="Gestopt")
    Initiative.objects.filter(pk=closed.pk).update(first_contact_due=today - timedelta(days=9), phase=Phase.STOPPED)
    callback, _ = submit_idea(municipality, title="Terugbellen te laat")
    services.follow_up_create(initiative=callback, due_date=today - timedelta(days=1), actor=contact)
    done_callback, _ = submit_idea(municipality, title="Terugbellen gedaan")
    done = services.follow_up_create(initiative=done_callback, due_date=today - timedelta(days=1), actor=contact)
    services.follow_up_complete(follow_up=done, actor=contact)
    department = DepartmentFactory(municipality=municipality, name="Vergunningen")
    asked, _ = submit_idea(municipality, title="Afdeling te laat")
    handover = handover_ask(initiative=asked, department=department, question="?", actor=contact)
    foreign, _ = submit_idea(other_municipality, title="Elders te laat")
    Initiative.objects.filter(pk=foreign.pk).update(first_contact_due=today - timedelta(days=3))

    # A late callback and a late hand-over only count once their date has passed.
    later = handover.due_date + timedelta(days=1)
    assert overdue(municipality, today) == {late_first_contact.pk, callback.pk}
    assert asked.pk in overdue(municipality, later)
    handover_answer(handover=handover, answer="!", actor=contact)
    assert asked.pk not in overdue(municipality, later)
    assert fresh.pk not in overdue(municipality, today)
    assert due_today.pk in overdue(municipality, today + timedelta(days=1))
    # The Q works on any Initiative queryset, combined with other filters.
    assert set(
        Initiative.objects.filter(selectors.initiatives_overdue_q(today=today)).values_list("pk", flat=True)
    ) == {late_first_contact.pk, callback.pk, foreign.pk}


def test_follow_up_form_and_done_button(municipality, submit_idea, contact, staff_client):
    initiative, _ = submit_idea(municipality)
    client = staff_client(contact)
    url = reverse("deadlines:follow_ups", kwargs={"municipality_slug": "voorbeeld", "pk": initiative.pk})
    assert client.get(url).status_code == 200
    invalid = client.post(url, {"kind": "terugbellen", "due_date": "morgen", "note": "Over de subsidie"})
    assert invalid.status_code == 400
    assert "Vul een datum in zoals 31-12-2026." in invalid.content.decode()
    assert "Over de subsidie" in invalid.content.decode()
    due = local_date() + timedelta(days=3)
    response = client.post(
        url, {"kind": "terugbellen", "due_date": due.isoformat(), "assigned_to": contact.pk, "note": "Over de subsidie"}
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.due_date, follow_up.assigned_to, follow_up.note) == (due, contact, "Over de subsidie")
    page = client.get(url).content.decode()
    assert "Over de subsidie" in page and "Markeer als gedaan" in page

    done_url = reverse(
        "deadlines:follow_up_done",
        kwargs={"municipality_slug": "voorbeeld", "pk": initiative.pk, "follow_up_id": follow_up.pk},
    )
    assert client.get(done_url).status_code == 405
    assert client.post(done_url).status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None
    assert "Markeer als gedaan" not in client.get(url).content.decode()


def test_follow_up_roles_and_tenancy(municipality, other_municipality, submit_idea, contact, staff_client):
    initiative, _ = submit_idea(municipality)
    other_initiative, _ = submit_idea(municipality, title="Ander idee")
    follow_up = services.follow_up_create(initiative=initiative, due_date=local_date(), actor=contact)
    department = DepartmentFactory(municipality=municipality, name="Vergunningen")
    colleague = StaffFactory(municipality=municipality, roles=[Role.DEPARTMENT], department=department, username="dirk")
    foreign = StaffFactory(municipality=other_municipality, roles=[Role.CONTACT, Role.COORDINATOR], username="otto")
    url = reverse("deadlines:follow_ups", kwargs={"municipality_slug": "voorbeeld", "pk": initiative.pk})
    assert staff_client(colleague).get(url).status_code == 403
    foreign_url = reverse("deadlines:follow_ups", kwargs={"municipality_slug": "anders", "pk": initiative.pk})
    assert staff_client(foreign).get(foreign_url).status_code == 404
    foreign_done = reverse(
        "deadlines:follow_up_done",
        kwargs={"municipality_slug": "anders", "pk": initiative.pk, "follow_up_id": follow_up.pk},
    )
    assert staff_client(foreign).post(foreign_done).status_code == 404
    # A follow-up id under the wrong initiative is a 404 too.
    wrong_initiative = reverse(
        "deadlines:follow_up_done",
        kwargs={"municipality_slug": "voorbeeld", "pk": other_initiative.pk, "follow_up_id": follow_up.pk},
    )
    assert staff_client(contact).post(wrong_initiative).status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.is_open


def test_the_confirmation_names_the_day_in_words(municipality, submit_idea, contact, staff_client):
    initiative, _ = submit_idea(municipality)
    client = staff_client(contact)
    url = reverse("deadlines:follow_ups", kwargs={"municipality_slug": "voorbeeld", "pk": initiative.pk})
    due = date(local_date().year + 1, 12, 7)
    data = {"kind": "terugbellen", "due_date": due.isoformat(), "assigned_to": contact.pk, "note": ""}
    page = client.post(url, data, follow=True).content.decode()
    assert f"Afspraak vastgelegd voor 7 december {due.year}." in page
