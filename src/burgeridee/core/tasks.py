"""Background tasks of the ground layer. The worker runs them: `manage.py db_worker`."""

import logging

from django.utils import timezone
from django_tasks import task

from .outbox import outbox_deliver, outbox_next_attempt

logger = logging.getLogger(__name__)


@task()
def outbox_deliver_task(mail_ids: list[int] | None = None) -> dict[str, int]:
    """Send the outbox's due mails (`mail_ids` first). A mail that failed is tried again later: the task
    queues itself for the moment the earliest waiting mail is due, so retries need no cron."""
    result = outbox_deliver(mail_ids=mail_ids)
    if mail_ids is not None:
        # Whatever else is due goes along (a mail whose first task was lost, e.g. a killed worker's).
        more = outbox_deliver()
        result = {key: result[key] + more[key] for key in result}
    outbox_schedule_retry()
    return result


def outbox_schedule_retry() -> None:
    """Queue a delivery run for when the earliest waiting mail is due (if one waits for later)."""
    due = outbox_next_attempt()
    if due is not None and due > timezone.now():
        outbox_deliver_task.using(run_after=due).enqueue()


def outbox_enqueue(mail_id: int) -> None:
    """After the commit: hand the mail to a worker. If that fails the mail waits for the next sweep."""
    try:
        outbox_deliver_task.enqueue(mail_ids=[mail_id])
    except Exception:  # noqa: BLE001 - the row is stored; `outbox_send` / run_scheduled_jobs picks it up
        logger.exception("Outbox mail %s could not be queued; the next sweep sends it", mail_id)
