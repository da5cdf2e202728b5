"""Sending one mail: the single place where the product hands a message over for sending.

`mail_send` writes the mail to the outbox (core.outbox) in the caller's transaction: the mail exists
exactly when the action that caused it was saved, and is never lost when the mail server hiccups. A
worker (`manage.py db_worker`) sends it after the commit, with retries and back-off; a mail that keeps
failing is shown to the municipality's coordinators, who can resend it. With OUTBOX_SEND_ON_COMMIT
(the default outside production, so `make run` needs no worker) the process that wrote the mail also
tries it once right after the commit.

A subject is one line: line breaks and runs of whitespace in it (a resident's title with a newline,
say) become one space, so the mail header is always valid.
"""

import logging
import re
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

WHITESPACE = re.compile(r"\s+")


def subject_line(text: str) -> str:
    """One line, as a mail subject must be."""
    return WHITESPACE.sub(" ", str(text)).strip()


def mail_send(
    *,
    subject: str,
    body: str,
    to: Sequence[str],
    reply_to: Sequence[str] | None = None,
    attachments: Iterable[tuple[str, bytes | str, str]] = (),
    what: str = "mail",
    municipality=None,
) -> bool:
    """Queue one plain-text mail; True when it was stored for sending. `what` names it in the log and, with
    `municipality` (a Municipality or its id), to that municipality's coordinators if it does not arrive."""
    # Imported here: core.outbox imports the models, and this module is imported while apps load.
    from .outbox import outbox_write

    recipients = [address for address in to if address]
    if not recipients:
        return False
    mail = outbox_write(
        subject=subject_line(subject),
        body=body,
        to=recipients,
        reply_to=reply_to,
        attachments=attachments,
        what=what,
        municipality_id=getattr(municipality, "pk", municipality),
    )
    transaction.on_commit(lambda: _after_commit(mail.pk))
    return True


def _after_commit(mail_id: int) -> None:
    # Imported here for the same reason as in mail_send.
    from .outbox import outbox_deliver
    from .tasks import outbox_enqueue, outbox_schedule_retry

    if settings.OUTBOX_SEND_ON_COMMIT:
        try:
            if outbox_deliver(mail_ids=[mail_id])["failed"]:
                outbox_schedule_retry()
        except Exception:  # noqa: BLE001 - the row is stored: a worker or the sweep sends it
            logger.exception("Outbox mail %s could not be sent right away", mail_id)
        return
    outbox_enqueue(mail_id)
