"""Retention: personal data is removed a set period after an initiative ends.

Each app that stores personal data about an initiative registers an anonymiser, and an app with
personal data that belongs to no initiative (a request for a workshop, say) registers a retention
rule, both in the records foundation (`records/retention.py`). This module runs them: the initiative
itself stays, anonymised, for statistics and as a possible practice case. `manage.py apply_retention`
runs both, and prunes the processing log.
"""

from dataclasses import dataclass, field
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from burgeridee.initiatives.models import Initiative
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.records.retention import anonymisers, retention_rules


def retention_rules_apply(*, dry_run: bool, now: datetime | None = None) -> list[tuple[str, list[str]]]:
    """Run every registered rule; return (rule name, lines) for the rules that found something."""
    now = now or timezone.now()
    results = []
    for rule in retention_rules:
        with transaction.atomic():
            lines = rule.apply(now=now, dry_run=dry_run)
        if lines:
            results.append((rule.key, lines))
    return results


@dataclass
class RetentionResult:
    reference: str
    municipality: str
    closed_at: datetime
    removed: list[str] = field(default_factory=list)


def retention_due(*, now: datetime | None = None):
    """Closed initiatives whose retention period has passed and that still hold personal data."""
    now = now or timezone.now()
    candidates = (
        Initiative.objects.filter(closed_at__isnull=False, personal_data_removed_at__isnull=True)
        .select_related("municipality")
        .order_by("closed_at")
    )
    return [
        initiative
        for initiative in candidates.iterator(chunk_size=500)
        if initiative.closed_at + relativedelta(months=initiative.municipality.retention_months) <= now
    ]


def initiative_personal_data_remove(*, initiative, now: datetime | None = None) -> list[str]:
    """Remove the personal data of one initiative now (retention, or a confirmed deletion request)."""
    removed = []
    with transaction.atomic():
        for item in anonymisers:
            removed.extend(item.remove(initiative=initiative, dry_run=False))
        initiative.personal_data_removed_at = now or timezone.now()
        initiative.save(update_fields=["personal_data_removed_at"])
    return removed


def retention_apply(*, dry_run: bool, now: datetime | None = None) -> list[RetentionResult]:
    """Remove (or with dry_run only list) the personal data of every initiative that is due."""
    now = now or timezone.now()
    results = []
    for initiative in retention_due(now=now):
        result = RetentionResult(
            reference=initiative.reference, municipality=initiative.municipality.name, closed_at=initiative.closed_at
        )
        if dry_run:
            for item in anonymisers:
                result.removed.extend(item.remove(initiative=initiative, dry_run=True))
        else:
            result.removed = initiative_personal_data_remove(initiative=initiative, now=now)
        results.append(result)
    return results


def processing_log_prune(*, months: int, dry_run: bool, now: datetime | None = None) -> int:
    """Delete processing-log lines older than `months` (with the staff audit rows that name who acted);
    return how many (would) go."""
    cutoff = (now or timezone.now()) - relativedelta(months=months)
    old = ProcessingLogEntry.objects.filter(started_at__lt=cutoff)
    count = old.count()
    if not dry_run:
        old.delete()
    return count
