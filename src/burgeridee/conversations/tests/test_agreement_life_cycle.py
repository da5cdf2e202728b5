"""Agreements have a life cycle both sides can see: proposed, confirmed or disputed, running, done or dropped.

Each step records who took it and when; the resident and staff read the true state, and a disputed
agreement is never shown as running. When the initiative ends, open agreements are closed with a reason.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from burgeridee.conversations import selectors, services
from burgeridee.conversations.constants import AgreementStatus, ReportStatus
from burgeridee.conversations.models import Report
from burgeridee.initiatives import services as initiative_services
from burgeridee.initiatives.constants import Phase, StopReason
from burgeridee.initiatives.models import Initiative

from .helpers import base

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_report(planned, contact, django_capture_on_commit_callbacks):
    """The planned conversation held, its report with two agreements sent to the resident."""
    initiative, token, conversation = planned
    Initiative.objects.filter(pk=initiative.pk).update(contact_person=contact)
    services.conversation_mark_held(conversation=conversation, actor=contact, held_on=timezone.localdate())
    report = selectors.report_latest(conversation=conversation)
    services.report_update(
        report=report,
        summary="Een moestuin op het grasveld.",
        next_step="Kabels nagaan.",
        callback_date=timezone.localdate() + timedelta(days=10),
        municipal_roles=["faciliteren"],
        initiator_role="",
        agreements=[
            services.AgreementData(what="Kabels en leidingen nagaan", who="Gemeente (Karim)"),
            services.AgreementData(what="Handtekeningen verzamelen", who="Fatima"),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.report_send(report=report, actor=contact)
    return initiative, token, Report.objects.get(pk=report.pk)


def status_page(client, municipality, token) -> str:
    return client.get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()


def conversation_page(client, municipality, token) -> str:
    return client.get(f"/{municipality.slug}/mijn-initiatief/{token}/gesprek/").content.decode()


def respond(municipality, token, report, **notes):
    """The resident answers: every agreement 'klopt' except those given a note (by its `what`)."""
    data = {}
    for agreement in report.agreements.all():
        note = notes.get(agreement.what)
        data[f"response_{agreement.pk}"] = "opmerking" if note else "klopt"
        if note:
            data[f"note_{agreement.pk}"] = note
    return Client().post(f"/{municipality.slug}/mijn-initiatief/{token}/gesprek/", data)


def test_a_sent_agreement_waits_for_the_resident_and_is_not_running(client, municipality, sent_report):
    _, token, report = sent_report
    assert {a.status for a in report.agreements.all()} == {AgreementStatus.PROPOSED}
    page = status_page(client, municipality, token)
    assert "Wacht op uw reactie" in page
    assert ">loopt<" not in page and "Hier wordt aan gewerkt" not in page


def test_a_disputed_agreement_is_never_shown_as_running(client, municipality, sent_report):
    _, token, report = sent_report
    respond(municipality, token, report, **{"Handtekeningen verzamelen": "Joost doet dit, niet ik."})
    disputed = report.agreements.get(what="Handtekeningen verzamelen")
    agreed = report.agreements.get(what="Kabels en leidingen nagaan")
    assert disputed.status == AgreementStatus.DISPUTED
    assert agreed.status == AgreementStatus.CONFIRMED
    step = disputed.steps.last()
    assert (step.status, step.by_resident, step.actor) == (AgreementStatus.DISPUTED, True, None)
    for page in (status_page(client, municipality, token), conversation_page(client, municipality, token)):
        assert "Klopt niet volgens u" in page
        assert "U heeft dit bevestigd" in page
        assert "Hier wordt aan gewerkt" not in page


def test_a_confirmed_report_sets_its_agreements_running_with_who_and_when(client, municipality, sent_report):
    _, token, report = sent_report
    respond(municipality, token, report)
    for agreement in report.agreements.all():
        assert agreement.status == AgreementStatus.RUNNING
        assert [s.status for s in agreement.steps.all()] == [
            AgreementStatus.PROPOSED,
            AgreementStatus.CONFIRMED,
            AgreementStatus.RUNNING,
        ]
    page = status_page(client, municipality, token)
    assert "Hier wordt aan gewerkt" in page
    assert "u zei: klopt" in conversation_page(client, municipality, token)


def test_staff_mark_done_or_drop_with_a_reason_and_the_resident_sees_it(
    client, contact, contact_client, municipality, sent_report
):
    initiative, token, report = sent_report
    respond(municipality, token, report)
    cables = report.agreements.get(what="Kabels en leidingen nagaan")
    signatures = report.agreements.get(what="Handtekeningen verzamelen")
    url = base(municipality, initiative) + "opvolging/"

    # Dropping without a reason: a clear message, nothing changed.
    response = contact_client.post(url, {"agreement": signatures.pk, "action": "drop", "reason": "  "})
    assert response.status_code == 400
    assert "Schrijf op waarom deze afspraak vervalt." in response.content.decode()
    signatures.refresh_from_db()
    assert signatures.status == AgreementStatus.RUNNING

    contact_client.post(url, {"agreement": cables.pk, "action": "done"})
    contact_client.post(url, {"agreement": signatures.pk, "action": "drop", "reason": "De buren tekenen al online."})
    cables.refresh_from_db()
    signatures.refresh_from_db()
    assert cables.status == AgreementStatus.DONE and cables.done_at is not None
    assert signatures.status == AgreementStatus.DROPPED and signatures.reason == "De buren tekenen al online."
    assert signatures.steps.last().actor == contact
    assert initiative.events.filter(kind="afspraak_vervallen").exists()

    staff = contact_client.get(url).content.decode()
    assert "Vervallen" in staff and "De buren tekenen al online." in staff and "Karim Contact" in staff
    page = status_page(client, municipality, token)
    assert "Gedaan" in page and "Gaat niet door" in page and "De buren tekenen al online." in page
    assert "Hier wordt aan gewerkt" not in page

    # Back to open: the state before.
    contact_client.post(url, {"agreement": cables.pk, "action": "reopen"})
    cables.refresh_from_db()
    assert cables.status == AgreementStatus.RUNNING and cables.done_at is None


def test_closing_the_initiative_closes_open_agreements_with_a_reason(
    client, coordinator, municipality, sent_report, django_capture_on_commit_callbacks
):
    initiative, token, report = sent_report
    respond(municipality, token, report)
    cables = report.agreements.get(what="Kabels en leidingen nagaan")
    services.agreement_transition(agreement=cables, to=AgreementStatus.DONE, actor=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        initiative_services.initiative_phase_change(
            initiative=initiative, to_phase=Phase.STOPPED, actor=coordinator, stop_reason=StopReason.FUNDING_ENDED
        )
    cables.refresh_from_db()
    signatures = report.agreements.get(what="Handtekeningen verzamelen")
    assert cables.status == AgreementStatus.DONE  # done stays done
    assert signatures.status == AgreementStatus.DROPPED
    assert signatures.reason == "Het initiatief is gestopt."
    assert signatures.steps.last().actor == coordinator
    page = status_page(client, municipality, token)
    assert "Hier wordt aan gewerkt" not in page and "Het initiatief is gestopt." in page


def test_a_withdrawn_initiative_closes_the_agreements_awaiting_the_resident(client, municipality, sent_report):
    initiative, token, report = sent_report
    mail.outbox.clear()
    initiative_services.initiative_withdraw(initiative=initiative, note="Geen tijd meer.")
    assert {a.status for a in report.agreements.all()} == {AgreementStatus.DROPPED}
    step = report.agreements.first().steps.last()
    assert step.by_resident and step.reason == "Het initiatief is ingetrokken."
    # A closed initiative's report can no longer be answered.
    page = conversation_page(client, municipality, token)
    assert "Verstuur mijn reactie" not in page
    respond(municipality, token, report)
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SENT
