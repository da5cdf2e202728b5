"""The mail outbox: every mail is a row written with the action that caused it; workers send the rows.

`outbox_write` stores a mail (core.mail.mail_send calls it inside the caller's transaction). A worker
task (`core.tasks.outbox_deliver_task`, run by `manage.py db_worker`) and the sweep in
`manage.py outbox_send` / `run_scheduled_jobs` call `outbox_deliver`, which

1. claims due rows in a short transaction (SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite's
   write transactions are exclusive anyway), marking them `sending` with a lease in its own name,
2. sends each one outside any transaction, with a Message-ID fixed when the mail was written,
3. marks it `sent`, or schedules the next attempt with exponential back-off; after OUTBOX_MAX_ATTEMPTS
   it is `failed` and waits for a coordinator (workspace: "Mail die niet aankwam") to resend it.

A row claimed by a worker that died is claimable again when its lease ends. Two workers never send
the same row: only one can hold the claim, and a worker only marks what it still holds.
"""

import base64
import logging
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.utils import is_locked_database_exception

from .models import OutboxMail, OutboxStatus

logger = logging.getLogger(__name__)


def _domain() -> str:
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host or "burgeridee.localhost"


def outbox_write(
    *,
    subject: str,
    body: str,
    to: Sequence[str],
    reply_to: Sequence[str] | None = None,
    attachments: Iterable[tuple[str, bytes | str, str]] = (),
    what: str = "mail",
    municipality_id: int | None = None,
) -> OutboxMail:
    """Store one mail to be sent; in the caller's transaction, so it exists exactly when the action does."""
    stored = []
    for name, content, mimetype in attachments:
        raw = content.encode() if isinstance(content, str) else content
        stored.append({"name": name, "content": base64.b64encode(raw).decode("ascii"), "mimetype": mimetype})
    return OutboxMail.objects.create(
        municipality_id=municipality_id,
        what=str(what)[:200],
        subject=subject[:998],
        body=body,
        to=list(to),
        reply_to=list(reply_to or []),
        attachments=stored,
        message_id=f"<{uuid.uuid4().hex}@{_domain()}>",
        next_attempt_at=timezone.now(),
    )


def backoff_delay(attempts: int, *, base_seconds: int, max_seconds: int) -> timedelta:
    """The wait after `attempts` failed tries: base, 2x base, 4x base, ... at most max_seconds. One rule for
    every queue that retries (mail, notifications, the case system)."""
    seconds = base_seconds * (2 ** max(attempts - 1, 0))
    return timedelta(seconds=min(seconds, max_seconds))


def retry_delay(attempts: int) -> timedelta:
    """The outbox's back-off, capped at OUTBOX_RETRY_MAX_SECONDS."""
    return backoff_delay(
        attempts, base_seconds=settings.OUTBOX_RETRY_BASE_SECONDS, max_seconds=settings.OUTBOX_RETRY_MAX_SECONDS
    )


def _lease() -> timedelta:
    # Long enough for one SMTP attempt to time out, short enough that a killed worker's mail goes out soon.
    return timedelta(seconds=max(settings.EMAIL_TIMEOUT * 3, 30))


def due_filter(now: datetime) -> Q:
    return Q(status=OutboxStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=OutboxStatus.SENDING, claimed_until__lt=now
    )


def _mark(mail_id: int, *, worker: str, **values) -> None:
    """Record the outcome of a send. It must not be lost (the mail would be sent again after the lease), so
    a locked SQLite database is waited for; PostgreSQL never reports a lock here."""
    for attempt in range(150):
        try:
            OutboxMail.objects.filter(pk=mail_id, claimed_by=worker).update(**values)
            return
        except OperationalError as error:
            if not is_locked_database_exception(error) or attempt == 149:
                raise
            time.sleep(0.2)


def outbox_claim(*, worker: str, now: datetime, mail_ids: Sequence[int] | None = None, limit: int = 50) -> list[int]:
    """Claim up to `limit` due mails for `worker`; returns their ids. Rows another worker holds are skipped."""
    try:
        return _claim(worker=worker, now=now, mail_ids=mail_ids, limit=limit)
    except OperationalError as error:
        if is_locked_database_exception(error):  # SQLite: another worker is claiming; try next round
            return []
        raise


def _claim(*, worker: str, now: datetime, mail_ids: Sequence[int] | None, limit: int) -> list[int]:
    with transaction.atomic():
        due = OutboxMail.objects.filter(due_filter(now))
        if mail_ids is not None:
            due = due.filter(pk__in=mail_ids)
        ids = list(
            due.select_for_update(skip_locked=True)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if not ids:
            return []
        OutboxMail.objects.filter(pk__in=ids).filter(due_filter(now)).update(
            status=OutboxStatus.SENDING, claimed_by=worker, claimed_until=now + _lease(), attempts=F("attempts") + 1
        )
        return list(OutboxMail.objects.filter(pk__in=ids, claimed_by=worker).values_list("pk", flat=True))


def _message(mail: OutboxMail) -> EmailMessage:
    message = EmailMessage(
        mail.subject,
        mail.body,
        None,
        mail.to,
        reply_to=mail.reply_to or None,
        headers={"Message-ID": mail.message_id},
    )
    for item in mail.attachments:
        content = base64.b64decode(item["content"])
        if item["mimetype"].startswith("text/"):
            content = content.decode("utf-8")
        message.attach(item["name"], content, item["mimetype"])
    return message


def _send_one(mail_id: int, *, worker: str) -> bool:
    mail = OutboxMail.objects.filter(pk=mail_id, claimed_by=worker, status=OutboxStatus.SENDING).first()
    if mail is None:
        return False
    try:
        _message(mail).send()
    except Exception as error:  # noqa: BLE001 - any failure of the mail server: try again later
        now = timezone.now()
        gave_up = mail.attempts >= settings.OUTBOX_MAX_ATTEMPTS
        # The error's class and text say what the server answered; never the addresses.
        text = f"{type(error).__name__}: {error}"
        for address in (*mail.to, *mail.reply_to):
            text = text.replace(address, "…")
        _mark(
            mail.pk,
            worker=worker,
            status=OutboxStatus.FAILED if gave_up else OutboxStatus.PENDING,
            next_attempt_at=now + retry_delay(mail.attempts),
            claimed_by="",
            claimed_until=None,
            last_error=text[:500],
        )
        log = logger.error if gave_up else logger.warning
        log("%s (outbox %s) not sent, attempt %s: %s", mail.what, mail.pk, mail.attempts, type(error).__name__)
        return False
    _mark(
        mail.pk,
        worker=worker,
        status=OutboxStatus.SENT,
        sent_at=timezone.now(),
        claimed_by="",
        claimed_until=None,
        last_error="",
    )
    return True


def outbox_deliver(*, mail_ids: Sequence[int] | None = None, limit: int = 50) -> dict[str, int]:
    """Send what is due (or only `mail_ids`, when due). Returns counts of sent and failed mails."""
    worker = get_random_string(24)
    claimed = outbox_claim(worker=worker, now=timezone.now(), mail_ids=mail_ids, limit=limit)
    sent = sum(1 for mail_id in claimed if _send_one(mail_id, worker=worker))
    return {"sent": sent, "failed": len(claimed) - sent}


def outbox_next_attempt() -> datetime | None:
    """When the earliest waiting mail is due (to schedule the next worker run), or None."""
    return (
        OutboxMail.objects.filter(status=OutboxStatus.PENDING)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )


def outbox_resend(*, mail: OutboxMail) -> None:
    """A coordinator sends a mail that did not arrive once more: it is due now with fresh attempts."""
    OutboxMail.objects.filter(pk=mail.pk).exclude(status=OutboxStatus.SENT).update(
        status=OutboxStatus.PENDING, attempts=0, next_attempt_at=timezone.now(), claimed_by="", claimed_until=None
    )


def outbox_stuck(*, municipality_id: int):
    """Mails of one municipality that did not go out: given up, or failed at least OUTBOX_ALERT_ATTEMPTS times."""
    return OutboxMail.objects.filter(municipality_id=municipality_id).filter(
        Q(status=OutboxStatus.FAILED)
        | Q(status__in=[OutboxStatus.PENDING, OutboxStatus.SENDING], attempts__gte=settings.OUTBOX_ALERT_ATTEMPTS)
    )
