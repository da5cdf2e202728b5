"""The mail outbox holds whole mails (personal data, personal links): sent ones go after OUTBOX_RETENTION_DAYS,
ones that never arrived OUTBOX_FAILED_RETENTION_DAYS after they were written. `apply_retention` runs it."""

from datetime import timedelta

from django.conf import settings

from burgeridee.core.models import OutboxMail, OutboxStatus

from .retention import retention_rule


@retention_rule("mail outbox")
def outbox_prune(*, now, dry_run: bool) -> list[str]:
    sent = OutboxMail.objects.filter(
        status=OutboxStatus.SENT, sent_at__lt=now - timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    )
    failed = OutboxMail.objects.exclude(status=OutboxStatus.SENT).filter(
        created_at__lt=now - timedelta(days=settings.OUTBOX_FAILED_RETENTION_DAYS)
    )
    counts = (sent.count(), failed.count())
    if not dry_run:
        sent.delete()
        failed.delete()
    lines = []
    if counts[0]:
        lines.append(f"{counts[0]} sent mail(s) older than {settings.OUTBOX_RETENTION_DAYS} days")
    if counts[1]:
        lines.append(f"{counts[1]} undelivered mail(s) older than {settings.OUTBOX_FAILED_RETENTION_DAYS} days")
    return lines
