"""The report: sent to the resident, confirmed or commented per agreement, frozen, revised, confirmed again."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.conversations import selectors, services
from burgeridee.conversations.constants import AgreementResponse, ReportStatus, TaskKind
from burgeridee.conversations.models import Report

from .helpers import base

pytestmark = pytest.mark.django_db


def report_post(**overrides):
    data = {
        "summary": "Fatima wil met de buren een moestuin op het grasveld.",
        "municipal_roles": ["faciliteren", "reguleren"],
        "initiator_role": "De kopgroep regelt de tuin en het onderhoud.",
        "next_step": "De gemeente zoekt uit of er kabels liggen.",
        "callback_date": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "agreement_0_what": "Kabels en leidingen nagaan",
        "agreement_0_who": "Gemeente (Karim)",
        "agreement_0_due": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "agreement_1_what": "Handtekeningen van de buren verzamelen",
        "agreement_1_who": "Fatima",
        "agreement_1_due": (timezone.localdate() + timedelta(days=21)).isoformat(),
        # Sending the report of a conversation not marked held asks the day it was held.
        "held_on": timezone.localdate().isoformat(),
    }
    data.update(overrides)
    return data


def resident_link(message) -> str:
    return re.search(r"http://\S+(/voorbeeld/mijn-initiatief/\S+/gesprek/)", message.body).group(1)


def test_report_starts_from_the_notes_and_is_frozen_once_sent(
    contact_client, municipality, planned, django_capture_on_commit_callbacks
):
    initiative, _, conversation = planned
    services.conversation_save(
        conversation=conversation,
        captures={"summary": "Samenvatting uit het gesprek", "next_step": "Kabels nagaan"},
        municipal_roles=["faciliteren"],
        agreements=[{"what": "Kabels nagaan", "who": "Karim", "due": ""}],
    )
    page = contact_client.get(base(municipality, initiative) + "verslag/").content.decode()
    assert "Samenvatting uit het gesprek" in page and 'value="Kabels nagaan"' in page

    # Missing 'who' for an agreement: 400, everything kept.
    response = contact_client.post(
        base(municipality, initiative) + "verslag/", report_post(agreement_1_who="", send="1")
    )
    assert response.status_code == 400
    assert "Vul in wie dit doet." in response.content.decode()
    assert "Handtekeningen van de buren verzamelen" in response.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        contact_client.post(base(municipality, initiative) + "verslag/", report_post(send="1"))
    report = Report.objects.get(conversation=conversation)
    assert report.status == ReportStatus.SENT and report.is_frozen
    assert [a.what for a in report.agreements.all()] == [
        "Kabels en leidingen nagaan",
        "Handtekeningen van de buren verzamelen",
    ]
    assert len(mail.outbox) == 1 and "kloppen de afspraken" in mail.outbox[0].subject
    assert initiative.events.filter(kind="verslag_verstuurd").exists()
    # Sending confirms in writing; the callback is the deadlines app's appointment, not a task here too.
    tasks = {t.kind: t for t in conversation.tasks.all()}
    assert tasks[TaskKind.CONFIRM_IN_WRITING].done_at is not None
    assert TaskKind.CALL_BACK not in tasks

    # A frozen report does not change, not even by a post.
    contact_client.post(base(municipality, initiative) + "verslag/", report_post(summary="Anders"))
    report.refresh_from_db()
    assert report.summary.startswith("Fatima wil")
    with pytest.raises(services.NotEditable):
        services.report_update(
            report=report,
            summary="x",
            next_step="x",
            callback_date=report.callback_date,
            municipal_roles=[],
            initiator_role="",
            agreements=[],
        )


def test_resident_comments_then_confirms_the_revised_version(
    contact_client, municipality, planned, django_capture_on_commit_callbacks
):
    client = Client()  # the resident, not logged in
    initiative, token, conversation = planned
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        contact_client.post(base(municipality, initiative) + "verslag/", report_post(send="1"))
    v1 = Report.objects.get(conversation=conversation)
    first, second = v1.agreements.all()
    link = resident_link(mail.outbox[0])

    page = client.get(link)
    assert page.status_code == 200
    assert "Kabels en leidingen nagaan" in page.content.decode()
    # Saying 'not right' without saying what: an error, the choice kept.
    response = client.post(link, {f"response_{first.pk}": "klopt", f"response_{second.pk}": "opmerking"})
    assert response.status_code == 400
    assert "Schrijf op wat er niet klopt." in response.content.decode()

    client.post(
        link,
        {
            f"response_{first.pk}": "klopt",
            f"response_{second.pk}": "opmerking",
            f"note_{second.pk}": "Joost verzamelt de handtekeningen, niet ik.",
        },
    )
    v1.refresh_from_db()
    assert v1.status == ReportStatus.COMMENTED
    assert v1.agreements.get(pk=second.pk).resident_comment == "Joost verzamelt de handtekeningen, niet ik."
    assert initiative.events.filter(kind="verslag_opmerkingen").exists()
    # Answering twice is not possible.
    client.post(link, {f"response_{first.pk}": "klopt", f"response_{second.pk}": "klopt"})
    v1.refresh_from_db()
    assert v1.status == ReportStatus.COMMENTED

    # The civil servant makes a new version, changes it and sends it.
    contact_client.post(base(municipality, initiative) + "verslag/", {"new_version": "1"})
    page = contact_client.get(base(municipality, initiative) + "verslag/").content.decode()
    assert "Joost verzamelt de handtekeningen, niet ik." in page  # the comment is shown with version 1
    with django_capture_on_commit_callbacks(execute=True):
        contact_client.post(base(municipality, initiative) + "verslag/", report_post(agreement_1_who="Joost", send="1"))
    v2 = Report.objects.get(conversation=conversation, version=2)
    v1.refresh_from_db()
    assert v2.status == ReportStatus.SENT and v1.status == ReportStatus.SUPERSEDED
    assert v1.agreements.get(pk=second.pk).who == "Fatima"  # the old version is untouched

    # The resident confirms, from their own status link this time.
    status_link = f"/{municipality.slug}/mijn-initiatief/{token}/gesprek/"
    a, b = v2.agreements.all()
    client.post(status_link, {f"response_{a.pk}": "klopt", f"response_{b.pk}": "klopt"})
    v2.refresh_from_db()
    assert v2.status == ReportStatus.CONFIRMED and v2.responded_at is not None
    assert all(x.response == AgreementResponse.AGREED for x in v2.agreements.all())
    assert initiative.events.filter(kind="verslag_bevestigd").exists()
    content = client.get(status_link).content.decode()
    assert "U heeft dit verslag bevestigd" in content


def test_resident_links_only_open_their_own_initiative(client, municipality, other_municipality, planned):
    assert client.get(f"/{municipality.slug}/mijn-initiatief/verkeerd/gesprek/").status_code == 404
    _, token, _ = planned
    assert client.get(f"/{other_municipality.slug}/mijn-initiatief/{token}/gesprek/").status_code == 404


def test_reminder_after_n_working_days_once(contact_client, municipality, planned, django_capture_on_commit_callbacks):
    initiative, _, conversation = planned
    with django_capture_on_commit_callbacks(execute=True):
        contact_client.post(base(municipality, initiative) + "verslag/", report_post(send="1"))
    report = Report.objects.get(conversation=conversation)
    mail.outbox.clear()
    assert services.report_reminders_send(after_working_days=5) == 0  # just sent
    Report.objects.filter(pk=report.pk).update(sent_at=timezone.now() - timedelta(days=10))
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        call_command("send_report_reminders", after_working_days=5, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1 and "Herinnering" in mail.outbox[0].subject
    assert "/gesprek/" in mail.outbox[0].body
    assert initiative.events.filter(kind="verslag_herinnering").count() == 1
    assert services.report_reminders_send(after_working_days=5) == 0  # only once


def test_agreements_are_followed_and_overdue_ones_stand_out_for_both(
    client, contact_client, municipality, planned, django_capture_on_commit_callbacks
):
    initiative, token, conversation = planned
    with django_capture_on_commit_callbacks(execute=True):
        contact_client.post(base(municipality, initiative) + "verslag/", report_post(send="1"))
    report = Report.objects.get(conversation=conversation)
    late, later = report.agreements.all()
    late.due_date = timezone.localdate() - timedelta(days=1)
    late.save()
    assert [a.pk for a in selectors.agreements_overdue(municipality=municipality)] == [late.pk]

    staff_page = contact_client.get(base(municipality, initiative) + "opvolging/").content.decode()
    assert staff_page.count("te laat") == 1
    resident_page = client.get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()
    assert "te laat" in resident_page

    contact_client.post(base(municipality, initiative) + "opvolging/", {"agreement": late.pk, "done": "1"})
    late.refresh_from_db()
    assert late.done_at is not None
    assert selectors.agreements_overdue(municipality=municipality) == []
    assert initiative.events.filter(kind="afspraak_gedaan").exists()
    assert "te laat" not in client.get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()

    # A task can be ticked off too; the inbox selector lists only open ones.
    task = conversation.tasks.get(kind=TaskKind.HAND_OVER)
    open_before = len(selectors.tasks_open(municipality=municipality))
    contact_client.post(base(municipality, initiative) + "opvolging/", {"task": task.pk, "done": "1"})
    assert len(selectors.tasks_open(municipality=municipality)) == open_before - 1


def test_reflection_is_private_and_only_totals_leave_it(client, contact_client, municipality, planned):
    initiative, _, conversation = planned
    contact_client.post(
        base(municipality, initiative) + "reflectie/",
        {"facilitation": "overgenomen", "pitfalls_felt": ["V1", "V8"], "note": "Ik beloofde te veel."},
    )
    # One person's answers are not shown as "totals": they would not be anonymous.
    assert selectors.reflection_totals(municipality=municipality)["enough"] is False
    colleague = StaffFactory(municipality=municipality, roles=[Role.CONTACT, Role.COORDINATOR], username="sanne")
    login_with_second_factor(colleague, client)
    page = client.get(base(municipality, initiative) + "reflectie/").content.decode()
    assert "Ik beloofde te veel." not in page  # another colleague does not see it
    overview = client.get(f"/werkplek/{municipality.slug}/gespreksmodel/").content.decode()
    assert "Nog te weinig reflecties" in overview
    services.reflection_save(
        user=colleague, conversation=conversation, facilitation="gefaciliteerd", pitfalls_felt=["V8"]
    )
    third = StaffFactory(municipality=municipality, roles=[Role.CONTACT, Role.COORDINATOR], username="piet")
    services.reflection_save(user=third, conversation=conversation, facilitation="gefaciliteerd", pitfalls_felt=[])
    totals = selectors.reflection_totals(municipality=municipality)
    assert totals["count"] == 3
    assert ("V8", "Vaag over mogelijkheden", 2) in totals["pitfalls"]
    assert ("Ik heb vooral gefaciliteerd", 2) in totals["facilitation"]
    overview = client.get(f"/werkplek/{municipality.slug}/gespreksmodel/").content.decode()
    assert "3 reflecties" in overview and "Ik beloofde te veel." not in overview
