"""The mail outbox against a real SMTP server on loopback: no mail lost, none sent twice."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import OperationalError, connection, transaction
from django.test import override_settings
from django.utils import timezone

from burgeridee.core.mail import mail_send
from burgeridee.core.models import OutboxMail, OutboxStatus
from burgeridee.core.outbox import outbox_claim, outbox_deliver, outbox_resend, outbox_stuck, retry_delay
from burgeridee.testing.servers import smtp_server


def smtp_settings(port: int, **more):
    values = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_TIMEOUT": 5,
        "OUTBOX_SEND_ON_COMMIT": False,
    }
    return override_settings(**{**values, **more})


def queue(count: int, **kwargs) -> list[int]:
    for number in range(count):
        mail_send(subject=f"Mail {number}", body=f"Hallo {number}", to=[f"bewoner{number}@example.org"], **kwargs)
    return list(OutboxMail.objects.order_by("pk").values_list("pk", flat=True))


@pytest.mark.django_db
def test_a_mail_is_stored_with_its_action_and_gone_when_the_action_rolls_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        mail_send(subject="Bevestiging", body="Uw link", to=["a@example.org"])
        assert OutboxMail.objects.count() == 1
        raise RuntimeError("the action fails")
    assert OutboxMail.objects.count() == 0
    mail_send(subject="Twee\nregels", body="Uw link", to=["a@example.org", ""], municipality=7)
    stored = OutboxMail.objects.get()
    assert (stored.subject, stored.to, stored.municipality_id, stored.status) == (
        "Twee regels",
        ["a@example.org"],
        7,
        OutboxStatus.PENDING,
    )
    assert mail_send(subject="Niemand", body="", to=[""]) is False


@pytest.mark.django_db
def test_the_worker_task_is_queued_after_the_commit(django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with override_settings(OUTBOX_SEND_ON_COMMIT=False), django_capture_on_commit_callbacks(execute=True):
        mail_send(subject="Bevestiging", body="Uw link", to=["a@example.org"])
    task = DBTaskResult.objects.get()
    assert task.task_path == "burgeridee.core.tasks.outbox_deliver_task"
    assert task.args_kwargs["kwargs"] == {"mail_ids": [OutboxMail.objects.get().pk]}
    assert mail.outbox == []


@pytest.mark.django_db
def test_while_smtp_refuses_mail_waits_and_afterwards_every_mail_arrives_exactly_once():
    """The server refuses everything for 2 s (the cluster test: 30-60 s); the worker keeps trying with
    back-off. Afterwards each mail is delivered once, with the Message-ID it was given when written."""
    with (
        smtp_server(refuse_for=2.0) as (port, server),
        smtp_settings(port, OUTBOX_RETRY_BASE_SECONDS=0, OUTBOX_MAX_ATTEMPTS=1000),
    ):
        ids = queue(5, attachments=[("uitnodiging.ics", "BEGIN:VCALENDAR", "text/calendar")])
        deadline = time.monotonic() + 30
        while OutboxMail.objects.exclude(status=OutboxStatus.SENT).exists():
            assert time.monotonic() < deadline, "mail was not delivered after the server came back"
            outbox_deliver()
            time.sleep(0.2)
        received = server.message_ids()
    assert server.refused >= 5
    stored = dict(OutboxMail.objects.values_list("message_id", "attempts"))
    assert received == dict.fromkeys(stored, 1)
    assert all(attempts >= 2 for attempts in stored.values())
    first = next(m for m in server.messages if m["Message-ID"] == OutboxMail.objects.get(pk=ids[0]).message_id)
    assert first["Subject"] == "Mail 0"
    assert [part.get_filename() for part in first.walk() if part.get_filename()] == ["uitnodiging.ics"]


@pytest.mark.django_db
def test_a_refused_mail_is_tried_again_later_with_growing_pauses():
    with smtp_server(refuse_first=100) as (port, _server), smtp_settings(port, OUTBOX_RETRY_BASE_SECONDS=30):
        (mail_id,) = queue(1)
        assert outbox_deliver() == {"sent": 0, "failed": 1}
        row = OutboxMail.objects.get(pk=mail_id)
        assert row.status == OutboxStatus.PENDING and row.attempts == 1
        assert "451" in row.last_error and "bewoner0@example.org" not in row.last_error
        assert timedelta(seconds=25) < row.next_attempt_at - timezone.now() <= timedelta(seconds=30)
        assert outbox_deliver() == {"sent": 0, "failed": 0}  # not due yet
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert retry_delay(30).total_seconds() == 3600


@pytest.mark.django_db
def test_a_mail_that_keeps_failing_stops_and_waits_for_a_coordinator_who_resends_it():
    with (
        smtp_server(refuse_first=3) as (port, server),
        smtp_settings(port, OUTBOX_RETRY_BASE_SECONDS=0, OUTBOX_MAX_ATTEMPTS=3, OUTBOX_ALERT_ATTEMPTS=2),
    ):
        (mail_id,) = queue(1, municipality=42)
        for _ in range(5):
            outbox_deliver()
        row = OutboxMail.objects.get(pk=mail_id)
        assert (row.status, row.attempts) == (OutboxStatus.FAILED, 3)
        assert list(outbox_stuck(municipality_id=42)) == [row]
        assert list(outbox_stuck(municipality_id=43)) == []
        outbox_resend(mail=row)
        assert outbox_deliver() == {"sent": 1, "failed": 0}
        assert list(outbox_stuck(municipality_id=42)) == []
        assert sum(server.message_ids().values()) == 1


@pytest.mark.django_db
def test_a_claimed_mail_is_not_claimed_again_until_its_lease_ends():
    (mail_id,) = queue(1)
    now = timezone.now()
    assert outbox_claim(worker="a", now=now) == [mail_id]
    assert outbox_claim(worker="b", now=now) == []
    # Worker a died while sending: after the lease another worker takes the mail over.
    assert outbox_claim(worker="b", now=now + timedelta(minutes=10)) == [mail_id]


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_never_send_a_mail_twice():
    # EMAIL_TIMEOUT 1: a mail whose claim was cut short by a lock is claimable again after 30 s.
    with smtp_server() as (port, server), smtp_settings(port, EMAIL_TIMEOUT=1):
        queue(40)
        errors = []

        deadline = time.monotonic() + 120

        def worker():
            try:
                while time.monotonic() < deadline:
                    try:
                        if not OutboxMail.objects.exclude(status=OutboxStatus.SENT).exists():
                            return
                        outbox_deliver(limit=3)
                    except OperationalError as error:  # the test's shared in-memory SQLite locks whole tables
                        if "locked" not in str(error):
                            raise
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=150)
        received = server.message_ids()
    assert errors == []
    assert OutboxMail.objects.filter(status=OutboxStatus.SENT).count() == 40
    assert len(received) == 40 and set(received.values()) == {1}


@pytest.mark.django_db
def test_send_on_commit_delivers_right_away_outside_production(django_capture_on_commit_callbacks):
    with override_settings(OUTBOX_SEND_ON_COMMIT=True), django_capture_on_commit_callbacks(execute=True):
        mail_send(subject="Bevestiging", body="Uw link", to=["a@example.org"])
    assert [m.subject for m in mail.outbox] == ["Bevestiging"]
    assert OutboxMail.objects.get().status == OutboxStatus.SENT
    assert mail.outbox[0].extra_headers["Message-ID"] == OutboxMail.objects.get().message_id
