"""Writing follow-up deadlines. Each one lands on the initiative's (internal) time line."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from burgeridee.initiatives.models import Initiative
from burgeridee.records.services import event_record

from .constants import FollowUpKind
from .models import FollowUp


@transaction.atomic
def follow_up_create(
    *,
    initiative: Initiative,
    due_date: date,
    actor,
    kind: str = FollowUpKind.CALLBACK,
    assigned_to=None,
    note: str = "",
    now: datetime | None = None,
    source_key: str = "",
) -> FollowUp:
    """Record a date agreed with the resident (e.g. a callback), for `assigned_to` or the contact person."""
    now = now or timezone.now()
    follow_up = FollowUp.objects.create(
        source_key=source_key,
        municipality_id=initiative.municipality_id,
        initiative=initiative,
        kind=kind,
        due_date=due_date,
        assigned_to=assigned_to,
        note=note,
        created_by=actor,
        created_at=now,
    )
    event_record(
        initiative=initiative,
        kind="terugbellen_gepland",
        actor=actor,
        data={"follow_up_id": follow_up.pk, "kind": kind, "due_date": due_date.isoformat(), "note": note},
        visible_to_resident=False,
        at=now,
    )
    return follow_up


@transaction.atomic
def follow_up_complete(*, follow_up: FollowUp, actor, now: datetime | None = None) -> FollowUp:
    """Mark the follow-up as done."""
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.done_at is not None:
        raise ValidationError(_("Deze afspraak is al afgerond."))
    now = now or timezone.now()
    follow_up.done_at = now
    follow_up.done_by = actor
    follow_up.save(update_fields=["done_at", "done_by"])
    event_record(
        initiative=follow_up.initiative,
        kind="terugbellen_gedaan",
        actor=actor,
        data={"follow_up_id": follow_up.pk, "kind": follow_up.kind, "due_date": follow_up.due_date.isoformat()},
        visible_to_resident=False,
        at=now,
    )
    return follow_up


@transaction.atomic
def follow_up_promised(
    *, initiative: Initiative, due_date: date, actor, key: str, note: str = "", assigned_to=None
) -> FollowUp:
    """A callback promised elsewhere (the conversation report): made once per `key`; a new date for the same
    key moves the open one. A promise already kept on that date is not made again."""
    existing = FollowUp.objects.select_for_update().filter(initiative=initiative, source_key=key)
    same = existing.filter(due_date=due_date).first()
    if same is not None:
        return same
    follow_up = existing.filter(done_at__isnull=True).order_by("-created_at").first()
    if follow_up is None:
        return follow_up_create(
            initiative=initiative,
            due_date=due_date,
            actor=actor,
            kind=FollowUpKind.CALLBACK,
            assigned_to=assigned_to,
            note=note,
            source_key=key,
        )
    moved_from = follow_up.due_date
    follow_up.due_date = due_date
    follow_up.note = note or follow_up.note
    follow_up.save(update_fields=["due_date", "note"])
    event_record(
        initiative=initiative,
        kind="terugbellen_gepland",
        actor=actor,
        data={
            "follow_up_id": follow_up.pk,
            "kind": follow_up.kind,
            "due_date": due_date.isoformat(),
            "moved_from": moved_from.isoformat(),
            "note": follow_up.note,
        },
        visible_to_resident=False,
    )
    return follow_up
