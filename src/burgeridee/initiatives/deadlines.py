"""`Initiative.next_deadline`: the earliest deadline still open, kept as a column.

Every registered overdue condition (initiatives.selectors.overdue_conditions: the first contact here; callbacks
and hand-overs from the deadlines app; a challenge's decision from the challenges app) also says its deadline as
a date expression and which models change it (`sources`). A save or delete of any of those models refreshes the
column of its initiative in the same transaction (one UPDATE, `deadlines_refresh`), so an initiative is late
exactly when `next_deadline < today` and it is open: the inbox reads one indexed column instead of evaluating
every condition for every initiative of the municipality. The column holds a date, not a yes/no, so it does not
go stale at midnight; the daily job `refresh_deadlines` (core.scheduling) only repairs rows written past the
model (a queryset `update()`, a bulk load) and says how many it repaired. `deadlines_stale()` lists them; the
tests compare the column with the computed definition (`overdue_q`) after every service.
"""

from datetime import date

from django.db.models import Case, DateField, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Least, NullIf

from .constants import CLOSED_PHASES
from .models import Initiative
from .selectors import overdue_conditions

FAR = date(9999, 12, 31)  # stands for "no deadline" inside LEAST (SQLite's MIN(a, b) is NULL when one is)


def next_deadline_expression():
    """The earliest open deadline of an Initiative row over every registered condition; NULL when closed."""
    parts = [
        Coalesce(condition.deadline(), Value(FAR), output_field=DateField())
        for condition in overdue_conditions
        if condition.deadline is not None
    ]
    earliest = parts[0] if len(parts) == 1 else Least(*parts, output_field=DateField())
    return Case(
        When(phase__in=CLOSED_PHASES, then=Value(None)),
        default=NullIf(earliest, Value(FAR), output_field=DateField()),
        output_field=DateField(),
    )


def deadlines_refresh(*, initiative_ids) -> int:
    """Recompute `next_deadline` of these initiatives (one UPDATE)."""
    return Initiative.objects.filter(pk__in=list(initiative_ids)).update(next_deadline=next_deadline_expression())


def deadlines_stale(queryset: QuerySet | None = None) -> QuerySet:
    """Initiatives whose stored `next_deadline` differs from what the conditions say now."""
    queryset = Initiative.objects.all() if queryset is None else queryset
    fresh = queryset.annotate(fresh_deadline=next_deadline_expression())
    differs = (
        Q(next_deadline__isnull=True, fresh_deadline__isnull=False)
        | Q(next_deadline__isnull=False, fresh_deadline__isnull=True)
        | (Q(next_deadline__isnull=False, fresh_deadline__isnull=False) & ~Q(next_deadline=F("fresh_deadline")))
    )
    return fresh.filter(differs)


def deadlines_repair(queryset: QuerySet | None = None) -> int:
    """Refresh every initiative whose column is stale (the daily job; also after a bulk load). Returns how many."""
    stale = list(deadlines_stale(queryset).values_list("pk", flat=True))
    for start in range(0, len(stale), 1000):
        deadlines_refresh(initiative_ids=stale[start : start + 1000])
    return len(stale)


def _deadline_source_models() -> dict:
    return {model: condition for condition in overdue_conditions for model in condition.sources}


# Saves that cannot change a deadline (the initiative's own other fields) skip the refresh.
DEADLINE_FIELDS = frozenset({"phase", "first_contact_at", "first_contact_due", "next_deadline"})


def deadline_source_changed(sender, instance, update_fields=None, **kwargs) -> None:
    """post_save / post_delete receiver for every model: refresh the initiative a deadline source belongs to."""
    if sender not in _deadline_source_models():
        return
    if isinstance(instance, Initiative):
        if update_fields is not None and not (set(update_fields) & DEADLINE_FIELDS):
            return
        initiative_id = instance.pk
    else:
        initiative_id = instance.initiative_id
    if initiative_id is not None:
        deadlines_refresh(initiative_ids=[initiative_id])


def deadline_source_deleted(sender, instance, **kwargs) -> None:
    """post_delete receiver: a deleted callback or hand-over no longer holds its initiative's deadline."""
    if sender is Initiative:
        return  # its deadline rows go with it
    deadline_source_changed(sender, instance)
