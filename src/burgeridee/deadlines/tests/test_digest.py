"""The daily digest: queued by `send_daily_digest`, sent by the django-tasks database worker."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import MembershipFactory, StaffFactory
from burgeridee.core.dates import local_date
from burgeridee.deadlines import services
from burgeridee.deadlines.digest import digest_for_membership, digest_list
from burgeridee.deadlines.tasks import daily_digest_send
from burgeridee.handovers.services import handover_ask
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.tests.factories import DepartmentFactory


def build(municipality, other_municipality, submit_idea):
    """Two municipalities with staff; who has what due today (or overdue)."""
    today = local_date()
    permits = DepartmentFactory(municipality=municipality, name="Vergunningen")
    karim = StaffFactory(municipality=municipality, roles=[Role.CONTACT], username="karim")
    carla = StaffFactory(municipality=municipality, roles=[Role.COORDINATOR, Role.CONTACT], username="carla")
    sanne = StaffFactory(municipality=municipality, roles=[Role.CONTACT], username="sanne")
    dirk = StaffFactory(municipality=municipality, roles=[Role.DEPARTMENT], department=permits, username="dirk")
    StaffFactory(municipality=municipality, roles=[Role.CONTACT], username="nomail", email="")
    otto = StaffFactory(municipality=other_municipality, roles=[Role.CONTACT], username="otto")
    # Karim also works for the other municipality, where nothing is due for him.
    MembershipFactory(user=karim, municipality=other_municipality, roles=[Role.CONTACT])

    first_contact, _ = submit_idea(municipality, title="Eerste contact vandaag")
    Initiative.objects.filter(pk=first_contact.pk).update(contact_person=karim, first_contact_due=today)
    callback, _ = submit_idea(municipality, title="Terugbellen over de AED")
    Initiative.objects.filter(pk=callback.pk).update(contact_person=karim, first_contact_due=today + timedelta(days=9))
    services.follow_up_create(
        initiative=callback, due_date=today - timedelta(days=2), actor=karim, assigned_to=karim, note="Over de kosten"
    )
    later, _ = submit_idea(municipality, title="Nog niet aan de beurt")
    Initiative.objects.filter(pk=later.pk).update(contact_person=sanne, first_contact_due=today + timedelta(days=3))
    services.follow_up_create(initiative=later, due_date=today + timedelta(days=1), actor=sanne, assigned_to=sanne)
    unassigned, _ = submit_idea(municipality, title="Zonder contactpersoon")
    Initiative.objects.filter(pk=unassigned.pk).update(first_contact_due=today - timedelta(days=1))
    handover_ask(
        initiative=callback,
        department=permits,
        question="Mag de AED aan de gevel?",
        due_date=today - timedelta(days=1),
        actor=karim,
    )
    elsewhere, _ = submit_idea(other_municipality, title="Speeltuin elders")
    Initiative.objects.filter(pk=elsewhere.pk).update(contact_person=otto, first_contact_due=today - timedelta(days=1))
    return {"today": today, "karim": karim, "carla": carla, "sanne": sanne, "dirk": dirk, "otto": otto}


@pytest.mark.django_db(transaction=True)
def test_command_queues_and_the_worker_sends_each_person_their_own_items(municipality, other_municipality, submit_idea):
    people = build(municipality, other_municipality, submit_idea)
    mail.outbox.clear()
    out = StringIO()
    call_command("send_daily_digest", "--date", people["today"].isoformat(), "--force", stdout=out)
    assert "queued" in out.getvalue()
    assert mail.outbox == []  # nothing is sent until the worker runs

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    by_person = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_person) == [
        "carla@voorbeeld.example",
        "dirk@voorbeeld.example",
        "karim@voorbeeld.example",
        "otto@anders.example",
    ]  # Sanne has nothing due today: no (empty) email; a user without an address gets none either
    karim = by_person["karim@voorbeeld.example"].body
    assert "Eerste contact vandaag" in karim
    assert "Terugbellen over de AED" in karim and "Over de kosten" in karim and "TE LAAT" in karim
    assert "Vragen aan afdelingen zonder antwoord" in karim and "Vergunningen" in karim
    assert "Zonder contactpersoon" not in karim and "Nog niet aan de beurt" not in karim
    assert "Speeltuin elders" not in karim  # nothing of another municipality
    assert "Gemeente Voorbeeld" in by_person["karim@voorbeeld.example"].subject

    carla = by_person["carla@voorbeeld.example"].body
    assert "Zonder contactpersoon" in carla and "Eerste contact vandaag" not in carla

    dirk = by_person["dirk@voorbeeld.example"].body
    assert "Mag de AED aan de gevel?" in dirk and "/werkplek/voorbeeld/overdrachten/" in dirk
    assert "Eerste contact vandaag" not in dirk

    otto = by_person["otto@anders.example"].body
    assert "Speeltuin elders" in otto
    assert "Voorbeeld" not in otto and "AED" not in otto

    for message in mail.outbox:  # no resident's personal data in any digest
        assert "Fatima" not in message.body and "fatima@example.org" not in message.body


@pytest.mark.django_db
def test_the_task_counts_sent_mails_and_sends_nothing_when_nothing_is_due(
    municipality, other_municipality, submit_idea, django_capture_on_commit_callbacks
):
    people = build(municipality, other_municipality, submit_idea)
    mail.outbox.clear()
    with (
        override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}),
        django_capture_on_commit_callbacks(execute=True),  # the outbox sends after the commit
    ):
        result = daily_digest_send.enqueue(today=people["today"].isoformat())
    assert result.return_value == 4 == len(mail.outbox)
    # Long before anything is due, nobody gets mail.
    mail.outbox.clear()
    assert digest_list(today=people["today"] - timedelta(days=30)) == []
    sanne = people["sanne"].memberships.get()
    assert digest_for_membership(membership=sanne, today=people["today"]).is_empty
    assert digest_for_membership(membership=sanne, today=people["today"] + timedelta(days=1)).count == 1


@pytest.mark.django_db
def test_no_digest_on_a_weekend_day(municipality):
    out = StringIO()
    call_command("send_daily_digest", "--date", "2026-11-28", stdout=out)  # a Saturday
    assert "not a working day" in out.getvalue()
