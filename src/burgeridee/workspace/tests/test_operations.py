"""Operating it: the coordinator sees mail that did not arrive and resends it; JSON logs name the request,
the municipality and the user but no resident; the outbox forgets sent mail after its retention period."""

import json
import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.core.models import OutboxMail, OutboxStatus
from burgeridee.core.observability import json_formatter
from burgeridee.core.outbox import outbox_deliver
from burgeridee.privacy.retention import retention_rules_apply

pytestmark = pytest.mark.django_db


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("451 try again later")


def stuck_mail(municipality, **fields):
    return OutboxMail.objects.create(
        municipality_id=municipality.pk,
        subject="Uw idee BI-2026-000001 is ontvangen",
        body="Uw persoonlijke link: https://x/mijn-initiatief/geheim/",
        to=["fatima@example.org"],
        message_id=f"<{fields.pop('key', 'a')}@test>",
        next_attempt_at=timezone.now(),
        **{"status": OutboxStatus.FAILED, "attempts": 12, "last_error": "SMTPDataError: (451, b'later')", **fields},
    )


def test_a_resident_confirmation_survives_a_mail_server_outage_and_a_coordinator_can_resend_it(
    client, municipality, staff_client_factory, django_capture_on_commit_callbacks
):
    with (
        override_settings(
            EMAIL_BACKEND="burgeridee.workspace.tests.test_operations.RefusingBackend",
            OUTBOX_MAX_ATTEMPTS=1,
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            f"/{municipality.slug}/idee/",
            {
                "title": "Buurtmoestuin",
                "description": "Samen groente kweken op het grasveld.",
                "target_group": "Iedereen in de straat",
                "neighbourhood": str(municipality.neighbourhoods.first().pk),
                "theme": "leefbaar",
                "support_types": ["materialen"],
                "name": "Fatima Bakker",
                "email": "fatima@example.org",
                "preferred_contact": "email",
            },
        )
    assert response.status_code in (200, 302)
    confirmation = OutboxMail.objects.get()
    assert confirmation.status == OutboxStatus.FAILED and confirmation.municipality_id == municipality.pk
    assert "/mijn-initiatief/" in confirmation.body  # the status link is kept until it is delivered

    coordinator = staff_client_factory(municipality, Role.COORDINATOR)
    page = coordinator.get(f"/werkplek/{municipality.slug}/mail/")
    text = page.content.decode()
    assert page.status_code == 200
    assert confirmation.subject in text and "Opnieuw versturen" in text
    assert "fatima@example.org" not in text and "/mijn-initiatief/" not in text
    assert (
        f'href="/werkplek/{municipality.slug}/mail/"'
        in coordinator.get(f"/werkplek/{municipality.slug}/").content.decode()
    )

    resent = coordinator.post(f"/werkplek/{municipality.slug}/mail/{confirmation.pk}/opnieuw/")
    assert resent.status_code == 302
    assert outbox_deliver() == {"sent": 1, "failed": 0}
    assert [m.to for m in mail.outbox] == [["fatima@example.org"]]
    assert "/mijn-initiatief/" in mail.outbox[0].body
    assert "Alle mail is aangekomen" in coordinator.get(f"/werkplek/{municipality.slug}/mail/").content.decode()


def test_only_coordinators_of_the_same_municipality_see_and_resend(
    municipality, other_municipality, staff_client_factory
):
    mine = stuck_mail(municipality, key="mine")
    theirs = stuck_mail(other_municipality, key="theirs")
    coordinator = staff_client_factory(municipality, Role.COORDINATOR)
    assert coordinator.post(f"/werkplek/{municipality.slug}/mail/{theirs.pk}/opnieuw/").status_code == 404
    assert OutboxMail.objects.get(pk=theirs.pk).status == OutboxStatus.FAILED
    contact = staff_client_factory(municipality, Role.CONTACT)
    assert contact.get(f"/werkplek/{municipality.slug}/mail/").status_code == 403
    assert contact.post(f"/werkplek/{municipality.slug}/mail/{mine.pk}/opnieuw/").status_code == 403


def test_sent_mail_is_deleted_after_the_retention_period_and_stuck_mail_later(municipality):
    now = timezone.now()
    old_sent = stuck_mail(municipality, key="1", status=OutboxStatus.SENT, sent_at=now - timedelta(days=8))
    new_sent = stuck_mail(municipality, key="2", status=OutboxStatus.SENT, sent_at=now - timedelta(days=6))
    old_stuck = stuck_mail(municipality, key="3")
    OutboxMail.objects.filter(pk=old_stuck.pk).update(created_at=now - timedelta(days=31))
    new_stuck = stuck_mail(municipality, key="4")
    dry = dict(retention_rules_apply(dry_run=True, now=now))
    assert OutboxMail.objects.count() == 4 and len(dry["mail outbox"]) == 2
    retention_rules_apply(dry_run=False, now=now)
    assert set(OutboxMail.objects.values_list("pk", flat=True)) == {new_sent.pk, new_stuck.pk}
    assert not OutboxMail.objects.filter(pk__in=[old_sent.pk, old_stuck.pk]).exists()


def test_a_json_log_line_names_request_municipality_and_user_but_no_resident(
    municipality, staff_client_factory, submit_idea
):
    initiative, _ = submit_idea(municipality)  # Fatima Bakker, fatima@example.org (the defaults)
    coordinator = staff_client_factory(municipality, Role.COORDINATOR)
    lines = []

    class Capture(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Capture()
    handler.setFormatter(json_formatter())
    request_logger = logging.getLogger("burgeridee.request")
    request_logger.addHandler(handler)
    try:
        with override_settings(LOG_FORMAT="json"):
            response = coordinator.get(
                f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/?q=Fatima",
                HTTP_TRACEPARENT="00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            )
    finally:
        request_logger.removeHandler(handler)
    assert response.status_code == 200
    (line,) = lines
    record = json.loads(line)
    assert record["request_id"] == "0af7651916cd43dd8448eb211c80319c"
    assert record["municipality"] == municipality.slug
    assert record["user_id"] == coordinator.user.pk
    assert record["status"] == 200 and record["level"] == "info" and "timestamp" in record
    assert record["path"] == f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/"
    for personal in ("Fatima", "fatima@example.org", "Bakker", "127.0.0.1"):
        assert personal not in line
