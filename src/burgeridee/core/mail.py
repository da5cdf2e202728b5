"""Sending one mail: the single place where the product hands a message to the mail server.

A mail is sent after the action that caused it was saved (`transaction.on_commit`). Whatever goes
wrong here, the saved action stands: the failure is logged and the caller learns it through the
return value, never through an exception that would turn the person's request into an error page.
A subject is one line: line breaks and runs of whitespace in it (a resident's title with a newline,
say) become one space, so the mail header is always valid.
"""

import logging
import re
from collections.abc import Iterable, Sequence

from django.core.mail import EmailMessage

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
) -> bool:
    """Send one plain-text mail; True when the mail server took it. `what` names it in the log."""
    recipients = [address for address in to if address]
    if not recipients:
        return False
    try:
        message = EmailMessage(subject_line(subject), body, None, recipients, reply_to=reply_to or None)
        for name, content, mimetype in attachments:
            message.attach(name, content, mimetype)
        message.send()
    except Exception:  # noqa: BLE001 - any failure of the mail server or of a header must not undo the action
        logger.exception("%s could not be sent", what)
        return False
    return True
