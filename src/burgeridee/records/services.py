"""Recording what happened: one function writes every time-line event."""

from datetime import datetime

from django.utils import timezone

from .events import event_type_get
from .models import TimelineEvent


def event_record(
    *,
    initiative,
    kind: str,
    actor=None,
    data: dict | None = None,
    visible_to_resident: bool | None = None,
    at: datetime | None = None,
) -> TimelineEvent:
    """Write one event on `initiative`'s time line. Runs inside the caller's transaction.

    `kind` must be registered in `records.events.event_types` (UnknownEventKind otherwise).
    `visible_to_resident` defaults to whether the kind concerns the resident at all; a kind without a
    resident text cannot be shown to the resident.
    """
    event_type = event_type_get(kind)
    if visible_to_resident is None:
        visible_to_resident = event_type.concerns_resident
    elif visible_to_resident and not event_type.concerns_resident:
        raise ValueError(f"The time-line event kind {kind!r} has no resident text; it cannot be shown to the resident.")
    return TimelineEvent.objects.create(
        initiative=initiative,
        kind=event_type.key,
        actor=actor,
        data=data or {},
        visible_to_resident=visible_to_resident,
        created_at=at or timezone.now(),
    )
