"""Retention: personal data is removed a set period after an initiative ends.

Each app that stores personal data about an initiative registers an anonymiser here. An anonymiser
takes the initiative and `dry_run`, and returns a list of human-readable lines saying what it
removed (or would remove). The initiative itself stays, anonymised, for statistics and as a possible
practice case.

Personal data that belongs to no initiative (a request for a workshop, say) has its own period; the
app registers a rule for it with `retention_rule`. `manage.py apply_retention` runs both.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

Anonymiser = Callable[..., list[str]]
_anonymisers: list[tuple[str, Anonymiser]] = []


def anonymiser(name: str):
    """Register a function `fn(*, initiative, dry_run) -> list[str]`."""

    def register(fn: Anonymiser) -> Anonymiser:
        _anonymisers.append((name, fn))
        return fn

    return register


RetentionRule = Callable[..., list[str]]
_rules: list[tuple[str, RetentionRule]] = []


def retention_rule(name: str):
    """Register a function `fn(*, now, dry_run) -> list[str]` for personal data outside initiatives.

    It removes what is past its period (or with dry_run only says what would go) and returns one
    human-readable line per group it removed.
    """

    def register(fn: RetentionRule) -> RetentionRule:
        _rules.append((name, fn))
        return fn

    return register


def retention_rules_apply(*, dry_run: bool, now: datetime | None = None) -> list[tuple[str, list[str]]]:
    """Run every registered rule; return (rule name, lines) for the rules that found something."""
    now = now or timezone.now()
    results = []
    for name, fn in _rules:
        with transaction.atomic():
            lines = fn(now=now, dry_run=dry_run)
        if lines:
            results.append((name, lines))
    return results


@dataclass
class RetentionResult:
    reference: str
    municipality: str
    closed_at: datetime
    removed: list[str] = field(default_factory=list)


def retention_due(*, now: datetime | None = None):
    """Closed initiatives whose retention period has passed and that still hold personal data."""
    from burgeridee.initiatives.models import Initiative

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
        for _name, fn in _anonymisers:
            removed.extend(fn(initiative=initiative, dry_run=False))
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
            for _name, fn in _anonymisers:
                result.removed.extend(fn(initiative=initiative, dry_run=True))
        else:
            result.removed = initiative_personal_data_remove(initiative=initiative, now=now)
        results.append(result)
    return results


def processing_log_prune(*, months: int, dry_run: bool, now: datetime | None = None) -> int:
    """Delete processing-log lines older than `months`; return how many (would) go."""
    from .models import ProcessingLogEntry

    cutoff = (now or timezone.now()) - relativedelta(months=months)
    old = ProcessingLogEntry.objects.filter(occurred_at__lt=cutoff)
    count = old.count()
    if not dry_run:
        old.delete()
    return count
